"""Sharded inputs: the surrogate gradient stays sharded and needs no communication.

Runs in a subprocess because the host-device count must be set before JAX starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # multi-device subprocesses

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = r"""
import importlib, json, pkgutil
import jax, jax.numpy as jnp
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec as P
import symsurrogate

assert jax.device_count() == 4, jax.devices()
mesh = Mesh(np.array(jax.devices()), ("data",))
sharding = NamedSharding(mesh, P("data", None))
x = jax.device_put(jnp.linspace(-3.0, 3.0, 8 * 256).reshape(8, 256), sharding)
ct = jax.device_put(jnp.ones((8, 256)), sharding)

modules = [importlib.import_module("symsurrogate._generated")]
for info in pkgutil.iter_modules([symsurrogate.__path__[0] + "/presets"]):
    modules.append(importlib.import_module("symsurrogate.presets." + info.name))
classes = [
    obj for module in modules for obj in vars(module).values()
    if isinstance(obj, type) and issubclass(obj, symsurrogate.Surrogate) and obj is not symsurrogate.Surrogate
]
COLLECTIVES = ("all-reduce", "all-gather", "all-to-all", "collective-permute", "reduce-scatter")


def backward(x, ct, classes):
    # Both autodiff modes and the reference of every class in one program: compiling one SPMD
    # program per class took most of this test's time.
    out = []
    for cls in classes:
        grads = []
        for autodiff in ("vjp", "jvp"):
            _, pullback = jax.vjp(cls(autodiff=autodiff), x)
            grads.append(pullback(ct)[0])
        out.append((grads, cls().surrogate_grad(x)))
    return out


def compiled_for(classes):
    compiled = jax.jit(lambda x, ct: backward(x, ct, classes)).lower(x, ct).compile()
    return compiled, [op for op in COLLECTIVES if op in compiled.as_text()]


compiled, collectives = compiled_for(classes)
# A collective in the whole program is charged to the classes whose own program has one (to
# every class when none has one alone).
per_class = {cls: compiled_for([cls])[1] for cls in classes} if collectives else {}
charged = per_class if any(per_class.values()) else dict.fromkeys(classes, collectives)
results = {}
for cls, (grads, reference) in zip(classes, compiled(x, ct), strict=True):
    expected = np.asarray(reference)
    for autodiff, dx in zip(("vjp", "jvp"), grads):
        results[f"{cls.__name__}/{autodiff}"] = {
            "same_sharding": dx.sharding.is_equivalent_to(x.sharding, x.ndim),
            "collectives": charged[cls],
            "dtype": str(dx.dtype),
            "max_error": float(np.max(np.abs(np.asarray(dx) - expected))),
        }
print(json.dumps(results))
"""


def test_gradient_keeps_input_sharding_without_collectives():
    env = {**os.environ, "XLA_FLAGS": "--xla_force_host_platform_device_count=4", "JAX_PLATFORMS": "cpu"}
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    results = json.loads(result.stdout.strip().splitlines()[-1])
    assert results
    for name, found in results.items():
        assert found["same_sharding"], name
        assert found["collectives"] == [], (name, found["collectives"])
        assert found["dtype"] == "float32", name
        assert found["max_error"] <= 1e-6, (name, found["max_error"])
