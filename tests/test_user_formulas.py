"""Formulas a new user writes, not tuned to the catalog: stable, NaN-free, robust and fast.

References are independent of the code under test: each formula string is evaluated by
mpmath at 60 digits through SymPy's own lambdify (not through symsurrogate's reference),
and the stabilising rewrites are proven exact in tests/test_stability.py (REWRITES).
"""

from __future__ import annotations

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

import symsurrogate as ss
from symsurrogate._api import as_spec
from symsurrogate._codegen import _stabilize
from symsurrogate._verify import _checks
from symsurrogate._verify._mpref import mp_function
from symsurrogate._verify._paramknots import parameter_knots

pytestmark = pytest.mark.slow  # full checks of user formulas

X = sp.Symbol("x", real=True)

# name: (keyword arguments of ss.surrogate, the gradient g as the formula a reader would write)
FORMULAS = {
    "sech² as 1 − tanh²": (
        {"grad": "alpha*(1 - tanh(alpha*x)**2)/2", "params": {"alpha": 2.0}},
        "alpha*(1 - tanh(alpha*x)**2)/2",
    ),
    "logistic of x/t": ({"primitive": "1/(1 + exp(-x/t))", "params": {"t": 0.5}}, "exp(-x/t)/(t*(1 + exp(-x/t))**2)"),
    "logistic of x/tau": (
        {"primitive": "1/(1 + exp(-x/tau))", "params": {"tau": 0.25}},
        "exp(-x/tau)/(tau*(1 + exp(-x/tau))**2)",
    ),
    "1 − σ": ({"primitive": "1 - 1/(1 + exp(alpha*x))", "params": {"alpha": 4.0}}, "alpha/(4*cosh(alpha*x/2)**2)"),
    "x/(1 + |x|)": ({"primitive": "(x/(1 + Abs(x)) + 1)/2"}, "1/(2*(1 + Abs(x))**2)"),
    "x/√(1 + x²)": ({"primitive": "(x/sqrt(1 + x**2) + 1)/2"}, "1/(2*(1 + x**2)**(3/2))"),
    "αx/(1 + |αx|)": (
        {"primitive": "(alpha*x/(1 + Abs(alpha*x)) + 1)/2", "params": {"alpha": 2.0}},
        "alpha/(2*(1 + Abs(alpha*x))**2)",
    ),
    "αx/√(1 + α²x²)": (
        {"primitive": "(alpha*x/sqrt(1 + (alpha*x)**2) + 1)/2", "params": {"alpha": 2.0}},
        "alpha/(2*(1 + alpha**2*x**2)**(3/2))",
    ),
    "Epanechnikov": ({"grad": "Piecewise((3*(1 - x**2)/4, Abs(x) < 1), (0, True))"}, "3*(1 - x**2)/4"),
    "triweight, expanded": (
        {"grad": "Piecewise((35/32 - 105*x**2/32 + 105*x**4/32 - 35*x**6/32, Abs(x) < 1), (0, True))"},
        "35*(1 - x**2)**3/32",
    ),
    "quadratic spline, expanded": (
        {"grad": "Piecewise((1 - 2*Abs(x) + x**2, Abs(x) < 1), (0, True))"},
        "(1 - Abs(x))**2",
    ),
    "cubic smoothstep over [−w, w]": (
        {"primitive": "Piecewise((0, x < -w), (1, x > w), (3*(x/w + 1)**2/4 - (x/w + 1)**3/4, True))",
         "params": {"w": 1.5}},
        "3*(w**2 - x**2)/(4*w**3)",
    ),
}  # fmt: skip


def _points(support: float | None) -> np.ndarray:
    """Float32 probe points: the body, the tails out to ±3e38, and near ±support."""
    body = np.linspace(-8, 8, 257)
    tails = np.concatenate([s * 2.0 ** np.arange(3, 128, 0.5) for s in (-1, 1)])
    points = np.concatenate([body, tails])
    if support is not None:
        near = support * (1 - 2.0 ** -np.arange(1, 22))
        points = np.concatenate([points, near, -near])
    points = points.astype(np.float32)
    return points[np.isfinite(points) & ((support is None) | (np.abs(points) < (support or 0)))]


@pytest.mark.parametrize("name", list(FORMULAS))
def test_float32_gradient_within_8_ulp_of_mpmath(name):
    kwargs, written = FORMULAS[name]
    params = kwargs.get("params", {})
    cls = ss.surrogate("UserFormula", **kwargs)
    surrogate = cls(**params)
    support = 1.0 if "Abs(x) < 1" in kwargs.get("grad", "") else params.get("w")
    xs = _points(support)
    got = np.asarray(jax.jit(jax.vmap(jax.grad(lambda v: surrogate(v))))(jnp.asarray(xs)), np.float64)
    symbols = {name: sp.Symbol(name, positive=True) for name in params}
    g = sp.sympify(written, locals={"x": X, **symbols}).subs(
        {symbols[k]: float(np.float32(v)) for k, v in params.items()}
    )
    reference = sp.lambdify(X, g, "mpmath")
    with mpmath.workdps(60):
        expected = np.array([float(reference(mpmath.mpf(float(v)))) for v in xs])
    assert np.all(np.isfinite(got)), xs[~np.isfinite(got)]
    normal = np.abs(expected) > 1e-30
    ulp = np.spacing(np.abs(expected[normal]).astype(np.float32)).astype(np.float64)
    error = np.abs(got[normal] - expected[normal]) / ulp
    assert error.max() <= 8, (xs[normal][error.argmax()], error.max())


def test_a_parameter_named_t_is_not_confused_with_internal_symbols():
    # 1/(1 + e^(−x/t)): g(0) = 1/(4t), and the check passes (it failed by 10^7 ULP).
    cls = ss.surrogate("LogisticT", primitive="1/(1 + exp(-x/t))", params={"t": 0.5})
    assert float(cls(t=0.5).surrogate_grad(0.0)) == 0.5
    report = ss.check(cls)
    assert report.ok, [str(r) for r in report.failures]


def test_sech_squared_written_as_one_minus_tanh_squared_passes_its_check():
    report = ss.check(ss.surrogate("SechSquared", grad="alpha*(1 - tanh(alpha*x)**2)/2", params={"alpha": 2.0}))
    assert report.ok, [str(r) for r in report.failures]
    assert report.properties["tail"] == {"left": "exponential(4)", "right": "exponential(4)"}


# --- NaN-free derivatives at parameter knots -------------------------------------------


def test_parameter_knots_are_found_by_solving_conditions_for_the_parameter():
    assert parameter_knots(as_spec("QPseudoSpike")) == {"alpha": [1.0]}
    assert parameter_knots(as_spec("PiecewiseQuadratic")) == {}  # |x| > 1/α is an x knot


def test_qpseudospike_at_alpha_one_has_finite_derivatives_equal_to_mpmath():
    f = ss.QPseudoSpike(alpha=1.0)
    xs = jnp.asarray([-30.0, -3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0, 30.0], jnp.float32)
    dG = np.asarray(jax.vmap(jax.grad(f.surrogate_fun))(xs))
    # At α = 1, g = (1 + |x|)^−1 (the formula with α = 1 substituted by hand).
    expected = 1 / (1 + np.abs(np.asarray(xs, np.float64)))
    np.testing.assert_allclose(dG, expected, rtol=1e-6)
    for fn in (lambda a, v: ss.QPseudoSpike(alpha=a)(v), lambda a, v: ss.QPseudoSpike(alpha=a).surrogate_fun(v)):
        d_alpha = np.asarray(jax.vmap(jax.grad(fn), (None, 0))(jnp.float32(1.0), xs))
        assert np.all(np.isfinite(d_alpha)), d_alpha


def test_knot_check_passes_and_fails_when_branches_are_not_guarded(monkeypatch):
    spec = as_spec("QPseudoSpike")
    source = {k: spec.source[k] for k in ("primitive", "grad")}
    guarded = ss.check(ss.surrogate("GuardedQ", **source, params={"alpha": 2.0}))
    assert guarded.result("knot alpha=1").ok, guarded.result("knot alpha=1")
    # Without safe inputs for unselected branches the 1/(1 − α) branch leaks NaN at α = 1.
    monkeypatch.setattr(_stabilize, "_safe_inputs", lambda *args: None)
    unguarded = ss.check(ss.surrogate("UnguardedQ", **source, params={"alpha": 2.0}))
    result = unguarded.result("knot alpha=1")
    assert not result.ok and "not finite" in result.found, result


# --- the checker never crashes --------------------------------------------------------


def test_gumbel_density_is_checked_without_memory_error():
    # exp(−e^(−αx)) far left made mpmath build a mantissa of ~e^(αx) bits: MemoryError.
    cls = ss.surrogate("Gumbel", grad="alpha*exp(-alpha*x)*exp(-exp(-alpha*x))", params={"alpha": 2.0})
    report = ss.check(cls)
    assert report.result("real").ok and report.result("derivative").ok
    assert report.properties["tail"]["right"] == "exponential(2)"
    assert report.properties["tail"]["left"] == "gaussian"  # faster than any exponential
    g = mp_function(2 * sp.exp(-2 * X) * sp.exp(-sp.exp(-2 * X)))
    assert g(-1e300) == 0 and g(-1e6) == 0
    # The product e^(−αx)·e^(−e^(−αx)) is one exponential: no inf·0 for x ≪ 0.
    values = jax.vmap(jax.grad(lambda v: cls()(v)))(jnp.asarray([-1e30, -1e4, -50.0, 0.0], jnp.float32))
    assert np.all(np.isfinite(np.asarray(values)))


def test_an_analysis_that_runs_out_of_memory_is_undecided(monkeypatch):
    def explode(spec):
        raise MemoryError

    monkeypatch.setattr(_checks, "analyse", explode)
    report = _checks.check_spec(ss.spec("Any", primitive="1/(1 + exp(-x))"), numerics=False)
    result = report.result("analysis")
    assert not result.ok and result.found.startswith("undecided: MemoryError")


# --- fast -------------------------------------------------------------------------------


def test_student_t_does_not_run_the_heuristic_risch_algorithm(monkeypatch):
    # heurisch ran for 30 s on (1 + x²/ν)^(−(ν+1)/2) and gave up; the fast methods decide
    # (in ~1.5 s on an idle machine: the time limit is lifted here so that load cannot matter).
    import sympy.integrals.heurisch as heurisch

    from symsurrogate._symbolic import _calculus

    monkeypatch.setattr(_calculus, "FAST_SECONDS", 120.0)

    def forbidden(*args, **kwargs):
        raise AssertionError("heurisch called")

    monkeypatch.setattr(heurisch, "heurisch", forbidden)
    monkeypatch.setattr(heurisch, "heurisch_wrapper", forbidden)
    cls = ss.surrogate("StudentT", grad="(1 + x**2/nu)**(-(nu + 1)/2)", params={"nu": 3.0})
    assert cls.spec.primitive is None  # a hypergeometric function: no JAX counterpart
    grad = jax.jit(jax.grad(lambda v: cls()(v).sum()))(jnp.asarray([0.0, 1.0]))
    np.testing.assert_allclose(np.asarray(grad), [1.0, (4 / 3) ** -2], rtol=1e-6)
