"""Double-float exponent arguments: the error-free transformations are exact, and the
compensated exponential is within a few ulp of mpmath where the plain one is not."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

from symsurrogate import _jaxops
from symsurrogate._codegen._doublefloat import compensable, pair_code
from symsurrogate._codegen._stabilize import stabilize
from symsurrogate._symbolic._calculus import X
from symsurrogate._symbolic._nodes import CompensatedExp, Guard, expand_stable

NAMESPACE: dict = dict(vars(_jaxops))  # the helpers generated modules call

ALPHA, SIGMA = sp.symbols("alpha sigma", positive=True)


def _define(source: str):
    namespace = dict(NAMESPACE)
    exec(compile(source, "<printed>", "exec"), namespace)  # code printed by pair_code
    return namespace["f"]


def _values(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-30, 30, n).astype(np.float32)


def test_two_prod_and_two_sum_are_exact_in_float32():
    a, b = _values(100_000, 1), _values(100_000, 2)
    p, e = jax.jit(NAMESPACE["_two_prod"])(a, b)
    s, f = jax.jit(NAMESPACE["_two_sum"])(a, b)
    # float64 holds every product and sum of two float32 values exactly: the reference
    exact_product = a.astype(np.float64) * b.astype(np.float64)
    exact_sum = a.astype(np.float64) + b.astype(np.float64)
    assert np.array_equal(np.asarray(p, np.float64) + np.asarray(e, np.float64), exact_product)
    assert np.array_equal(np.asarray(s, np.float64) + np.asarray(f, np.float64), exact_sum)


@pytest.mark.parametrize("constant", [mpmath.pi, mpmath.e, mpmath.sqrt(2) / 3])
def test_constant_pair_is_exact_under_jit(constant):
    """An irrational constant (π in sech(πx/2)) as a float32 pair, built inside a jit trace."""
    hi, lo = float(constant), float(constant - float(constant))
    head, tail = jax.jit(lambda x: NAMESPACE["_dd_const"](hi, lo, x))(jnp.float32(1.0))
    assert head.dtype == tail.dtype == jnp.float32
    assert float(head) == float(np.float32(hi))
    # head + tail holds the constant to about 2^-48 relative (two float32 significands)
    assert abs(mpmath.mpf(float(head)) + mpmath.mpf(float(tail)) - constant) <= 2.0**-46 * constant


def test_two_prod_is_exact_in_float64():
    from fractions import Fraction

    rng = np.random.default_rng(4)
    a, b = rng.uniform(-30, 30, 2000), rng.uniform(-30, 30, 2000)
    with jax.enable_x64(True):
        p, e = jax.jit(NAMESPACE["_two_prod"])(jnp.asarray(a), jnp.asarray(b))
    for ai, bi, pi, ei in zip(a, b, np.asarray(p), np.asarray(e), strict=True):
        assert Fraction(float(pi)) + Fraction(float(ei)) == Fraction(float(ai)) * Fraction(float(bi))


def _ulp_errors(fn, xs: np.ndarray, exact) -> np.ndarray:
    got = np.asarray(jax.jit(fn)(jnp.asarray(xs)), np.float64)
    with mpmath.workdps(40):
        ref = np.array([float(exact(mpmath.mpf(float(x)))) for x in xs])
    keep = ref > 1e-30
    spacing = np.spacing(np.abs(ref[keep]).astype(np.float32)).astype(np.float64)
    return np.abs(got[keep] - ref[keep]) / spacing


SIGMA32, ALPHA32 = (mpmath.mpf(float(np.float32(v))) for v in (0.3, 2.7))  # the values the code sees


@pytest.mark.parametrize(
    ("arg", "params", "exact"),
    [
        (-(X**2) / (2 * SIGMA**2), {SIGMA: 0.3}, lambda x: mpmath.exp(-(x**2) / (2 * SIGMA32**2))),
        (-ALPHA * sp.Abs(X), {ALPHA: 3.0}, lambda x: mpmath.exp(-3 * abs(x))),
        (-ALPHA * sp.Abs(X - 1), {ALPHA: 2.7}, lambda x: mpmath.exp(-ALPHA32 * abs(x - 1))),
    ],
)
def test_compensated_exp_is_accurate_where_the_plain_one_is_not(arg, params, exact):
    code = pair_code(arg, lambda leaf: {X: "x", sp.Abs(X): "jnp.abs(x)"}.get(leaf, str(leaf)))
    names = ", ".join(str(p) for p in params)
    compensated = _define(f"def f(x, {names}):\n    return _dd_exp({code})")
    plain = sp.lambdify([X, *params], sp.exp(arg), "jax")
    values = [np.float32(v) for v in params.values()]
    xs = _values(20_000, 3)
    good = _ulp_errors(lambda x: compensated(x, *values), xs, exact)
    naive = _ulp_errors(lambda x: plain(x, *values), xs, exact)
    assert good.max() <= 4, good.max()
    assert naive.max() > 8, naive.max()  # the reason for the compensation


def test_compensated_exp_is_finite_and_differentiable_everywhere():
    code = pair_code(-(X**2) / (2 * SIGMA**2), str)
    fn = _define(f"def f(x, sigma):\n    return _dd_exp({code})")
    x = jnp.asarray([0.0, 1e-30, 0.5, 10.0, 1e19, 1e30, 3.4e38, -3.4e38], jnp.float32)
    sigma = jnp.float32(0.5)
    assert np.isfinite(np.asarray(fn(x, sigma))).all()
    slope = jax.vmap(jax.grad(fn), in_axes=(0, None))(x, sigma)
    np.testing.assert_allclose(slope[:4], -4 * x[:4] * np.exp(-2 * x[:4] ** 2), rtol=1e-6, atol=1e-30)
    assert np.isfinite(np.asarray(slope)).all()


def test_only_polynomial_arguments_are_compensated():
    assert compensable(-ALPHA * sp.Abs(X - 1) ** 2 / SIGMA, X)
    assert compensable(-ALPHA * sp.Abs(Guard(X < 0, X, 0)), X)
    assert not compensable(-sp.log(1 + X**2), X)
    assert not compensable(sp.sqrt(X**2 + 1), X)
    stable = stabilize(ALPHA * sp.exp(-(X**2)) + sp.exp(-sp.sqrt(1 + X**2)), {ALPHA: sp.Integer(1)})
    assert stable.atoms(CompensatedExp) == {CompensatedExp(-(X**2))}
    assert sp.simplify(expand_stable(stable) - (ALPHA * sp.exp(-(X**2)) + sp.exp(-sp.sqrt(1 + X**2)))) == 0


def test_operands_of_one_dtype_keep_jnp_promotion_of_weak_types():
    """The lax fast path changes nothing: a weakly typed operand is made strong, as before."""
    from symsurrogate._jaxops import _dd_inv, _two_sum

    with jax.enable_x64(True):
        head, low = jnp.asarray(1.5), jnp.asarray([1e-9], jnp.float32)  # head: weak float64
        assert _dd_inv((head, low))[1].dtype == jnp.float64
        assert not _two_sum(head, head)[0].weak_type


def test_compensated_sigmoid_is_accurate_and_its_derivatives_finite_where_its_exponential_overflows():
    """σ(−α|x|) from the compensated product α·|x|: within 3 ULP of mpmath in float32 where
    the plain σ(fl(α·|x|)) is off by the argument's rounding; 0 with finite derivatives
    (first and second) where e^{α|x|} is inf."""
    alpha = np.float32(4.1)

    def sigma(x):
        return _jaxops._dd_sigmoid(_jaxops._dd_scale(_jaxops._dd_mul((alpha, None), (jnp.abs(x), None)), -1.0))

    xs = np.asarray([0.0, 0.3, -1.7, 9.9, -21.3], np.float32)
    got = np.asarray(jax.jit(sigma)(jnp.asarray(xs)), np.float64)
    plain = np.asarray(jax.nn.sigmoid(-alpha * jnp.abs(jnp.asarray(xs))), np.float64)
    with mpmath.workdps(40):
        a = mpmath.mpf(float(alpha))
        exact = np.asarray([float(1 / (1 + mpmath.exp(a * abs(mpmath.mpf(float(x)))))) for x in xs])
    spacing = np.spacing(exact.astype(np.float32)).astype(np.float64)
    assert np.all(np.abs(got - exact) <= 3 * spacing), (got - exact) / spacing
    assert np.max(np.abs(plain - exact) / spacing) > 3  # what the compensation is for
    far = jnp.asarray([-1e30, 30.0, 3e38], jnp.float32)
    assert np.array_equal(np.asarray(sigma(far)), np.zeros(3))
    for derivative in (jax.grad(sigma), jax.grad(jax.grad(sigma))):
        assert np.array_equal(np.abs(np.asarray(jax.vmap(derivative)(far))), np.zeros(3))
