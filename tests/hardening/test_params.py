"""Parameters: shapes checked where they meet x, values the compute dtype cannot hold refused,
and parameter gradients finite at every finite x (checked against mpmath)."""

from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

import symsurrogate as ss


@pytest.mark.parametrize("autodiff", ["vjp", "jvp"])
def test_wrong_shape_is_named_before_the_backward_pass(autodiff):
    x = jnp.ones((3, 4))
    with pytest.raises(ValueError, match=r"'alpha' has shape \(5,\).*x's shape \(3, 4\)"):
        ss.Sigmoid(alpha=jnp.ones(5), autodiff=autodiff)(x)
    with pytest.raises(ValueError, match=r"'alpha' has shape \(2, 3, 4\)"):
        jax.grad(lambda a: ss.Sigmoid(alpha=a, autodiff=autodiff)(x).sum())(jnp.ones((2, 3, 4)))
    with pytest.raises(ValueError, match="'sigma'"):
        ss.GaussianGrad(sigma=jnp.ones(4) * 0.5).surrogate_grad(jnp.ones(3))


@pytest.mark.parametrize("shape", [(), (4,), (1, 4), (3, 1), (3, 4)])
def test_broadcasting_shapes_give_summed_parameter_gradients(shape):
    x = jnp.linspace(-1.0, 1.0, 12).reshape(3, 4)
    alpha = jnp.full(shape, 2.0)
    got = jax.grad(lambda a: jnp.sum(ss.Sigmoid(alpha=a)(x)))(alpha)
    assert got.shape == shape
    # ∂g/∂α for g = α σ(αx)(1−σ(αx)), by mpmath, summed over the broadcast axes
    per_x = np.array([[_sigmoid_grad_alpha(2.0, float(v)) for v in row] for row in np.asarray(x)])
    lead = per_x.sum(axis=tuple(range(2 - len(shape))))
    expected = lead.sum(axis=tuple(i for i, n in enumerate(shape) if n == 1), keepdims=True).reshape(shape)
    np.testing.assert_allclose(np.asarray(got).reshape(-1), np.asarray(expected).reshape(-1), rtol=2e-5)


def _sigmoid_grad_alpha(alpha: float, x: float) -> float:
    with mpmath.workdps(40):
        g = lambda a: a * mpmath.exp(-a * x) / (1 + mpmath.exp(-a * x)) ** 2  # noqa: E731
        return float(mpmath.diff(g, mpmath.mpf(alpha)))


@pytest.mark.parametrize("value", [1e300, -1e300, 1e39, np.array([1.0, 1e300])])
def test_values_beyond_the_compute_dtype_are_refused(value):
    domain_ok = np.all(np.asarray(value) > 0)
    if not domain_ok:
        with pytest.raises(ValueError, match="'alpha'"):
            ss.Sigmoid(alpha=value)
        return
    with pytest.raises(ValueError, match=r"'alpha'.*overflows float32"):
        ss.Sigmoid(alpha=value)(jnp.ones(2, jnp.float32))


def _gaussian_dsigma(x: float, sigma: float) -> float:
    """∂g/∂σ of GaussianGrad at its other defaults: SymPy's derivative of the spec, by mpmath."""
    spec = ss.GaussianGrad.spec
    symbols = {s.name: s for s in spec.grad.free_symbols}
    others = {symbols[p.name]: p.default for p in spec.params if p.name != "sigma"}
    derivative = sp.diff(spec.grad, symbols["sigma"]).subs(others)
    value = derivative.subs({symbols["sigma"]: sp.Rational(str(sigma)), symbols["x"]: sp.Rational(float(x))})
    return float(sp.N(value, 50))


@pytest.mark.parametrize("autodiff", ["vjp", "jvp"])
def test_gaussian_sigma_gradient_is_finite_at_every_finite_x(autodiff):
    finite_max = float(np.finfo(np.float32).max)
    xs = np.array([0.0, 0.1, -0.7, 1.0, 3.0, 1e18, 1e19, -1e19, 1e20, 1e30, finite_max, -finite_max], np.float32)
    sigma = 0.5
    got = jax.grad(lambda s: jnp.sum(ss.GaussianGrad(sigma=s, autodiff=autodiff)(jnp.asarray(xs))))(sigma)
    expected = sum(_gaussian_dsigma(float(x), sigma) for x in xs)
    assert math.isfinite(float(got))
    assert math.isclose(float(got), expected, rel_tol=1e-5), (float(got), expected)
    # Element by element, at the huge x where x² overflows float32, the true value underflows to 0.
    for x in xs[5:]:
        one = jax.grad(lambda s, v=x: ss.GaussianGrad(sigma=s, autodiff=autodiff)(jnp.float32(v)))(sigma)
        assert float(one) == np.float32(_gaussian_dsigma(float(x), sigma)) == 0.0


def test_gradient_nan_is_not_hidden_where_g_is_not_zero():
    # x = nan stays nan: only finite x in g's underflowed tail are repaired.
    got = jax.grad(lambda s: jnp.sum(ss.GaussianGrad(sigma=s)(jnp.array([jnp.nan, 1.0]))))(0.5)
    assert math.isnan(float(got))


@pytest.mark.parametrize(
    ("grad", "alpha"),
    [("-log(alpha - 1.5)", 1.5), ("exp(-x**2)/(alpha - 1)", 1.0), ("exp(-x**2)*log(alpha)", 0.0)],
)
def test_a_gradient_infinite_at_its_defaults_is_refused_in_one_line(grad, alpha):
    # 1/0 at the defaults: nothing to check, differentiate or print (a fuzzed formula reached
    # the printer with zoo before).
    with pytest.raises(ss.FormulaError, match="not finite at the default parameters") as info:
        ss.spec("InfiniteAtDefaults", grad=grad, params={"alpha": alpha})
    assert "\n" not in str(info.value)
