"""Pickling surrogates (catalog classes by reference, user classes by spec) and pytree key paths."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import sympy as sp

import symsurrogate as ss

pytestmark = pytest.mark.slow  # unpickling in other processes

ROOT = Path(__file__).resolve().parents[1]
ATAN = "1/2 + atan(pi*alpha*x/2)/pi"


def _reference_grad(alpha: float, x: float) -> float:
    # d/dx of the arctan primitive, by SymPy: independent of the generated code.
    xs, a = sp.symbols("x alpha")
    g = sp.diff(sp.Rational(1, 2) + sp.atan(sp.pi * a * xs / 2) / sp.pi, xs)
    return float(g.subs({xs: x, a: alpha}))


def test_catalog_instance_round_trips_by_reference():
    spike = ss.Sigmoid(alpha=3.0)
    back = pickle.loads(pickle.dumps(spike))
    assert type(back) is ss.Sigmoid and back == spike


def test_user_instance_round_trips_in_process_as_the_same_class():
    Mine = ss.surrogate("PickledAtan", primitive=ATAN, params={"alpha": 2.0})
    spike = Mine(alpha=3.0, autodiff="jvp")
    back = pickle.loads(pickle.dumps(spike))
    assert type(back) is Mine
    assert back == spike and back.autodiff == "jvp"
    assert copy.deepcopy(spike) == spike


def test_user_instance_with_array_parameter_and_static_integer():
    Series = ss.surrogate(
        "PickledSeries",
        grad="n*alpha/(1 + (alpha*x)**2)",
        params={"alpha": 2.0, "n": {"default": 2, "domain": "positive_integer", "static": True}},
    )
    spike = Series(alpha=jnp.array([1.0, 4.0]), n=3)
    back = pickle.loads(pickle.dumps(spike))
    assert back.n == 3
    np.testing.assert_array_equal(np.asarray(back.alpha), [1.0, 4.0])


@pytest.mark.parametrize("define_first", [False, True])
def test_user_instance_unpickles_in_another_process(define_first):
    Mine = ss.surrogate("PickledAtan", primitive=ATAN, params={"alpha": 2.0})
    payload = pickle.dumps(Mine(alpha=3.0))
    define = (
        f"Mine = ss.surrogate('PickledAtan', primitive={ATAN!r}, params={{'alpha': 2.0}})\n" if define_first else ""
    )
    script = (
        "import pickle, sys, jax\nimport symsurrogate as ss\n"
        + define
        + "spike = pickle.loads(sys.stdin.buffer.read())\n"
        "print(repr(spike), float(jax.grad(lambda v: spike(v))(0.5)))\n"
        + ("print(type(spike) is Mine)\n" if define_first else "")
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=payload, capture_output=True, cwd=ROOT, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    lines = done.stdout.decode().split("\n")
    name, value = lines[0].rsplit(" ", 1)
    assert name == "PickledAtan(alpha=3.0)"
    assert float(value) == pytest.approx(_reference_grad(3.0, 0.5), rel=1e-6)
    if define_first:
        assert lines[1] == "True"


def test_pickle_holds_formula_text_not_code():
    Mine = ss.surrogate("PickledAtan", primitive=ATAN, params={"alpha": 2.0})
    payload = pickle.dumps(Mine())
    assert ATAN.encode() in payload
    assert b"custom_vjp" not in payload and b"def " not in payload


def test_changed_formulas_fail_with_a_clear_error():
    from symsurrogate._codegen._userclass import class_from_data, spec_data

    Mine = ss.surrogate("PickledAtan", primitive=ATAN, params={"alpha": 2.0})
    data = {**spec_data(Mine), "hash": "0" * 16}
    with pytest.raises(pickle.UnpicklingError, match="PickledAtan"):
        class_from_data(data)


def test_parameters_show_by_name_in_key_paths():
    paths = jax.tree_util.tree_flatten_with_path({"spike": ss.Sigmoid(alpha=jnp.array(2.0))})[0]
    assert [jax.tree_util.keystr(path) for path, _ in paths] == ["['spike'].alpha"]
    Mine = ss.surrogate("KeyedAtan", primitive=ATAN, params={"alpha": 2.0})
    ((path, leaf),) = jax.tree_util.tree_flatten_with_path(Mine(alpha=5.0))[0]
    assert jax.tree_util.keystr(path) == ".alpha" and leaf == 5.0


def test_key_registration_keeps_flatten_and_unflatten():
    spike = ss.Sigmoid(alpha=jnp.array(2.0))
    leaves, tree = jax.tree_util.tree_flatten(spike)
    assert len(leaves) == 1
    assert jax.tree_util.tree_unflatten(tree, [jnp.array(7.0)]).alpha == 7.0
    assert jax.grad(lambda s: s.surrogate_grad(0.0))(spike).alpha == pytest.approx(0.25)  # d(α/4)/dα


def test_checking_a_class_does_not_change_which_class_unpickles():
    Mine = ss.surrogate("PickledChecked", grad="alpha/(2*(1 + Abs(alpha*x))**2)", params={"alpha": 2.0})
    assert ss.check(Mine).ok  # builds a class of its own from the same spec
    spike = Mine(alpha=3.0)
    assert type(pickle.loads(pickle.dumps(spike))) is Mine
