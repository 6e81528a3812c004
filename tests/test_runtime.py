"""The runtime: dtypes, forward mode, second order and parameter-gradient semantics.

References are SymPy's own derivatives of the catalog formulas (evaluated by mpmath)
and braintools 0.3, never values produced by the code under test.
"""

from __future__ import annotations

import importlib

import braintools
import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

import symsurrogate
from symsurrogate import Sigmoid
from symsurrogate._symbolic._calculus import X
from symsurrogate._symbolic._catalog import catalog_entry, catalog_names, load_spec
from symsurrogate._symbolic._spec import param_symbol

pytestmark = pytest.mark.slow  # every catalog entry under jit, vmap, grad and jvp

HALF = (jnp.bfloat16, jnp.float16)
XS = np.array([-3.0, -1.0, -0.25, 0.0, 0.3, 1.0, 2.5])


def _cls(key: str):
    group = catalog_entry(key)[0]
    module = importlib.import_module(f"symsurrogate.presets.{group.split(':')[1]}") if ":" in group else symsurrogate
    return getattr(module, key.split(".")[-1])  # a preset's key is library.Name


def _sympy(key: str, expr_of, values: dict | None = None):
    """A function of x (numpy in, float64 out) from a SymPy expression built from the spec,
    evaluated by mpmath at 40 digits: a formula as written may overflow in float64 where its
    value does not (e^{2kx}/(e^{2kx} + 1) at kx = 300)."""
    spec = load_spec(key)
    fn = sp.lambdify(X, spec.at(expr_of(spec), values), "mpmath")

    def evaluate(x: np.ndarray) -> np.ndarray:
        with mpmath.workdps(40):
            return np.array([float(mpmath.re(fn(mpmath.mpf(float(v))))) for v in np.ravel(x)]).reshape(np.shape(x))

    return evaluate


# ---------------------------------------------------------------------------------------
# Low precision: computed in float32, returned in the input dtype.


@pytest.mark.parametrize("dtype", [*HALF, jnp.float32])
def test_outputs_and_gradients_keep_the_input_dtype(dtype):
    surrogate = Sigmoid()
    x = jnp.asarray(XS, dtype)
    assert surrogate(x).dtype == dtype
    assert surrogate.surrogate_fun(x).dtype == dtype
    assert surrogate.surrogate_grad(x).dtype == dtype
    assert jax.grad(lambda v: surrogate(v).sum())(x).dtype == dtype
    # An f32 cotangent (an f32 loss downstream) must not leak f32 into the gradient.
    assert jax.grad(lambda v: surrogate(v).astype(jnp.float32).sum())(x).dtype == dtype


@pytest.mark.parametrize("dtype", HALF)
def test_half_precision_is_computed_in_float32(dtype):
    surrogate = Sigmoid()
    x = jnp.asarray(np.linspace(-6, 6, 97), dtype)
    wide = x.astype(jnp.float32)
    np.testing.assert_array_equal(surrogate.surrogate_grad(x), surrogate.surrogate_grad(wide).astype(dtype))
    np.testing.assert_array_equal(surrogate.surrogate_fun(x), surrogate.surrogate_fun(wide).astype(dtype))
    backward = jax.grad(lambda v: surrogate(v).sum())
    np.testing.assert_array_equal(backward(x), backward(wide).astype(dtype))


@pytest.mark.parametrize("autodiff", ["vjp", "jvp"])
def test_strongly_typed_float32_parameter_does_not_promote_bfloat16(autodiff):
    alpha = jnp.float32(4.0)
    assert not alpha.weak_type
    surrogate = Sigmoid(alpha, autodiff=autodiff)
    x = jnp.asarray(XS, jnp.bfloat16)
    assert surrogate(x).dtype == jnp.bfloat16
    assert surrogate.surrogate_fun(x).dtype == jnp.bfloat16
    assert surrogate.surrogate_grad(x).dtype == jnp.bfloat16
    dx, dalpha = jax.grad(lambda v, a: Sigmoid(a, autodiff=autodiff)(v).sum(), argnums=(0, 1))(x, alpha)
    assert dx.dtype == jnp.bfloat16 and dalpha.dtype == jnp.float32
    assert np.isfinite(float(dalpha))


# ---------------------------------------------------------------------------------------
# Forward mode and second order.


@pytest.mark.parametrize("key", catalog_names())
def test_forward_mode_matches_sympy_gradient(key):
    surrogate = _cls(key)(autodiff="jvp")
    g = _sympy(key, lambda s: s.grad)
    x = jnp.asarray(XS, jnp.float32)
    expected = np.broadcast_to(g(XS), XS.shape)

    @jax.jit
    def derivatives(x):
        tangent = jax.jvp(surrogate, (x,), (jnp.ones_like(x),))[1]
        return tangent, jnp.diag(jax.jacfwd(surrogate)(x)), jax.vmap(jax.grad(surrogate))(x)

    for got in derivatives(x):
        np.testing.assert_allclose(got, expected, rtol=2e-6, atol=1e-7)


@pytest.mark.parametrize("key", catalog_names())
def test_second_order_is_the_derivative_of_the_surrogate_gradient(key):
    """grad∘grad differentiates the backward pass: g'(x), SymPy's derivative (braintools gives 0)."""
    vjp, jvp = _cls(key)(), _cls(key)(autodiff="jvp")
    spec = load_spec(key)
    knots = {float(k) for k in _knots(spec)}
    points = np.array([p for p in XS if p not in knots])
    expected = np.broadcast_to(_sympy(key, lambda s: s.grad_derivative)(points), points.shape)

    @jax.jit
    def second(x):
        return (
            jax.vmap(jax.grad(jax.grad(vjp)))(x),
            jax.vmap(jax.grad(jax.grad(jvp)))(x),
            jnp.diag(jax.hessian(lambda v: jvp(v).sum())(x)),
        )

    for got in second(jnp.asarray(points, jnp.float32)):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


def _knots(spec) -> list:
    from symsurrogate._symbolic._calculus import knots

    try:
        return [k for k in (spec.at(k) for k in knots(spec.grad)) if k.is_number]
    except (TypeError, ValueError):
        return []


# ---------------------------------------------------------------------------------------
# Parameter gradients: "grad" = ∂g/∂θ (braintools), "primitive" = ∂G/∂θ, "zero".


def _param_expr(mode: str, spec, name: str) -> sp.Expr:
    source = spec.grad if mode == "grad" else spec.primitive
    return sp.diff(source, param_symbol(next(p for p in spec.params if p.name == name)))


# Every mode in both autodiff forms for a few shapes that exercise the machinery (smooth,
# Piecewise, several parameters, a static one); "grad" and "primitive" in reverse mode for all.
FULL = {"Sigmoid", "PiecewiseQuadratic", "S2NN", "MultiGaussianGrad", "SquarewaveFourierSeries"}


def _traced_cases() -> dict[str, list[tuple[str, str]]]:
    """entry -> its (mode, autodiff) cases, for entries with a traced parameter; "primitive"
    only with a G. Read from the generated modules: building the Specs here would derive
    every primitive at collection, in each worker."""
    cases = {}
    for key in catalog_names():
        formulas = _cls(key).formulas()
        if all(name in formulas.STATIC for name in formulas.PARAMS):
            continue
        modes = ["grad"] + (["primitive"] if formulas.HAS_PRIMITIVE else [])
        if key in FULL:
            cases[key] = [(mode, ad) for mode in [*modes, "zero"] for ad in ("vjp", "jvp")]
        else:
            cases[key] = [(mode, "vjp") for mode in modes]
    return cases


TRACED = _traced_cases()


@pytest.mark.parametrize("key", list(TRACED))
def test_parameter_gradient_semantics(key):
    spec = load_spec(key)
    param = next(p for p in spec.params if not p.static)
    value = param.default * 1.25 if param.default else 0.5
    values = {**spec.defaults, param.name: value}
    knots = {float(k) for k in _knots_at(spec, values)}
    xs = np.array([p for p in XS if p not in knots])
    x = jnp.asarray(xs, jnp.float32)
    ct = jnp.asarray(np.linspace(0.5, 2.0, xs.size), jnp.float32)
    cls = _cls(key)

    def derivatives(theta):  # every case of the entry, compiled as one program
        found = {}
        for mode, autodiff in TRACED[key]:

            def make(theta, mode=mode, autodiff=autodiff):
                return cls(**{**spec.defaults, param.name: theta}, autodiff=autodiff, param_grad=mode)

            found[mode, autodiff] = jax.grad(lambda theta, make=make: jnp.sum(ct * make(theta)(x)))(theta)
            if autodiff == "jvp":
                # Forward mode, tangent only in θ: the per-element ∂/∂θ itself.
                found[mode, "tangent"] = jax.jvp(lambda theta, make=make: make(theta)(x), (theta,), (1.0,))[1]
        return found

    found = jax.jit(derivatives)(value)
    for mode, autodiff in TRACED[key]:
        if mode == "zero":
            expected = np.zeros_like(xs)
        else:
            expected = np.broadcast_to(
                _sympy(key, lambda s, mode=mode: _param_expr(mode, s, param.name), values)(xs), xs.shape
            )
        got = found[mode, autodiff]
        np.testing.assert_allclose(
            got, np.sum(np.asarray(ct) * expected), rtol=2e-5, atol=1e-6, err_msg=f"{mode} {autodiff}"
        )
        if autodiff == "jvp":
            np.testing.assert_allclose(
                found[mode, "tangent"], expected, rtol=2e-5, atol=1e-6, err_msg=f"{mode} tangent"
            )


def _knots_at(spec, values: dict) -> list:
    from symsurrogate._symbolic._calculus import knots

    found = []
    for expr in (spec.grad, spec.primitive):
        if expr is not None:
            found += [k for k in (spec.at(k, values) for k in knots(expr)) if k.is_number]
    return found


def test_default_parameter_gradient_matches_braintools():
    x = jnp.asarray(XS, jnp.float32)
    ours = jax.grad(lambda a: jnp.sum(Sigmoid(a)(x)))(4.0)
    theirs = jax.grad(lambda a: jnp.sum(braintools.surrogate.sigmoid(x, alpha=a)))(4.0)
    np.testing.assert_allclose(ours, theirs, rtol=1e-4)


def test_param_grad_primitive_needs_a_primitive_and_modes_are_checked():
    with pytest.raises(ValueError, match="autodiff"):
        Sigmoid(autodiff="forward")
    with pytest.raises(ValueError, match="param_grad"):
        Sigmoid(param_grad="meta")


def test_vmap_over_per_neuron_parameters():
    alphas = jnp.asarray([1.0, 2.0, 4.0, 8.0])
    x = jnp.asarray([0.3, -0.2, 0.1, 1.0])
    got = jax.vmap(jax.grad(lambda v, a: Sigmoid(a)(v)))(x, alphas)
    g = sp.lambdify((X, param_symbol(load_spec("Sigmoid").params[0])), load_spec("Sigmoid").grad, "numpy")
    np.testing.assert_allclose(got, g(np.asarray(x, np.float64), np.asarray(alphas, np.float64)), rtol=2e-6)


def test_only_the_differentiated_parameters_receive_cotangents():
    """x and two of MultiGaussianGrad's four parameters at once, against SymPy: each gets its
    own cotangent, and the parameters held fixed cost nothing in the backward pass."""
    key = "MultiGaussianGrad"
    spec = load_spec(key)
    cls = _cls(key)
    x = jnp.asarray(XS, jnp.float32)
    ct = jnp.asarray(np.linspace(0.5, 2.0, XS.size), jnp.float32)
    moved = ("s", "scale")

    def loss(x, s, scale):
        return jnp.sum(ct * cls(**{**spec.defaults, "s": s, "scale": scale})(x))

    got = jax.grad(loss, argnums=(0, 1, 2))(x, spec.defaults["s"], spec.defaults["scale"])
    np.testing.assert_allclose(got[0], np.asarray(ct) * _sympy(key, lambda s: s.grad)(XS), rtol=2e-5, atol=1e-6)
    for name, value in zip(moved, got[1:], strict=True):
        expected = _sympy(key, lambda s, name=name: sp.diff(s.grad, s.symbols[name]))(XS)
        np.testing.assert_allclose(value, np.sum(np.asarray(ct) * expected), rtol=2e-5, atol=1e-6)
    # The backward pass of a gradient in x alone holds no parameter pullback.
    only_x = jax.make_jaxpr(jax.grad(loss))(x, 1.0, 1.0)
    with_s = jax.make_jaxpr(jax.grad(loss, argnums=(0, 1)))(x, 1.0, 1.0)
    assert _equation_count(only_x.jaxpr) < _equation_count(with_s.jaxpr) / 2


def _equation_count(jaxpr) -> int:
    count = 0
    for eqn in jaxpr.eqns:
        count += 1
        for value in eqn.params.values():
            inner = getattr(value, "jaxpr", None)
            if inner is not None:
                count += _equation_count(getattr(inner, "jaxpr", inner))
    return count
