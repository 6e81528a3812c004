"""Presets reproduce other libraries' surrogates: names, defaults, spike convention, formulas.

The expected names, defaults and conventions below were written from each library's own
documentation and code (snnTorch ``snntorch.surrogate``, SpikingJelly
``activation_based.surrogate``, Norse ``functional.threshold``, spyx ``axn``, sinabs
``activation.surrogate_gradient_fn``), not from this package. Each preset's ``source``
formula (the library's backward pass, transliterated) is proved equal to the preset's
gradient and to its catalog shape under the declared mapping.
"""

from __future__ import annotations

import random
import subprocess
import sys

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

from symsurrogate import presets
from symsurrogate._symbolic._calculus import X
from symsurrogate._symbolic._catalog import catalog_entries, catalog_entry, load_spec
from symsurrogate._symbolic._parse import parse_formula

pytestmark = pytest.mark.slow  # every preset against its library's formula

# library -> (spikes where x > 0?, {preset: ((parameter, default), ...)}), from the libraries' docs.
LIBRARIES = {
    "snntorch": (
        True,
        {
            "atan": (("alpha", 2.0),),
            "fast_sigmoid": (("slope", 25),),
            "sigmoid": (("slope", 25),),
            "triangular": (("threshold", 1),),
            "spike_rate_escape": (("beta", 1), ("slope", 25)),
            "SFS": (("slope", 25), ("B", 1)),
            "straight_through_estimator": (),
        },
    ),
    "spikingjelly": (
        False,
        {
            "Sigmoid": (("alpha", 4.0),),
            "ATan": (("alpha", 2.0),),
            "SoftSign": (("alpha", 2.0),),
            "SuperSpike": (("alpha", 1.0),),
            "Erf": (("alpha", 2.0),),
            "PiecewiseQuadratic": (("alpha", 1.0),),
            "PiecewiseExp": (("alpha", 1.0),),
            "PiecewiseLeakyReLU": (("w", 1.0), ("c", 0.01)),
            "QPseudoSpike": (("alpha", 2.0),),
            "LeakyKReLU": (("leak", 0.0), ("k", 1.0)),
            "NonzeroSignLogAbs": (("alpha", 1.0),),
            "LogTailedReLU": (("alpha", 0.0),),
            "S2NN": (("alpha", 4.0), ("beta", 1.0)),
            "FakeNumericalGradient": (("alpha", 0.3),),
            "Rect": (("alpha", 1.0),),
            "DeterministicPass": (),
            "SquarewaveFourierSeries": (("n", 2), ("T_period", 8)),
        },
    ),
    "norse": (
        True,
        {
            "super_fn": (("alpha", 100.0),),
            "triangle_fn": (("alpha", 0.3),),
            # No defaults of their own: threshold(x, method, alpha) passes LIFParameters.alpha = 100.
            "heavi_tanh_fn": (("k", 100.0),),
            "heavi_circ_fn": (("k", 100.0),),
            "heavi_erfc_fn": (("k", 100.0),),
        },
    ),
    "spyx": (
        True,
        {
            "superspike": (("k", 25),),
            "arctan": (("k", 2),),
            "tanh": (("k", 1),),
            "triangular": (("k", 2),),
            "boxcar": (("width", 2), ("height", 0.5)),
            "abs_linear": (("dampening_factor", 0.3),),
        },
    ),
    "sinabs": (
        False,
        {
            "SingleExponential": (("grad_width", 0.5), ("grad_scale", 1.0), ("spike_threshold", 1.0)),
            "Gaussian": (("mu", 0.0), ("sigma", 0.5), ("grad_scale", 1.0)),
            "MultiGaussian": (("mu", 0.0), ("sigma", 0.5), ("h", 0.15), ("s", 6), ("grad_scale", 1.0)),
            "Heaviside": (("window", 1.0), ("spike_threshold", 1.0)),
        },
    ),
}
KEYS = [f"{lib}.{name}" for lib, (_, table) in LIBRARIES.items() for name in table]


def _numeric_equal(lhs: sp.Expr, rhs: sp.Expr, spec, points: int = 30) -> None:
    """lhs == rhs at random x and random parameter values in their domains, to 25 digits."""
    rng = random.Random(hash(spec.name) & 0xFFFF)
    for _ in range(points):
        subs = {X: sp.Rational(repr(round(rng.uniform(-4, 4), 5)))}
        for p in spec.params:
            if p.static:
                value = sp.Integer(rng.randint(1, 5))
            elif p.domain == "positive":
                value = sp.Rational(repr(round(float(p.default) * float(np.exp(rng.uniform(-0.7, 0.7))), 5)))
            else:
                value = sp.Rational(repr(round(float(p.default) + rng.uniform(-1, 1), 5)))
            subs[spec.symbols[p.name]] = value
        a, b = (e.xreplace(subs) for e in (lhs, rhs))
        a, b = (e.doit() if e.has(sp.Sum) else e for e in (a, b))
        with mpmath.workdps(30):
            va, vb = complex(sp.N(a, 30)), complex(sp.N(b, 30))
        assert abs(va - vb) <= 1e-20 * (1 + abs(va)), f"{spec.name}: {va} != {vb} at {subs}"


def _prove_equal(lhs: sp.Expr, rhs: sp.Expr, spec) -> str:
    if sp.simplify(lhs - rhs) == 0:
        return "symbolic"
    # simplify cannot decide every Piecewise/Max difference; those are checked pointwise.
    assert lhs.has(sp.Piecewise, sp.Max, sp.Min) or rhs.has(sp.Piecewise, sp.Max, sp.Min), (
        f"{spec.name}: not equal: {lhs} vs {rhs}"
    )
    _numeric_equal(lhs, rhs, spec)
    return "numeric"


def test_every_preset_is_listed() -> None:
    presets_in_catalog = [key for key, (group, _) in catalog_entries().items() if group.startswith("presets:")]
    assert sorted(presets_in_catalog) == sorted(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_names_defaults_and_convention_match_the_library(key: str) -> None:
    library, name = key.split(".")
    strict, table = LIBRARIES[library]
    cls = getattr(getattr(presets, library), name)
    assert cls.__name__ == name
    assert [(p.name, p.default) for p in cls._params] == list(table[name])
    instance = cls()
    spikes = np.asarray(instance(jnp.array([-1.0, 0.0, 1.0])))
    assert spikes.tolist() == [0.0, 0.0 if strict else 1.0, 1.0]
    positional = cls(*[default for _, default in table[name]])
    assert positional == instance


@pytest.mark.parametrize("key", KEYS)
def test_source_formula_equals_the_gradient(key: str) -> None:
    spec = load_spec(key)
    source = parse_formula(catalog_entry(key)[1]["source"], spec.symbols)
    _prove_equal(source, spec.grad, spec)


@pytest.mark.parametrize("key", KEYS)
def test_preset_is_its_catalog_shape_under_the_mapping(key: str) -> None:
    spec = load_spec(key)
    mapping = catalog_entry(key)[1]["maps_to"]
    shape = load_spec(mapping["shape"])
    symbols = spec.symbols
    assert set(mapping["params"]) == set(shape.param_names), f"{key}: map every parameter of {shape.name}"
    subs = {shape.symbols[name]: parse_formula(text, symbols) for name, text in mapping["params"].items()}
    subs[X] = parse_formula(mapping.get("x_scale", "1"), symbols) * X
    mapped = parse_formula(mapping["scale"], symbols) * shape.grad.xreplace(subs)
    mapped = mapped.doit() if mapped.has(sp.Sum) else mapped
    when = {symbols[name]: parse_formula(text, symbols) for name, text in mapping.get("when", {}).items()}
    if "where" in mapping:
        # A mapping valid on part of a domain, "alpha > 1": prove it for alpha = 1 + t, t > 0.
        name, op, bound = mapping["where"].split()
        assert op == ">"
        when[symbols[name]] = sp.Integer(int(bound)) + sp.Symbol("t", positive=True)
    grad = spec.grad.xreplace(when)
    if "knots" in mapping:
        # Equal except at the knots the mapping names: compare away from them.
        _numeric_equal(grad, mapped.xreplace(when), spec)
    else:
        _prove_equal(grad, mapped.xreplace(when), spec)


@pytest.mark.parametrize("key", KEYS)
def test_runtime_gradient_matches_the_library_formula(key: str) -> None:
    """The generated JAX gradient equals the library's own formula, evaluated in mpmath."""
    library, name = key.split(".")
    spec = load_spec(key)
    source = parse_formula(catalog_entry(key)[1]["source"], spec.symbols)
    source = spec.at(source)
    surrogate = getattr(getattr(presets, library), name)()
    xs = np.array([-2.3, -0.7, -0.013, 0.021, 0.4, 1.3, 3.1])
    got = np.asarray(jax.vmap(jax.grad(lambda x: surrogate(x)))(jnp.asarray(xs, jnp.float32)))
    for x, value in zip(xs, got, strict=True):
        expected = float(sp.N(source.xreplace({X: sp.Rational(repr(float(x)))}), 20))
        assert value == pytest.approx(expected, rel=2e-5, abs=1e-30), f"{key} at x={x}"


def test_issue_examples_construct() -> None:
    made = [
        presets.snntorch.fast_sigmoid(slope=25),
        presets.snntorch.atan(alpha=2.0),
        presets.snntorch.sigmoid(slope=25),
        presets.spikingjelly.SuperSpike(alpha=1.0),
        presets.spikingjelly.QPseudoSpike(alpha=2.0),
        presets.norse.super_fn(alpha=100.0),
        presets.spyx.arctan(k=2.0),
        presets.spyx.superspike(k=25.0),
    ]
    assert [repr(m) for m in made] == [
        "fast_sigmoid(slope=25)",
        "atan(alpha=2.0)",
        "sigmoid(slope=25)",
        "SuperSpike(alpha=1.0)",
        "QPseudoSpike(alpha=2.0)",
        "super_fn(alpha=100.0)",
        "arctan(k=2.0)",
        "superspike(k=25.0)",
    ]
    # snnTorch's fast sigmoid at U = 0.1 with k = 25: 1 / (25 * 0.1 + 1)^2 = 1 / 12.25.
    assert float(jax.grad(made[0])(0.1)) == pytest.approx(1 / 12.25, rel=1e-6)


def test_bad_values_and_names() -> None:
    with pytest.raises(ValueError, match="slope"):
        presets.snntorch.fast_sigmoid(slope=0.0)
    with pytest.raises(ValueError, match="'n'"):
        presets.spikingjelly.SquarewaveFourierSeries(n=1.5)
    with pytest.raises(AttributeError, match="libraries"):
        _ = presets.brian2


def test_presets_are_lazy_and_need_no_sympy() -> None:
    code = (
        "import sys\n"
        "import symsurrogate.presets as p\n"
        "assert 'symsurrogate.presets.snntorch' not in sys.modules\n"
        "from symsurrogate import presets\n"
        "presets.snntorch.fast_sigmoid(slope=25)\n"
        "assert 'sympy' not in sys.modules, 'sympy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_library_source_is_kept_on_the_spec() -> None:
    spec = load_spec("snntorch.sigmoid")
    assert spec.source["library"] == "slope * exp(-slope * x) / ((exp(-slope * x) + 1)**2)"
    assert spec.strict
