"""precision="fast": plain exponent arguments, checked against mpmath within the fast budget.

The budget is the accurate one plus what rounding the exponent argument explains (see
``symsurrogate._verify._fastbudget``); the reference is mpmath, independent of the code.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import pickle

import jax
import jax.extend.core
import jax.numpy as jnp
import numpy as np
import pytest
import sympy as sp

import symsurrogate as ss
from symsurrogate._cli import main
from symsurrogate._symbolic._calculus import limit_at_infinity
from symsurrogate._symbolic._catalog import catalog_names, load_spec
from symsurrogate._symbolic._spec import make_spec, param_symbol
from symsurrogate._testing import accuracy_grid, allowed_ulp, catalog_class, mp_reference, ulp
from symsurrogate._verify._fastbudget import argument_allowance, roundings

pytestmark = pytest.mark.slow  # both precisions against mpmath

CATALOG = catalog_names()
# braintools' entries with an exponential: the ones whose fast code differs.
EXPONENTIAL = ["Sigmoid", "PiecewiseExp", "S2NN", "SlayerGrad", "ERF", "GaussianGrad", "MultiGaussianGrad"]


def _float32_errors(key: str, precision: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x, ULP error of g in float32, accurate budget, fast allowance) where g is a normal float."""
    xs = accuracy_grid(np.float32)
    exact, cond = mp_reference(key, xs)
    surrogate = catalog_class(key)(precision=precision)
    got = np.asarray(surrogate.surrogate_grad(jnp.asarray(xs, jnp.float32)), np.float64)
    # As in test_stability: XLA:CPU flushes subnormal intermediates, so the smallest normals are left out.
    mask = np.abs(exact) > 1e-30
    error = np.abs(got - exact)[mask] / ulp(exact[mask], np.float32)
    allowance = argument_allowance(load_spec(key), xs[mask])
    extra = np.array([allowance.get(float(x), 0.0) for x in xs[mask]])
    return xs[mask], error, allowed_ulp(cond[mask], exact), extra


@pytest.mark.parametrize("key", EXPONENTIAL)
def test_fast_is_within_the_fast_budget_against_mpmath(key):
    assert hasattr(catalog_class(key).formulas(), "grad_fast"), key
    xs, error, budget, extra = _float32_errors(key, "fast")
    excess = error - (budget + extra)
    assert excess.max() <= 0, f"{key}: {error[np.argmax(excess)]:.1f} ULP at x={xs[np.argmax(excess)]}"


def test_the_fast_budget_is_needed_and_the_accurate_code_does_not_need_it():
    # A Gaussian tail: the plain argument x²/(2σ²) costs tens of ULP, double-float does not.
    xs, fast_error, budget, extra = _float32_errors("GaussianGrad", "fast")
    _, accurate_error, _, _ = _float32_errors("GaussianGrad", "accurate")
    assert (fast_error > budget).any()
    assert (accurate_error <= budget).all()
    assert (extra > 8).any() and extra[np.argmin(np.abs(xs))] < 1e-3  # grows with |u| = x²/(2σ²)


def test_allowance_is_kappa_times_roundings_times_argument():
    x, a = sp.symbols("x alpha", positive=True)
    assert roundings(-a * sp.Abs(x)) == 1
    assert roundings(-(x**2) / (2 * a**2)) == 4  # x², a·a, 1/(a·a), the product; /2 is exact
    assert roundings(sp.Rational(1, 3) * x) == 2  # 1/3 is itself rounded
    # ERF: g = α/√π·e^{−α²x²}, one exponential of relative condition 1; u = −α²x² with 3 roundings.
    allowance = argument_allowance(load_spec("ERF"), [0.0, 1.5, -3.0])
    alpha = float(np.float32(load_spec("ERF").defaults["alpha"]))
    for point in (0.0, 1.5, -3.0):
        assert allowance[point] == pytest.approx(3 * alpha**2 * point**2, rel=1e-12, abs=1e-300)


def test_allowance_of_a_formula_with_a_constant_numpy_lacks():
    """The hyperbolic distribution e^{−√(1 + x²)}/(2K₁(1)): NumPy has no Bessel K, which
    crashed the accurate check with a NameError. Its exponent is not a polynomial, so it is
    rounded in accurate mode too: κ = 1, and the allowance is a fixed number of roundings
    times |u| = √(1 + x²)."""
    spec = make_spec("Hyperbolic", grad="exp(-sqrt(1 + x**2))", params={})
    spec = dataclasses.replace(spec, grad=spec.grad / (2 * sp.besselk(1, 1)))
    points = [0.0, 0.5, -2.0, 7.0]
    allowance = argument_allowance(spec, points, "accurate")
    per_rounding = [allowance[p] / np.sqrt(1 + p**2) for p in points]
    assert per_rounding[0] >= 1 and per_rounding == pytest.approx([per_rounding[0]] * 4, rel=1e-12), allowance


def test_entries_without_an_exponential_have_no_fast_variant():
    formulas = catalog_class("Arctan").formulas()
    assert not hasattr(formulas, "grad_fast")
    assert ss.Arctan(precision="fast").surrogate_grad(0.5) == ss.Arctan().surrogate_grad(0.5)


def test_equality_hash_repr_and_validation():
    accurate, fast = ss.Sigmoid(alpha=4.0), ss.Sigmoid(alpha=4.0, precision="fast")
    assert accurate.precision == "accurate" and fast.precision == "fast"
    assert accurate != fast and hash(accurate) != hash(fast)
    assert fast == ss.Sigmoid(4.0, precision="fast") and hash(fast) == hash(ss.Sigmoid(4.0, precision="fast"))
    assert repr(accurate) == "Sigmoid(alpha=4.0)"
    assert repr(fast) == "Sigmoid(alpha=4.0, precision='fast')"
    assert pickle.loads(pickle.dumps(fast)) == fast
    with pytest.raises(ValueError, match="precision"):
        ss.Sigmoid(precision="quick")


def test_class_level_default():
    class FastSigmoid(ss.Sigmoid):
        default_precision = "fast"

    assert FastSigmoid().precision == "fast" and repr(FastSigmoid()) == "FastSigmoid(alpha=4.0)"
    assert repr(FastSigmoid(precision="accurate")) == "FastSigmoid(alpha=4.0, precision='accurate')"
    with pytest.raises(ValueError, match="default_precision"):
        type("Bad", (ss.Sigmoid,), {"default_precision": "quick"})


def test_precision_is_static_pytree_data_and_jit_uses_each_mode():
    fast = ss.GaussianGrad(precision="fast")
    leaves, treedef = jax.tree_util.tree_flatten(fast)
    assert len(leaves) == 2 and all(not isinstance(v, str) for v in leaves)  # sigma, alpha; never precision
    assert jax.tree_util.tree_unflatten(treedef, leaves) == fast
    x = jnp.asarray(accuracy_grid(np.float32), jnp.float32)
    backward = jax.jit(lambda s, v: jax.grad(lambda u: s(u).sum())(v))
    formulas = type(fast).formulas()
    sigma, alpha = jnp.float32(fast.sigma), jnp.float32(fast.alpha)
    for precision, grad in (("fast", formulas.grad_fast), ("accurate", formulas.grad)):
        got = backward(ss.GaussianGrad(precision=precision), x)
        np.testing.assert_array_equal(got, jax.jit(grad)(x, sigma, alpha))
    assert not np.array_equal(jax.jit(formulas.grad_fast)(x, sigma, alpha), jax.jit(formulas.grad)(x, sigma, alpha))


def _load(source: str, name: str):
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader=None))
    exec(compile(source, name, "exec"), module.__dict__)  # generated code under test
    return module


def test_fast_codegen_has_no_double_float_helpers_and_matches_the_runtime():
    source = ss.codegen("GaussianGrad", precision="fast")
    assert "_dd_" not in source and "_two_prod" not in source and "jnp.exp(" in source
    assert "_dd_exp" in ss.codegen("GaussianGrad")
    module = _load(source, "fast_gaussian")
    x = jnp.asarray(accuracy_grid(np.float32), jnp.float32)
    fast = ss.GaussianGrad(precision="fast")
    got = jax.grad(lambda v: module.spike(v, fast.sigma, fast.alpha).sum())(x)
    np.testing.assert_array_equal(got, fast.surrogate_grad(x))
    with pytest.raises(ValueError, match="precision"):
        ss.codegen("GaussianGrad", precision="quick")


def test_cli_codegen_precision(capsys):
    assert main(["codegen", "Sigmoid", "--precision", "fast"]) == 0
    out = capsys.readouterr().out
    assert "_dd_" not in out and "--precision fast" in out


def test_user_surrogate_has_a_fast_mode():
    cls = ss.surrogate("LaplaceFast", grad="alpha / 2 * exp(-alpha * abs(x))", params={"alpha": 3.0})
    assert hasattr(cls.formulas(), "grad_fast")
    xs = np.array([-20.3, -1.7, 0.0, 0.25, 9.9], np.float32)
    fast = cls(precision="fast")
    assert repr(fast) == "LaplaceFast(alpha=3.0, precision='fast')"
    got = np.asarray(jax.grad(lambda v: fast(v).sum())(jnp.asarray(xs)), np.float64)
    exact = 1.5 * np.exp(-3.0 * np.abs(xs.astype(np.float64)))
    # one rounding of α|x| (≤ |u| ULP) plus the accurate budget
    assert (np.abs(got - exact) / ulp(exact, np.float32) <= 8 + 3.0 * np.abs(xs)).all()


# ---------------------------------------------------------------------------------------
# The clip to ±max: fast mode drops it where the code of g is already right at ±inf.


def _clips(surrogate: ss.Surrogate) -> bool:
    """True when the backward pass calls ``jnp.clip`` (a named sub-program of its jaxpr)."""
    x = jnp.zeros(8, jnp.float32)
    jaxpr = jax.make_jaxpr(lambda x: jax.vjp(surrogate, x)[1](jnp.ones_like(x)))(x)

    def walk(jaxpr) -> bool:
        return any(
            eqn.params.get("name") == "clip" or any(walk(sub) for sub in jax.extend.core.jaxprs_in_params(eqn.params))
            for eqn in jaxpr.eqns
        )

    return walk(jaxpr.jaxpr)


def _at_infinity_and_max(surrogate: ss.Surrogate, dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """(g(+inf), g(−inf)) and (g(+max), g(−max)) in ``dtype``, from one eager call (its
    operations are compiled once per shape, not once per parameter value)."""
    largest = float(jnp.finfo(dtype).max)
    x = jnp.asarray([np.inf, -np.inf, largest, -largest], dtype)
    g = np.asarray(jax.vmap(jax.grad(surrogate))(x), np.float64)
    return g[:2], g[2:]


def _at_infinity_is_at_max(surrogate: ss.Surrogate, key: str) -> None:
    """g(±inf) is g(±max) (the limit, as the clip would have made it) and finite, in f32 and f64."""
    for dtype in (jnp.float32, jnp.float64):
        with jax.enable_x64(dtype == jnp.float64):
            at_inf, at_max = _at_infinity_and_max(surrogate, dtype)
            assert np.all(np.isfinite(at_max)), (key, surrogate, at_max)
            np.testing.assert_array_equal(at_inf, at_max, err_msg=f"{surrogate} {dtype}")


@pytest.mark.parametrize("key", CATALOG)
def test_fast_gradient_at_infinity_is_its_limit_with_or_without_the_clip(key):
    """Where the generated module says the fast code of g needs no clip for the default
    parameters, the backward pass has none, and g(±inf) is g(±max), as the clip would have
    made it; where it needs one, the clip is still there."""
    cls = catalog_class(key)
    accurate, fast = cls(), cls(precision="fast")
    _at_infinity_is_at_max(fast, key)
    bounds = fast.formulas().FAST_GRAD_AT_INFINITY
    unclipped = bounds is not None and all(low <= fast.params[n] <= high for n, (low, high) in bounds.items())
    assert _clips(fast) != unclipped, (key, bounds)
    assert _clips(accurate)  # double-float meets ∞ − ∞ at inf: always clipped


def _clipped_or_limit(surrogate: ss.Surrogate, limits: tuple[sp.Expr, sp.Expr]) -> None:
    """Each of g(+inf), g(−inf) is the limit of g there (``limits``, at the instance's
    parameter values) or what the clip gives, g(±max): never a third value, never NaN where
    g(±max) is a number."""
    params = zip(surrogate.spec.params, surrogate.params.values(), strict=True)
    values = {param_symbol(p): sp.Float(float(v), 30) for p, v in params}
    for dtype in (jnp.float32, jnp.float64):
        with jax.enable_x64(dtype == jnp.float64):
            at_inf, at_max = _at_infinity_and_max(surrogate, dtype)
            for got, clipped, limit in zip(at_inf, at_max, limits, strict=True):
                exact = limit.xreplace(values)
                expected = float(np.asarray(float(exact), dtype)) if exact.is_finite else np.nan
                ok = got == expected or got == clipped or (np.isnan(got) and np.isnan(clipped))
                assert ok, (surrogate, dtype, got, clipped, exact)


@pytest.mark.parametrize("key", [k for k in CATALOG if catalog_class(k).formulas().FAST_GRAD_AT_INFINITY])
def test_fast_gradient_at_infinity_at_the_corners_of_its_parameter_bounds(key):
    """At the edges of the intervals that let fast mode drop the clip (2^±e, where a factor such
    as α² would otherwise underflow to 0 and meet inf), every combination of them, g(±inf) is
    still the limit of g (or what the clip gives: the two differ where g decays so slowly that
    g(±max) is not yet 0). Just outside an interval, and for a traced parameter, the clip is back."""
    cls = catalog_class(key)
    bounds = cls.formulas().FAST_GRAD_AT_INFINITY
    limits = tuple(limit_at_infinity(load_spec(key).grad, side) for side in (1, -1))
    for corner in itertools.product(*(bounds[name] for name in bounds)):
        try:
            surrogate = cls(**dict(zip(bounds, corner, strict=True)), precision="fast")
        except ValueError:  # outside a parameter's domain (a negative width): never called
            continue
        assert not _clips(surrogate), (key, corner)
        _clipped_or_limit(surrogate, limits)
    for name, (low, high) in bounds.items():
        for outside in (low * (2.0 if low < 0 else 0.5), high * 2.0):
            try:
                assert _clips(cls(**{name: outside}, precision="fast")), (key, name, outside)
            except ValueError:  # outside the domain too
                continue
    surrogate = cls(precision="fast")
    backward = jax.jit(lambda s, x: jax.vjp(s, x)[1](jnp.ones_like(x))[0])
    g = backward(surrogate, jnp.asarray([np.inf, -np.inf, 1.0], jnp.float32))
    assert np.all(np.isfinite(np.asarray(g))), (key, g)
    jaxpr = jax.make_jaxpr(lambda s, x: jax.vjp(s, x)[1](jnp.ones_like(x)))(surrogate, jnp.zeros(4))
    assert "name=clip" in str(jaxpr), key  # a surrogate passed as an argument has traced parameters


def test_a_parameter_taken_positive_is_bounded_even_where_it_no_longer_meets_infinity():
    """A branch on α's sign disappears once α is taken positive: α must still be bounded
    positive, or α = 0 would select exp(α|x|) = exp(0·inf) = NaN at inf without the clip."""
    cls = ss.surrogate(
        "SignSwitch",
        grad="Piecewise((exp(-Abs(x)), alpha > 0), (exp(alpha*Abs(x)), True))",
        params={"alpha": {"default": 1.0, "domain": "real"}},
    )
    assert cls.formulas().FAST_GRAD_AT_INFINITY == {"alpha": (2.0**-64, 2.0**64)}
    for alpha in (1.0, 0.0, -1e-30):
        surrogate = cls(alpha=alpha, precision="fast")
        assert _clips(surrogate) == (alpha <= 0)
        g = np.asarray(jax.vmap(jax.grad(surrogate))(jnp.asarray([np.inf, -np.inf], jnp.float32)))
        assert np.all(np.isfinite(g)), (alpha, g)


def test_a_slow_tail_at_infinity_is_its_limit_without_the_clip():
    """g = 1/(1 + α|x|) at α = 1e-10 is still 2.9e−29 at float32's max: without the clip,
    g(±inf) is the limit 0 itself."""
    cls = ss.surrogate("SlowTail", grad="alpha/(2*(1 + alpha*Abs(x))**2)", params={"alpha": 1.0})
    surrogate = cls(alpha=1e-10, precision="fast")
    assert not _clips(surrogate)
    limits = tuple(limit_at_infinity(cls.spec.grad, side) for side in (1, -1))
    assert limits == (0, 0)
    _clipped_or_limit(surrogate, limits)
    g = np.asarray(jax.vmap(jax.grad(surrogate))(jnp.asarray([np.inf, -np.inf], jnp.float32)))
    assert np.array_equal(g, [0.0, 0.0]), g


def test_the_clip_stays_where_the_code_of_g_would_meet_infinity_times_zero():
    """A bump of your own whose code multiplies a growing and a decaying factor: at inf that is
    inf·0 = NaN, so its fast mode keeps the clip and g(±inf) is the limit 0."""
    from symsurrogate._codegen._infinity import unclipped_at_infinity
    from symsurrogate._symbolic._calculus import X

    bump = ss.surrogate("Bimodal", grad="2*x**2*exp(-x**2)/sqrt(pi)")
    fast = bump(precision="fast")
    assert fast.formulas().FAST_GRAD_AT_INFINITY is None and _clips(fast)
    g = jax.vmap(jax.grad(fast))(jnp.asarray([np.inf, -np.inf, 1e30], jnp.float32))
    assert np.array_equal(np.asarray(g), np.zeros(3)), g
    alpha, sigma = sp.Symbol("alpha", positive=True), sp.Symbol("sigma", positive=True)
    beta = sp.Symbol("beta", nonnegative=True)  # may be 0: the runtime checks β ≥ 2^−64
    mu = sp.Symbol("mu", real=True)
    e = sp.exp(-alpha * sp.Abs(X))
    # α·∞ is ∞ for every α > 0 in SymPy, but a subnormal α is 0 in XLA's float32: 0·inf.
    # The code is right at inf for α in [2^−64, 2^64], which the runtime checks.
    assert unclipped_at_infinity(e * alpha * (e + 1) ** -2) == {"alpha": (2.0**-64, 2.0**64)}
    # α² underflows where α does not: half the exponent range; α²σ² a quarter, /2 one bit less.
    assert unclipped_at_infinity(sp.exp(-(alpha**2) * X**2)) == {"alpha": (2.0**-62, 2.0**62)}
    quarter = (2.0**-31, 2.0**31)
    assert unclipped_at_infinity(sp.exp(-(X**2) / (2 * alpha**2 * sigma**2))) == {"alpha": quarter, "sigma": quarter}
    # In a sum a parameter need only be finite: μ may be 0 or negative.
    assert unclipped_at_infinity(sp.exp(-sp.Abs(X - mu))) == {"mu": (-(2.0**64), 2.0**64)}
    # 1/μ is finite only for μ ≠ 0: the bounds ask for a positive μ
    assert unclipped_at_infinity(sp.exp(-sp.Abs(X - 1 / mu))) == {"mu": (2.0**-64, 2.0**64)}
    assert unclipped_at_infinity(sp.exp(-sp.exp(-alpha) * sp.Abs(X))) is None  # e^{−120} is 0 in float32
    assert unclipped_at_infinity(sp.exp(-(1 + alpha) * sp.Abs(X))) is None  # not a monomial: not bounded
    assert unclipped_at_infinity(sp.Abs(X) ** -alpha) is None  # inf^α: α in an exponent
    assert unclipped_at_infinity(sp.Piecewise((alpha, X < 0), (0, True))) == {}  # constant tails
    assert unclipped_at_infinity(sp.exp(-beta * sp.Abs(X))) == {"beta": (2.0**-64, 2.0**64)}
    assert unclipped_at_infinity(sp.exp(alpha * X) / (1 + sp.exp(alpha * X))) is None  # ∞/∞ in IEEE
    assert unclipped_at_infinity(sp.cos(X) ** 2 * sp.exp(-sp.Abs(X))) is None  # cos(∞) is NaN
    assert unclipped_at_infinity(X * sp.exp(-(X**2))) is None  # ∞·0


@pytest.mark.parametrize(("key", "params"), [("SlayerGrad", {"alpha": 1e-40}), ("Sigmoid", {"alpha": 1e-40})])
def test_fast_mode_at_infinity_with_a_parameter_that_underflows(key, params):
    """A subnormal α is 0 in XLA's float32 arithmetic: α·inf would be NaN without the clip."""
    x = jnp.asarray([np.inf, -np.inf, 3.4e38], jnp.float32)
    surrogate = catalog_class(key)(**params, precision="fast")
    assert _clips(surrogate)
    fast = jax.vmap(jax.grad(surrogate))(x)
    accurate = jax.vmap(jax.grad(catalog_class(key)(**params)))(x)
    assert np.all(np.isfinite(np.asarray(fast))), fast
    np.testing.assert_array_equal(np.asarray(fast), np.asarray(accurate))
