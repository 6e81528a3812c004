"""The JAX printer's explicit overrides, the committed generated modules, and SymPy-free use.

Printer tests assert exact emitted strings (the sympy printing habit); the drift test
regenerates every generated file in memory and compares it with the file on disk.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import sympy as sp

import symsurrogate
from symsurrogate._codegen._build import PACKAGE_DIR, generated_files
from symsurrogate._codegen._emit import generator_version
from symsurrogate._codegen._printer import SurrogatePrinter
from symsurrogate._errors import FormulaError
from symsurrogate._symbolic._calculus import X
from symsurrogate._symbolic._nodes import Guard, Reduced, Scaled, StableErfc, StableExpm1, StableLog1p, StableSigmoid

A = sp.Symbol("alpha", positive=True)
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (1 / (1 + sp.Abs(X)) ** 2, "(jnp.abs(x) + 1) ** -2"),
        (A / (2 * (1 + A * sp.Abs(X)) ** 2), "alpha * (alpha * jnp.abs(x) + 1) ** -2 / 2"),
        (X**3, "x ** 3"),
        ((A**2 + X**2) ** sp.Rational(-3, 2), "jax.lax.rsqrt(alpha ** 2 + x ** 2) ** 3"),
        (sp.sqrt(1 + X**2), "jnp.sqrt(x ** 2 + 1)"),
        (sp.erf(X), "jax.scipy.special.erf(x)"),
        (StableErfc(-X), "jax.scipy.special.erfc(-x)"),
        (sp.Rational(1, 10) + X, "x + 0.1"),
        (sp.sqrt(2) * X / (2 * sp.sqrt(sp.pi)), "0.3989422804014327 * x"),
        (sp.pi, "3.141592653589793"),
        (StableSigmoid(A * X), "jax.nn.sigmoid(alpha * x)"),
        (StableLog1p(X**2), "jnp.log1p(x ** 2)"),
        (StableExpm1(-X), "jnp.expm1(-x)"),
        (sp.cos(Reduced(X, 8)), "jnp.cos(jnp.fmod(x, 8))"),
        (sp.Max(0, 1 - sp.Abs(X)), "jnp.maximum(0, 1 - jnp.abs(x))"),
        # A quotient squared whole, by a division (a reciprocal of a huge s would be subnormal).
        (Scaled(X, sp.Abs(X) + A) ** 2, "(x / (alpha + jnp.abs(x))) ** 2"),
        (A * Scaled(-X, 2 * A) / 2, "alpha * ((-x) / (2 * alpha)) / 2"),
        (
            sp.Piecewise((A, X <= 0), (1 / Guard(X > 0, X, 1), True)),
            "jnp.where((x <= 0), alpha, jnp.where((x > 0), x, 1) ** -1)",
        ),
    ],
)
def test_exact_emitted_strings(expr, text):
    assert SurrogatePrinter().doprint(expr) == text


def test_floats_round_trip():
    value = sp.Float("0.1234567890123456789", 30)
    printed = SurrogatePrinter().doprint(value)
    assert float(printed) == float(value) and printed == repr(float(value))


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        (sp.Heaviside(X), "ambiguous at 0"),
        (sp.Piecewise((1, X < 0), (2, X > 0)), "final default branch"),
        (sp.zoo + X, "finite"),
    ],
)
def test_unprintable_formulas_are_named(expr, message):
    with pytest.raises(FormulaError, match=message):
        SurrogatePrinter().doprint(expr)


def test_negative_powers_are_integer_pow_in_the_jaxpr():
    fn = eval("lambda x, alpha: " + SurrogatePrinter().doprint(A / (1 + A * sp.Abs(X)) ** 2), {"jnp": jnp})
    jaxpr = str(jax.make_jaxpr(fn)(jnp.ones(4), 2.0))
    assert "integer_pow[y=-2]" in jaxpr and "pow[" not in jaxpr.replace("integer_pow[", "")


# ---------------------------------------------------------------------------------------
# Generated modules: committed, headed by the spec hash, never drifting.
# The three tests that read a fresh generation share one (on one worker): it takes seconds.
GENERATION = pytest.mark.xdist_group("fresh-generation")


@functools.cache
def fresh_files() -> dict[str, str]:
    return generated_files()


@GENERATION
@pytest.mark.slow  # generates every catalog module
def test_generated_files_match_the_catalog():
    expected = fresh_files()
    for relative, text in expected.items():
        path = PACKAGE_DIR / relative
        assert path.exists(), f"{relative} missing: run `python -m symsurrogate generate`"
        assert path.read_text(encoding="utf-8") == text, f"{relative} drifted: run `python -m symsurrogate generate`"
    on_disk = {p.relative_to(PACKAGE_DIR).as_posix() for p in (PACKAGE_DIR / "_generated").glob("formulas_*.py")}
    stale = on_disk - set(expected)
    assert not stale, f"stale generated modules: {sorted(stale)}"


@GENERATION
@pytest.mark.slow  # generates every catalog module
def test_generated_headers_record_spec_hash_and_generator():
    from symsurrogate._symbolic._catalog import catalog_names, load_spec

    files = fresh_files()
    for key in catalog_names():
        module = "formulas_" + key.replace(".", "__").lower()
        header = files[f"_generated/{module}.py"].split('"""')[1]
        assert f"from spec {load_spec(key).hash}" in header
        assert f"(generator {generator_version()})" in header


@GENERATION
@pytest.mark.slow  # generates every catalog module
def test_generated_modules_import_exactly_the_helpers_they_call():
    # The printer records the helpers it emits; the module's import line must name each one
    # the code calls (an undefined name fails at call time) and no other. Read back with ast.
    import ast

    from symsurrogate._codegen._inline import helper_names

    helpers = helper_names()
    checked = 0
    for relative, text in fresh_files().items():
        if not relative.startswith("_generated/formulas_"):
            continue
        tree = ast.parse(text)
        imported = {
            a.name
            for n in tree.body
            if isinstance(n, ast.ImportFrom) and n.module == "symsurrogate._jaxops"
            for a in n.names
        }
        called = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in helpers}
        assert imported == called, relative
        checked += bool(called)
    assert checked >= 10  # the exponential and logistic entries use helpers


def test_standalone_module_carries_the_helpers_it_calls():
    import ast

    from symsurrogate._api import codegen

    source = codegen("GaussianGrad")
    tree = ast.parse(source)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert {"_dd_exp", "_dd_mul", "_two_prod", "_split"} <= defined
    assigned = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    assert called - defined - assigned <= {"float", "isinstance", "range", "sum"}, called - defined - assigned
    assert "symsurrogate" not in source.split('"""', 2)[2]  # JAX only, no import of ours


_NO_SYMPY = r"""
import importlib, json, pkgutil, sys, time
start = time.perf_counter()
import jax, jax.numpy as jnp
after_jax = time.perf_counter()
import symsurrogate
imported = time.perf_counter()
modules = [importlib.import_module("symsurrogate._generated")]
presets_dir = symsurrogate.__path__[0] + "/presets"
for info in pkgutil.iter_modules([presets_dir]):
    modules.append(importlib.import_module("symsurrogate.presets." + info.name))
classes = [
    obj for module in modules for obj in vars(module).values()
    if isinstance(obj, type) and issubclass(obj, symsurrogate.Surrogate) and obj is not symsurrogate.Surrogate
]
x = jnp.linspace(-2.0, 2.0, 1000)
first = None


def every_path(cls, v):
    surrogate = cls()
    return (
        jax.grad(lambda u: surrogate(u).sum())(v),
        jax.jvp(cls(autodiff="jvp"), (v,), (v,))[1],
        surrogate.surrogate_grad(v),
    )


for cls in classes:
    # Tracing runs every line of Python a call runs (where an import would happen); compiling
    # each class as well would only repeat XLA's work, so the first class alone is executed.
    if first is None:
        jax.block_until_ready(jax.jit(every_path, static_argnums=0)(cls, x))
        first = time.perf_counter()
    else:
        jax.make_jaxpr(every_path, static_argnums=0)(cls, x)
print(json.dumps({
    "sympy": "sympy" in sys.modules,
    "names": [f"{c.__module__}.{c.__name__}" for c in classes],
    "import_jax_s": round(after_jax - start, 3),
    "import_symsurrogate_s": round(imported - after_jax, 3),
    "first_grad_s": round(first - imported, 3),
}))
"""


@pytest.mark.slow  # every catalog class traced in a fresh process
def test_catalog_use_never_imports_sympy():
    result = subprocess.run(
        [sys.executable, "-c", _NO_SYMPY], capture_output=True, text=True, cwd=ROOT, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["names"], "no catalog entry was exercised"
    assert report["sympy"] is False
    print(report)  # import and first-call times, for the record (not asserted)


@pytest.mark.slow  # a fresh process
def test_sympy_side_is_lazy_but_available():
    source = symsurrogate.codegen("Sigmoid")
    namespace: dict = {}
    exec(compile(source, "<generated>", "exec"), namespace)  # the generated module, standalone
    x = jnp.linspace(-3, 3, 7)
    np.testing.assert_allclose(
        jax.grad(lambda v: namespace["spike"](v, 4.0).sum())(x), symsurrogate.Sigmoid().surrogate_grad(x)
    )
    np.testing.assert_allclose(
        jax.jvp(lambda v: namespace["spike_jvp"](v, 4.0), (x,), (jnp.ones_like(x),))[1],
        symsurrogate.Sigmoid().surrogate_grad(x),
    )
