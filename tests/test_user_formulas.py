"""Formulas a new user writes, not tuned to the catalog: stable, NaN-free, robust and fast.

References are independent of the code under test: each formula string is evaluated by
mpmath at 60 digits through SymPy's own lambdify (not through symsurrogate's reference),
and the stabilising rewrites are proven exact in tests/test_stability.py (REWRITES).
"""

from __future__ import annotations

import math
import os
import subprocess
import sys

import jax
import jax.numpy as jnp
import ml_dtypes
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
    # A scale that is not a power of two: 1/s is rounded, and must not be rounded into e^{−x/s}'s argument.
    "logistic density of x/s": (
        {"grad": "exp(-x/s)/(s*(1 + exp(-x/s))**2)", "params": {"s": 0.3}},
        "exp(-x/s)/(s*(1 + exp(-x/s))**2)",
    ),
    "logistic of x/s": ({"primitive": "1/(1 + exp(-x/s))", "params": {"s": 0.3}}, "exp(-x/s)/(s*(1 + exp(-x/s))**2)"),
    "σ(x/s)·σ(−x/s)/s": (
        {"grad": "sigmoid(x/s)*sigmoid(-x/s)/s", "params": {"s": 0.7}},
        "exp(-x/s)/(s*(1 + exp(-x/s))**2)",
    ),
    "tanh of x/s": ({"primitive": "(1 + tanh(x/s))/2", "params": {"s": 0.3}}, "(1 - tanh(x/s)**2)/(2*s)"),
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


@pytest.mark.parametrize(
    ("grad", "value_at_two"),
    [
        ("Piecewise((0, x < 0), (x**3*exp(-x**2), True))", 8 * math.exp(-4)),  # growing · decaying, one side
        ("x**2*exp(-Abs(x))/4", math.exp(-2)),  # both sides
        ("Piecewise((0, x < 0), (6*x/(1 + x**2)**4, True))", 12 / 5**4),  # a rational function: inf/inf
        ("3*x**2/(pi*(1 + x**6))", 12 / (math.pi * 65)),  # a higher even power in the denominator
    ],
)
def test_gradient_at_and_near_infinity_is_the_limit_not_nan(grad, value_at_two):
    """At ±inf and ±max a product of a growing and a decaying factor is inf·0 = nan in floating
    point; g's limit there is 0 (each formula decays), in the backward pass and in surrogate_grad."""
    spike = ss.surrogate("Decaying", grad=grad)()
    x = jnp.asarray([-jnp.inf, -3.0e38, 3.0e38, jnp.inf], jnp.float32)
    backward = np.asarray(jax.vmap(jax.grad(spike))(x))
    np.testing.assert_array_equal(backward, [0.0, 0.0, 0.0, 0.0])
    np.testing.assert_array_equal(np.asarray(spike.surrogate_grad(x)), [0.0, 0.0, 0.0, 0.0])
    at_two = float(np.asarray(jax.grad(spike)(jnp.float32(2.0))))
    assert math.isclose(at_two, value_at_two, rel_tol=1e-6)


KNOT_ZEROS = [
    # (g, parameters, g by mpmath (the test's own), the knots where g vanishes)
    (
        "Piecewise((cos(pi*x/(2*w))**2/w, Abs(x) < w), (0, True))",  # Hann window
        {"w": 0.75},
        lambda x: mpmath.cos(mpmath.pi * x / (2 * mpmath.mpf(0.75))) ** 2 / mpmath.mpf(0.75),
        (-0.75, 0.75),
    ),
    (
        "Piecewise((15*(1 - x**2)**2/16, Abs(x) < 1), (0, True))",  # biweight, a double zero
        {},
        lambda x: 15 * (1 - x**2) ** 2 / 16,
        (-1.0, 1.0),
    ),
    (
        "Piecewise((0, x < -1), (sin(pi*(x + 1)/3)/3, x < 2), (0, True))",  # asymmetric, one arch
        {},
        lambda x: mpmath.sin(mpmath.pi * (x + 1) / 3) / 3,
        (-1.0, 2.0),
    ),
]


@pytest.mark.parametrize(("grad", "params", "reference", "zeros"), KNOT_ZEROS)
def test_branch_vanishing_at_its_knot_is_accurate_next_to_it(grad, params, reference, zeros):
    """Beside a knot where g → 0 the generated g keeps its relative accuracy (a rounded
    πx/w would leave an error as large as the value)."""
    spike = ss.surrogate("KnotZero", grad=grad, params=params)(**params)
    points = []
    for k in zeros:
        inward = 1.0 if k < 0 else -1.0
        points += [k + inward * 2.0**-e for e in (6, 12, 18, 21)]
    x = np.asarray(points, np.float32)
    got = np.asarray(jax.vmap(jax.grad(spike))(jnp.asarray(x)), np.float64)
    for xi, gi in zip(x, got, strict=True):
        exact = reference(mpmath.mpf(float(xi)))
        ulp = float(np.spacing(np.float32(float(exact))))
        assert abs(gi - float(exact)) <= 8 * ulp, (float(xi), gi, float(exact))


OVERFLOW_CLASSES = [
    # (g, parameters, g by mpmath (the test's own))
    (  # Gumbel-min density: e^{βx − e^{βx}}, an exponential inside an exponential's argument
        "beta*exp(beta*x - exp(beta*x))",
        {"beta": 3.0},
        lambda x: 3 * mpmath.exp(3 * x - mpmath.exp(3 * x)),
    ),
    (  # e^{1 − e^{α|x|}}: G holds Ei(−e^{α|x|}), which mpmath cannot evaluate far out
        "alpha*exp(1 - exp(Abs(alpha*x)))",
        {"alpha": 1.0},
        lambda x: mpmath.exp(1 - mpmath.exp(abs(x))),
    ),
    (  # inverse-gamma density (shape 1): x^-2 overflows as e^{-1/x} vanishes, near 0
        "Piecewise((0, x <= 0), (exp(-1/x)/x**2, True))",
        {},
        lambda x: mpmath.exp(-1 / x) / x**2 if x > 0 else mpmath.mpf(0),
    ),
    (  # a fractional power in the exponent: no double-float argument, its rounding allowed
        "exp(-Abs(x)**(5/2))",
        {},
        lambda x: mpmath.exp(-(abs(x) ** mpmath.mpf(2.5))),
    ),
    (  # a square-root edge: continuous, with an infinite slope at 0 and 1
        "Piecewise((0, x <= 0), (8*sqrt(x*(1 - x))/pi, x < 1), (0, True))",
        {},
        lambda x: 8 * mpmath.sqrt(x * (1 - x)) / mpmath.pi if 0 < x < 1 else mpmath.mpf(0),
    ),
]


@pytest.mark.slow  # a full check per formula
@pytest.mark.parametrize(("grad", "params", "reference"), OVERFLOW_CLASSES)
def test_formulas_of_the_overflow_classes_pass_their_check(grad, params, reference):
    cls = ss.surrogate("OverflowClass", grad=grad, params=params)
    report = ss.check(cls)
    assert report.ok, [str(r) for r in report.failures]
    spike = cls(**params)
    for dtype in (jnp.float32, jnp.bfloat16, jnp.float16):
        info = jnp.finfo(dtype)
        x = jnp.asarray([-info.max, -1e4, -info.tiny, info.tiny, 1e-3, 0.3, 1e4, info.max], dtype)
        assert np.all(np.isfinite(np.asarray(jax.vmap(jax.grad(spike))(x), np.float32))), dtype
    x = np.asarray([-1.5, -0.4, 0.02, 0.3, 0.9, 1.7], np.float32)
    got = np.asarray(jax.vmap(jax.grad(spike))(jnp.asarray(x)), np.float64)
    expected = np.asarray([float(reference(mpmath.mpf(float(v)))) for v in x])
    np.testing.assert_allclose(got, expected, rtol=2e-6, atol=1e-30)


def test_probe_points_are_values_of_their_dtype():
    """A reference is taken where the code is evaluated: 1.5·2^-24 is no float16."""
    from symsurrogate._verify._numerics import dtype_points

    for dtype in ("float16", "bfloat16", "float32"):
        points = dtype_points(dtype, [0.3, -1.0])
        npd = np.dtype(ml_dtypes.bfloat16) if dtype == "bfloat16" else np.dtype(dtype)
        assert np.array_equal(points.astype(npd).astype(np.float64), points), dtype


# --- hyperbolic functions of a parameter alone ------------------------------------------


@pytest.mark.parametrize(
    ("grad", "reference"),
    [
        (  # DSpike: the b/(2 tanh(b/2)) normalisation of a sech² window on |x| < 1/2
            "Piecewise((b/(2*tanh(b/2))*(1 - tanh(b*x)**2), Abs(x) < 1/2), (0, True))",
            lambda x, b: b / (2 * mpmath.tanh(b / 2)) * mpmath.sech(b * x) ** 2 if abs(x) < 0.5 else mpmath.mpf(0),
        ),
        (
            "b*sech(b*x)**2/(2*tanh(b))",
            lambda x, b: b * mpmath.sech(b * x) ** 2 / (2 * mpmath.tanh(b)),
        ),
    ],
    ids=["dspike", "sech2-over-tanh"],
)
def test_a_hyperbolic_of_a_parameter_alone_stays_one_at_every_parameter_value(grad, reference):
    """tanh(b/2) of a parameter is not rewritten with the hyperbolics of x: as (e^b + 1)/(e^b − 1)
    it was inf/inf (NaN) at b = 100 and 200 ULP off at b = 10⁻³."""
    cls = ss.surrogate("HyperbolicOfParameter", grad=grad, params={"b": 3.0})
    xs = np.asarray([0.0, 0.01, 0.3, -0.45, 2.0], np.float32)
    for b in (1e-3, 0.5, 3.0, 100.0, 1e4):
        got = np.asarray(jax.vmap(jax.grad(cls(b=b)))(jnp.asarray(xs)), np.float64)
        with mpmath.workdps(40):
            expected = np.asarray([float(reference(mpmath.mpf(float(x)), mpmath.mpf(b))) for x in xs])
        # atol: 1.6e-37 at b = 100, x = −0.45 is σ(−90)(1 − σ(−90)), a subnormal σ that XLA flushes
        np.testing.assert_allclose(got, expected, rtol=4e-7, atol=1e-30, err_msg=f"b = {b}")


def _sigmoid(u):
    return 1 / (1 + mpmath.exp(-u))


@pytest.mark.parametrize(
    ("source", "reference"),
    [
        (  # a soft box from two softplus steps: g = α(σ(αx) − σ(αx − 1))
            {"primitive": "softplus(alpha*x) - softplus(alpha*x - 1)"},
            lambda x, a: a * (_sigmoid(a * x) - _sigmoid(a * x - 1)),
        ),
        (
            {"grad": "alpha*(tanh(alpha*x + 1) - tanh(alpha*x - 1))/4"},
            lambda x, a: a * (mpmath.tanh(a * x + 1) - mpmath.tanh(a * x - 1)) / 4,
        ),
        (
            {"grad": "alpha*(sigmoid(alpha*x + 3/2) - sigmoid(alpha*x - 5/2))/4"},
            lambda x, a: a * (_sigmoid(a * x + 1.5) - _sigmoid(a * x - 2.5)) / 4,
        ),
    ],
    ids=["softplus-box", "tanh-box", "sigmoid-box"],
)
def test_logistic_terms_with_shifted_arguments_are_one_fraction_without_cancellation(source, reference):
    """σ(αx + a) − σ(αx + b) is a rational function of the one t = e^{αx}: one fraction on the
    decaying side. As two logistic values it cancelled in the tails (3000 ULP) and, as
    e^{αx}/(e^{αx} + 1), was inf/inf (NaN) once e^{αx} overflowed (x ≥ 22 at α = 4)."""
    cls = ss.surrogate("ShiftedLogistics", params={"alpha": 4.0}, **source)
    assert ss.check(cls).ok
    _assert_gradients_match_mpmath_from_tail_to_tail(cls, reference)


def _assert_gradients_match_mpmath_from_tail_to_tail(cls, reference) -> None:
    xs = np.asarray([-30.0, -3.0, -0.4, 0.0, 0.3, 3.0, 12.0, 22.0, 1e4, 3e38], np.float32)
    for alpha in (0.01, 4.0, 1000.0):
        got = np.asarray(jax.vmap(jax.grad(cls(alpha=alpha)))(jnp.asarray(xs)), np.float64)
        with mpmath.workdps(40):
            expected = np.asarray([float(reference(mpmath.mpf(float(x)), mpmath.mpf(alpha))) for x in xs])
        # atol: values below 1e-30 pass through subnormal intermediates, which XLA flushes to 0
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-30, err_msg=f"alpha = {alpha}")


@pytest.mark.parametrize(
    ("grad", "reference"),
    [
        (
            "(sigmoid(alpha*(x + 1)) - sigmoid(alpha*(x - 1)))/2",
            lambda x, a: (_sigmoid(a * (x + 1)) - _sigmoid(a * (x - 1))) / 2,
        ),
        (
            "alpha*(tanh(alpha*(x + 1)) - tanh(alpha*(x - 1)))/4",
            lambda x, a: a * (mpmath.tanh(a * (x + 1)) - mpmath.tanh(a * (x - 1))) / 4,
        ),
        (  # the derivative of softplus(α(x ± 1)), as SymPy writes it: e^u/(e^u + 1)
            "(exp(alpha*(x + 1))/(exp(alpha*(x + 1)) + 1) - exp(alpha*(x - 1))/(exp(alpha*(x - 1)) + 1))/2",
            lambda x, a: (_sigmoid(a * (x + 1)) - _sigmoid(a * (x - 1))) / 2,
        ),
    ],
    ids=["sigmoid-box", "tanh-box", "softplus-derivatives"],
)
def test_logistic_differences_shifted_by_a_parameter_do_not_cancel(grad, reference):
    """σ(α(x + 1)) − σ(α(x − 1)): the shift α is a parameter, not a number, so the two
    exponentials are not one fraction; both values are near 1 in the right tail, and their
    difference was 10⁷ ULP off in float32 (10¹⁵ in float64). As σ(a)·σ(−b)·(1 − e^{b−a})
    nothing subtracts."""
    cls = ss.surrogate("ScaledShift", grad=grad, params={"alpha": 4.0})
    report = ss.check(cls)
    assert report.ok, "\n".join(str(r) for r in report.failures)
    _assert_gradients_match_mpmath_from_tail_to_tail(cls, reference)


@pytest.mark.parametrize(
    "formula",
    [
        {"primitive": "(1 + tanh(a*x + b*x**3))/2"},
        {"grad": "(a + 3*b*x**2)*(1 - tanh(a*x + b*x**3)**2)/2"},
    ],
    ids=["tanh-step", "one-minus-tanh-squared"],
)
def test_hyperbolics_of_a_polynomial_argument_do_not_cancel_in_the_tails(formula):
    """The chain rule puts u′ = a + 3bx² in front of 1 − tanh²(u): as a whole no rational
    function of e^u, and e^u and e^{−u} of a sum u did not read as powers of one t, so
    1 − tanh² cancelled in both tails (10⁷ ulp in float32)."""
    cls = ss.surrogate("PolynomialArgument", params={"a": 1.0, "b": 0.1}, **formula)
    xs = np.asarray([-12.0, -5.0, -3.0, -0.7, 0.0, 0.4, 2.0, 4.5, 9.0], np.float32)
    got = np.asarray(jax.vmap(jax.grad(cls()))(jnp.asarray(xs)), np.float64)
    a, b = mpmath.mpf(1), mpmath.mpf(float(np.float32(0.1)))
    with mpmath.workdps(40):
        expected = np.array(
            [float((a + 3 * b * x**2) * mpmath.sech(a * x + b * x**3) ** 2 / 2) for x in map(float, xs)]
        )
    normal = np.abs(expected) > 1e-30
    np.testing.assert_allclose(got[normal], expected[normal], rtol=1e-6)


@pytest.mark.parametrize(
    ("formula", "reference"),
    [
        (
            {"grad": "(1 + (a*x)**2)*exp(-(a*x)**2)*2*a/(3*sqrt(pi))"},
            lambda x, a: (1 + (a * x) ** 2) * mpmath.exp(-((a * x) ** 2)) * 2 * a / (3 * mpmath.sqrt(mpmath.pi)),
        ),
        (
            {"primitive": "(1 + erf(x + a*x**3))/2"},
            lambda x, a: (1 + 3 * a * x**2) * mpmath.exp(-((x + a * x**3) ** 2)) / mpmath.sqrt(mpmath.pi),
        ),
        (
            {"primitive": "(1 + tanh(x + a*x**3))/2"},
            lambda x, a: (1 + 3 * a * x**2) * mpmath.sech(x + a * x**3) ** 2 / 2,
        ),
    ],
    ids=["polynomial-times-gaussian", "erf-of-a-cubic", "tanh-of-a-cubic"],
)
def test_a_growing_sum_times_a_decaying_factor_is_finite_at_the_largest_floats(formula, reference):
    """(1 + x²)·e^{−x²}: x² overflows where e^{−x²} is 0, and inf·0 was nan at ±max and in
    every derivative there. A single power of x is damped; a sum is 0 where the decaying
    factor is, with both factors evaluated at a guarded x."""
    cls = ss.surrogate("GrowingSum", params={"a": 0.75}, **formula)
    for precision in ("accurate", "fast"):
        surrogate = cls(precision=precision)
        with jax.enable_x64(True):
            for dtype in (jnp.float32, jnp.float64):
                big = float(jnp.finfo(dtype).max)
                xs = jnp.asarray([-jnp.inf, -big, -1e15, -40.0, 40.0, 1e15, big, jnp.inf], dtype)
                for what, fn in [
                    ("g", surrogate.surrogate_grad),
                    ("backward", jax.vmap(jax.grad(surrogate))),
                    ("grad of g", jax.vmap(jax.grad(surrogate.surrogate_grad))),
                ]:
                    out = np.asarray(fn(xs), np.float64)
                    assert np.array_equal(out, np.zeros_like(out)), (precision, dtype, what, out)
    xs = np.asarray([-6.0, -2.0, -0.5, 0.0, 0.3, 1.0, 2.5], np.float32)
    got = np.asarray(jax.vmap(jax.grad(cls()))(jnp.asarray(xs)), np.float64)
    with mpmath.workdps(40):
        expected = np.array([float(reference(mpmath.mpf(float(x)), mpmath.mpf(0.75))) for x in xs])
    normal = np.abs(expected) > 1e-30
    np.testing.assert_allclose(got[normal], expected[normal], rtol=1e-6)


@pytest.mark.slow  # a full check
def test_a_tanh_of_a_cubic_passes_its_check():
    report = ss.check(ss.surrogate("TanhCubic", primitive="(1 + tanh(a*x + b*x**3))/2", params={"a": 1.0, "b": 0.1}))
    assert report.ok, "\n".join(str(r) for r in report.failures)


def test_a_difference_of_log_cosh_is_a_soft_box_without_overflow_or_cancellation():
    """G = (log cosh(α(x + 1)) − log cosh(α(x − 1)))/(4α) + 1/2: cosh overflowed from
    |x| = 43 (inf − inf = nan in G), and g = (sinh/cosh − sinh/cosh)/4, the derivative
    SymPy writes, was not read as a tanh difference: 10⁷ ulp off in float32."""
    cls = ss.surrogate(
        "LogCoshBox",
        primitive="(log(cosh(alpha*(x + 1))) - log(cosh(alpha*(x - 1))))/(4*alpha) + 1/2",
        params={"alpha": 2.0},
    )
    report = ss.check(cls)
    assert report.ok, "\n".join(str(r) for r in report.failures)
    _assert_gradients_match_mpmath_from_tail_to_tail(
        cls, lambda x, a: (mpmath.tanh(a * (x + 1)) - mpmath.tanh(a * (x - 1))) / 4
    )
    xs = np.asarray([-1e4, -100.0, -50.0, -3.0, -0.4, 0.0, 0.8, 5.0, 60.0, 1e4], np.float32)
    got = np.asarray(cls().surrogate_fun(jnp.asarray(xs)), np.float64)
    with mpmath.workdps(60):
        expected = [
            float((mpmath.log(mpmath.cosh(2 * (x + 1))) - mpmath.log(mpmath.cosh(2 * (x - 1)))) / 8 + 0.5)
            for x in map(mpmath.mpf, xs.tolist())
        ]
    np.testing.assert_allclose(got, expected, rtol=0, atol=2e-7)


@pytest.mark.parametrize(
    ("grad", "reference", "rtol"),
    [
        ("sech(x - 20)**5", lambda x: mpmath.sech(x - 20) ** 5, 4e-6),
        # The cubed base still cancels in its tails (1e-3 at x = −30): the rewrite sees the
        # whole power, whose constants are too large, not the difference inside it.
        ("(sigmoid(x + 20) - sigmoid(x - 20))**3", lambda x: (_sigmoid(x + 20) - _sigmoid(x - 20)) ** 3, 2e-3),
    ],
    ids=["sech5", "box-cubed"],
)
def test_shifts_whose_constants_would_overflow_float32_stay_in_the_arguments(grad, reference, rtol):
    """Over t = e^x these are rational functions with coefficients up to e^{200}: inf in float32,
    and NaN at the peak. Their shifts stay inside the exponentials' arguments."""
    cls = ss.surrogate("LargeShifts", grad=grad)
    xs = np.asarray([-30.0, -5.0, 0.0, 12.0, 15.0, 19.5, 20.0, 25.0, 60.0], np.float32)
    got = np.asarray(jax.vmap(jax.grad(cls()))(jnp.asarray(xs)), np.float64)
    with mpmath.workdps(40):
        expected = np.asarray([float(reference(mpmath.mpf(float(x)))) for x in xs])
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=1e-30)


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


def test_a_derivative_that_raises_at_a_knot_is_the_finding(monkeypatch):
    source = {k: as_spec("QPseudoSpike").source[k] for k in ("primitive", "grad")}
    cls = ss.surrogate("RaisingQ", **source, params={"alpha": 2.0})

    def no_primitive(self, x):
        raise FloatingPointError("G refused")

    monkeypatch.setattr(cls, "surrogate_fun", no_primitive)
    result = ss.check(cls).result("knot alpha=1")
    assert not result.ok and result.found == "raised FloatingPointError: G refused", result


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


def test_an_even_gradient_is_integrated_once_for_both_half_lines(monkeypatch):
    # g(u) and g(−u) are one integrand when g is even: the second integration is the first's.
    from symsurrogate._symbolic import _calculus

    integrands = []
    original = _calculus._antiderivative

    def counted(grad, var=_calculus.X, **options):
        integrands.append(grad)
        return original(grad, var, **options)

    monkeypatch.setattr(_calculus, "FAST_SECONDS", 120.0)
    monkeypatch.setattr(_calculus, "_antiderivative", counted)
    x, nu = _calculus.X, sp.Symbol("nu", positive=True)
    # Student-t: SymPy's antiderivative is hypergeometric on the whole line and on each half.
    G, why = _calculus.find_primitive((1 + x**2 / nu) ** (-(nu + 1) / 2), {nu: sp.Integer(3)})
    assert G is None and why
    assert integrands == [(1 + x**2 / nu) ** (-(nu + 1) / 2), integrands[1]]  # the whole line, then one half
    assert integrands[1].free_symbols - {nu} != {x}  # in the positive half-line variable


@pytest.mark.parametrize(
    ("grad", "half_lines_search"),
    [
        (sp.exp(-(X**2) - sp.exp(X)), False),  # no kink: the half-lines hold the same integrand
        (sp.exp(-(X**2) - sp.exp(sp.Abs(X))), True),  # |x| is u on one half-line
        (sp.exp(-(X**2) - sp.exp(X)) * sp.Heaviside(X + 1), True),
    ],
    ids=["smooth", "abs", "heaviside"],
)
def test_half_lines_repeat_sympy_s_full_search_only_where_a_kink_changes_the_integrand(
    monkeypatch, grad, half_lines_search
):
    """SymPy's heuristic search left ∫g unevaluated on the whole line (tens of seconds for
    the skew normal): on g(u) and g(−u) with u > 0 it finds nothing new unless the sign of x
    resolves a kink, so the half-lines of a smooth g try the fast methods only."""
    from symsurrogate._symbolic import _calculus

    searches = []
    original = _calculus._antiderivative

    def recorded(integrand, var=_calculus.X, **options):
        searches.append(options.get("heurisch", True))
        return original(integrand, var, **options)

    monkeypatch.setattr(_calculus, "_antiderivative", recorded)
    G, why = _calculus.find_primitive(grad.subs(X, _calculus.X))
    assert G is None and why
    assert searches[0] is True and len(searches) >= 2
    assert set(searches[1:]) == {half_lines_search}


@pytest.mark.parametrize(
    ("body", "radius"),
    [("2/pi*sqrt(1 - x**2)", 1), ("3*sqrt(4 - x**2)/(4*pi)", 2)],  # Wigner's semicircle; a wider one
)
def test_a_primitive_with_an_unreachable_complex_branch_is_replaced_by_a_real_one(body, radius, monkeypatch):
    # SymPy's fast antiderivative nests a complex branch for x² > r² inside |x| < r. It used to
    # be refused, and a real one found only when that attempt ran out of time (under load).
    from symsurrogate._symbolic import _calculus

    monkeypatch.setattr(_calculus, "FAST_SECONDS", 120.0)
    x = _calculus.X
    inside = sp.sympify(body, locals={"x": x})
    G, why = _calculus.find_primitive(sp.Piecewise((inside, sp.Abs(x) < radius), (0, True)))
    assert G is not None, why
    assert not G.has(sp.I)
    for point in (-3, -0.9, -0.2, 0, 0.35, 0.95, 3):  # reference: SymPy's definite integral from −r
        upper = min(max(point, -radius), radius)
        assert float(G.subs(x, point)) == pytest.approx(float(sp.integrate(inside, (x, -radius, upper))), abs=1e-12)


@pytest.mark.parametrize(
    ("grad", "values"),
    [
        ("alpha*(1 - tanh(alpha*x)**2)/2", {"alpha": 2}),  # issue 12's cancelling 1 − tanh²
        ("alpha*sech(alpha*x)**2/2", {"alpha": 3}),  # gradient-only before: SymPy found nothing
        ("sech(x/t)**2/(2*t)", {"t": sp.Rational(1, 2)}),  # a division inside the argument
        ("1/(2*cosh(x)**2)", {}),
    ],
)
def test_hyperbolic_gradients_integrate_as_exponentials(grad, values, monkeypatch):
    # Each is d/dx (1 + tanh(x/w))/2 for its width w; written with exponentials, the Risch
    # algorithm finds it at once.
    from symsurrogate._symbolic import _calculus

    monkeypatch.setattr(_calculus, "FAST_SECONDS", 120.0)
    x = _calculus.X
    symbols = {name: sp.Symbol(name, positive=True) for name in values}
    at = {symbols[name]: value for name, value in values.items()}
    G, why = _calculus.find_primitive(sp.sympify(grad, locals={"x": x, **symbols}), at)
    assert G is not None, why
    w = 1 / mpmath.mpf(values["alpha"]) if "alpha" in values else mpmath.mpf(float(values.get("t", 1)))
    for point in (-30, -3, -0.5, 0, 0.7, 4, 30):
        want = (
            (1 + mpmath.tanh(point / w)) / 2
            if point >= 0
            else mpmath.exp(2 * point / w) / (1 + mpmath.exp(2 * point / w))
        )
        got = sp.N(G.subs(at).subs(x, point), 30)
        assert float(got) == pytest.approx(float(want), rel=1e-12, abs=0), point


def test_a_hyperbolic_gradient_gives_one_primitive_whatever_the_hash_seed():
    # The committed catalog modules and pages show G: it must not depend on the order in
    # which SymPy meets terms, which Python's hash seed changes.
    code = (
        "import sympy as sp; from symsurrogate._symbolic._calculus import X, find_primitive;"
        "k = sp.Symbol('k', positive=True); print(find_primitive(1/sp.cosh(k*X)**2)[0])"
    )
    found = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        found.add(run.stdout.strip())
    assert len(found) == 1, found


def test_sech_squared_defines_a_primitive_and_passes_its_check():
    S = ss.surrogate("SechSquared", grad="alpha*sech(alpha*x)**2/2", params={"alpha": 3.0})
    assert S.spec.primitive is not None, S.spec.primitive_note
    report = ss.check(S)
    assert report.ok, report.failures


@pytest.mark.parametrize(
    ("grad", "reference", "edges"),
    [
        (  # a bump of half-width 2: e^{-4/(4 - x²)} inside, 0 outside
            "Piecewise((exp(-4/(4 - x**2)), Abs(x) < 2), (0, True))",
            lambda x: mpmath.exp(-4 / (4 - x**2)) if abs(x) < 2 else mpmath.mpf(0),
            (-2.0, 2.0),
        ),
        (  # an asymmetric transition bump on (0, 2)
            "Piecewise((exp(-1/(x*(2 - x))), (x > 0) & (x < 2)), (0, True))",
            lambda x: mpmath.exp(-1 / (x * (2 - x))) if 0 < x < 2 else mpmath.mpf(0),
            (0.0, 2.0),
        ),
    ],
)
def test_lone_exponential_of_a_rational_argument_is_accurate_where_the_argument_grows(grad, reference, edges):
    """e^{r(x)} with r rational and large near a knot: its argument is computed in double-float
    (no logistic-style split of a single exponential), so it stays within a few ULP where a
    rounded r(x) would be hundreds of ULP off."""
    spike = ss.surrogate("LoneExponential", grad=grad)()
    points = []
    for k in edges:
        inward = 1.0 if k == edges[0] else -1.0
        points += [k + inward * 2.0**-e for e in (2, 3, 4, 5, 6)]
    x = np.asarray(points, np.float32)
    got = np.asarray(jax.vmap(jax.grad(spike))(jnp.asarray(x)), np.float64)
    for xi, gi in zip(x, got, strict=True):
        exact = reference(mpmath.mpf(float(xi)))
        assert float(exact) > 1e-37  # a normal float32 value: the test measures ULP, not underflow
        ulp = float(np.spacing(np.float32(float(exact))))
        assert abs(gi - float(exact)) <= 8 * ulp, (float(xi), gi, float(exact))


REMOVABLE = [
    # (g with a 0/0 at x = 0, g by mpmath (the test's own, its limit at 0 included), parameters)
    ("(1 - cos(x))/(pi*x**2)", lambda x: (1 - mpmath.cos(x)) / (mpmath.pi * x**2) if x else 1 / (2 * mpmath.pi), {}),
    ("2*x/(pi**2*sinh(x))", lambda x: 2 * x / (mpmath.pi**2 * mpmath.sinh(x)) if x else 2 / mpmath.pi**2, {}),
    (
        "sin(alpha*x)**2/(pi*alpha*x**2)",
        lambda x: mpmath.sin(3 * x) ** 2 / (3 * mpmath.pi * x**2) if x else 3 / mpmath.pi,
        {"alpha": 3.0},
    ),
]


@pytest.mark.parametrize(("grad", "reference", "params"), REMOVABLE)
def test_removable_singularity_takes_its_limit_and_its_neighbourhood_is_accurate(grad, reference, params):
    """sin²x/x² at 0 is the limit, not 0/0; beside 0 (down to subnormal x) a Taylor polynomial
    replaces the quotient, which underflows to 0·inf or cancels there."""
    cls = ss.surrogate("Removable", grad=grad, params=params)
    spike = cls(**params)
    tiny = float(np.finfo(np.float32).smallest_subnormal)
    x = np.asarray([0.0, tiny, -tiny, 1e-30, -1e-20, 1e-3, -0.05, 0.2, -0.3], np.float32)
    got = np.asarray(jax.vmap(jax.grad(spike))(jnp.asarray(x)), np.float64)
    for xi, gi in zip(x, got, strict=True):
        with mpmath.workdps(250):  # 1 − cos(x) of a subnormal x: x²/2 ~ 1e-90
            exact = float(reference(mpmath.mpf(float(xi))))
        assert abs(gi - exact) <= 8 * float(np.spacing(np.float32(exact))), (float(xi), gi, exact)
    if spike.formulas().HAS_PRIMITIVE:  # x/sinh x has none in closed form
        primitive = jax.vmap(jax.grad(lambda v: spike.surrogate_fun(v)))(jnp.asarray(x))
        assert np.all(np.isfinite(np.asarray(primitive))), primitive
    report = ss.check(cls)
    verdicts = {r.check: r.ok for r in report.results}
    assert verdicts["real"] and verdicts["continuity"] and verdicts["finite"], [str(r) for r in report.failures]


@pytest.mark.parametrize(
    ("grad", "reference"),
    [
        ("sech(alpha/x)", lambda x: mpmath.sech(mpmath.mpf(3) / 2 / x) if x else mpmath.mpf(0)),
        ("x*sech(1/x)**2", lambda x: x * mpmath.sech(1 / x) ** 2 if x else mpmath.mpf(0)),
    ],
)
def test_a_limit_at_an_essential_singularity_is_kept_without_a_taylor_series(grad, reference):
    """sech(α/x) tends to 0 at x = 0 from both sides, where it has no Taylor series (SymPy's
    series raises PoleError there): the point keeps its limit, its neighbours their values."""
    params = {"alpha": 1.5} if "alpha" in grad else None
    cls = ss.surrogate("Essential", grad=grad, params=params)
    x = np.asarray([-2.5, -0.3, -0.01, 0.0, 0.02, 0.7, 3.1])
    with jax.enable_x64(True):
        got = np.asarray(jax.vmap(jax.grad(cls()))(jnp.asarray(x, jnp.float64)))
    with mpmath.workdps(40):
        exact = [float(reference(mpmath.mpf(float(xi)))) for xi in x]
    np.testing.assert_allclose(got, exact, rtol=1e-12, atol=1e-300)


def test_poles_and_jumps_are_not_removable():
    from symsurrogate._symbolic._calculus import X
    from symsurrogate._symbolic._removable import fill_removable

    for expr in (1 / X, sp.sign(X) / X, sp.Abs(X) / X, 1 / (X**2 - 1), sp.sin(1 / X)):
        assert fill_removable(expr) == expr, expr
    assert fill_removable((sp.exp(X) - 1) / X) == sp.Piecewise((1, sp.Eq(X, 0)), ((sp.exp(X) - 1) / X, True))


def test_a_phase_with_an_irrational_period_is_not_reduced_by_a_rounded_period():
    """sin(x) at x = 3·10⁷ in float32: reducing by a float 2π is off by radians there, while
    JAX's own sin reduces exactly; only where a·x overflows is x reduced."""
    spike = ss.surrogate("HalfAngle", grad="2*sin(x/2)**2/(pi*x**2)")()
    x = np.asarray([2.9360e7, -1.2345e9, 3.0e17, 12.5], np.float32)  # values stay normal floats
    got = np.asarray(jax.vmap(jax.grad(spike))(jnp.asarray(x)), np.float64)
    for xi, gi in zip(x, got, strict=True):
        v = mpmath.mpf(float(xi))
        exact = float(2 * mpmath.sin(v / 2) ** 2 / (mpmath.pi * v**2))
        assert abs(gi - exact) <= 8 * float(np.spacing(np.float32(exact))), (float(xi), gi, exact)
    edge = jnp.asarray([np.finfo(np.float32).max, -np.finfo(np.float32).max], jnp.float32)
    assert np.all(np.isfinite(np.asarray(jax.vmap(jax.grad(spike))(edge))))


@pytest.mark.slow  # a full check
def test_one_minus_cosine_is_evaluated_as_a_half_angle_square():
    """1 − cos u cancels at each zero u = 2πn (500 ULP at x = 6.3 in float64 as written);
    2·sin²(u/2) does not, so the formula passes its accuracy checks."""
    from symsurrogate._codegen._stabilize import half_angles
    from symsurrogate._symbolic._calculus import X

    assert sp.simplify(half_angles(2 - 2 * sp.cos(3 * X)) - (2 - 2 * sp.cos(3 * X))) == 0
    assert not half_angles(2 - 2 * sp.cos(3 * X)).has(sp.cos)
    report = ss.check(ss.surrogate("HalfAngleStep", grad="(1 - cos(2*x))/(2*pi*x**2)"))
    assert report.ok, [str(r) for r in report.failures]


def _softplus_box(alpha, scale):
    # ∫ of a difference of two logistics at ±1: (softplus(α(x + 1)) − softplus(α(x − 1)))/scale
    return lambda x: (mpmath.log1p(mpmath.exp(alpha * (x + 1))) - mpmath.log1p(mpmath.exp(alpha * (x - 1)))) / scale


@pytest.mark.parametrize(
    ("definition", "reference", "rate"),
    [
        (
            {"primitive": "(softplus(alpha*(x + 1)) - softplus(alpha*(x - 1)))/(2*alpha)", "params": {"alpha": 4.0}},
            _softplus_box(4, 8),
            4,
        ),
        (
            {"primitive": "(log(1 + exp(a*x + 3)) - log(1 + exp(a*x - 3)))/6", "params": {"a": 2.0}},
            lambda x: (mpmath.log1p(mpmath.exp(2 * x + 3)) - mpmath.log1p(mpmath.exp(2 * x - 3))) / 6,
            2,
        ),
        (
            {"grad": "(1/(1 + exp(-alpha*(x + 1))) - 1/(1 + exp(-alpha*(x - 1))))/2", "params": {"alpha": 4.0}},
            _softplus_box(4, 8),
            4,
        ),
        (
            {"grad": "(tanh(alpha*(x + 1)) - tanh(alpha*(x - 1)))/4", "params": {"alpha": 3.0}},
            _softplus_box(6, 12),
            6,
        ),
        (
            {
                "primitive": "(log(cosh(alpha*(x + 1))) - log(cosh(alpha*(x - 1))))/(4*alpha) + 1/2",
                "params": {"alpha": 2.0},
            },
            lambda x: (mpmath.log(mpmath.cosh(2 * (x + 1))) - mpmath.log(mpmath.cosh(2 * (x - 1)))) / 8 + 0.5,
            4,
        ),
    ],
    ids=["softplus-box", "written-out", "sigmoid-difference", "tanh-difference", "log-cosh-box"],
)
def test_a_soft_box_s_soft_step_is_exact_and_finite_far_out(definition, reference, rate):
    """G = c·(softplus(a) − softplus(b)) with a − b constant: where a and b are large the two
    terms rounded to one float (G = 0 at x = 10³⁰ instead of 1, or 1 instead of 0 on the
    left), overflowed together (nan at the largest floats), or went through log(0) (−inf at
    x = −10.1 in float32 for the tanh box). A log-cosh box holds |u| − |v| instead, with the
    same troubles. Within 8 ulp, plus the rounding of the exponent argument a = rate·(x ± 1)
    in the tail, where G is e^{a}-small (κ = |a|)."""
    cls = ss.surrogate("SoftBox", **definition)
    assert cls.spec.primitive is not None
    surrogate = cls()
    with jax.enable_x64(True):
        for dtype in (jnp.float32, jnp.float64):
            big = float(jnp.finfo(dtype).max)
            xs = np.asarray([-big, -1e30, -1e7, -10.1, -1.0, 0.0, 0.4, 1.0, 10.1, 1e7, 1e30, big], dtype)
            got = np.asarray(surrogate.surrogate_fun(jnp.asarray(xs)), np.float64)
            with mpmath.workdps(400):  # softplus(a) − softplus(b) at a ~ 10³⁰⁸ needs 310 digits
                expected = np.array([float(reference(mpmath.mpf(float(x)))) for x in xs])
            near = np.minimum(np.abs(xs.astype(np.float64)), 1e3)
            conditioning = np.where(near < 1e3, rate * (near + 1), 0)
            tolerance = (8 + conditioning) * np.spacing(np.abs(expected).astype(dtype)).astype(np.float64)
            error = np.abs(got - expected)
            assert (error <= tolerance).all(), (jnp.dtype(dtype).name, xs[error > tolerance], got[error > tolerance])
            slope = np.asarray(jax.vmap(jax.grad(surrogate.surrogate_fun))(jnp.asarray(xs)), np.float64)
            assert np.isfinite(slope).all(), (jnp.dtype(dtype).name, xs[~np.isfinite(slope)])
