"""The seed surrogate end to end: braintools' Sigmoid(alpha=4.0), against independent references."""

import math

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symsurrogate as ss


def sigmoid_grad_reference(x: float, alpha: float) -> float:
    """α·σ(αx)·(1−σ(αx)) evaluated with 50 digits (the published formula)."""
    with mpmath.workdps(50):
        s = 1 / (1 + mpmath.exp(-mpmath.mpf(alpha) * mpmath.mpf(x)))
        return float(alpha * s * (1 - s))


def test_seed_example_exactly():
    out = ss.Sigmoid(alpha=4.0)(jnp.array([-1.0, 0.0, 1.0]))
    assert out.dtype == jnp.float32
    np.testing.assert_array_equal(np.asarray(out), [0.0, 1.0, 1.0])
    np.testing.assert_array_equal(np.asarray(ss.sigmoid(jnp.array([-1.0, 0.0, 1.0]), alpha=4.0)), [0.0, 1.0, 1.0])


def test_repr_eq_hash():
    assert repr(ss.Sigmoid(alpha=4.0)) == "Sigmoid(alpha=4.0)"
    assert repr(ss.Sigmoid()) == "Sigmoid(alpha=4.0)"
    assert ss.Sigmoid(2.0) == ss.Sigmoid(alpha=2.0)
    assert hash(ss.Sigmoid(2.0)) == hash(ss.Sigmoid(alpha=2.0))
    assert ss.Sigmoid(2.0) != ss.Sigmoid(3.0)


def test_equal_instances_do_not_retrace():
    traces = []
    step = jax.jit(lambda x, fn: (traces.append(1), fn(x))[1], static_argnums=1)
    x = jnp.ones(3)
    step(x, ss.Sigmoid(4.0))
    step(x, ss.Sigmoid(alpha=4.0))
    assert len(traces) == 1
    step(x, ss.Sigmoid(alpha=2.0))
    assert len(traces) == 2


@pytest.mark.parametrize("alpha", [1.0, 2.0, 4.0, 25.0])
def test_gradient_on_grid_matches_formula(alpha):
    xs = np.linspace(-3, 3, 121, dtype=np.float32)
    got = jax.vmap(jax.grad(lambda v: ss.Sigmoid(alpha)(v)))(jnp.asarray(xs))
    want = np.array([sigmoid_grad_reference(float(x), alpha) for x in xs])
    np.testing.assert_allclose(np.asarray(got), want, rtol=2e-6, atol=1e-30)


@settings(max_examples=60, deadline=None)
@given(
    x=st.floats(-50, 50, allow_nan=False, width=32),
    alpha=st.floats(0.0625, 50, allow_nan=False, width=32),
)
def test_gradient_hypothesis(x, alpha):
    got = float(jax.grad(lambda v: ss.Sigmoid(alpha)(v))(jnp.float32(x)))
    want = sigmoid_grad_reference(float(np.float32(x)), float(np.float32(alpha)))
    assert math.isfinite(got)
    if want > 1e-30:
        assert got == pytest.approx(want, rel=1e-5)
    else:
        assert abs(got) < 1e-30


def test_jit_vmap_grad_and_vmap_over_alpha():
    x = jnp.linspace(-2, 2, 9)
    f = ss.Sigmoid(4.0)
    grad_sum = jax.jit(jax.grad(lambda v: f(v).sum()))
    np.testing.assert_allclose(grad_sum(x), [sigmoid_grad_reference(float(v), 4.0) for v in x], rtol=1e-6)
    alphas = jnp.array([1.0, 2.0, 4.0])
    per_alpha = jax.vmap(lambda a: jax.grad(lambda v: ss.Sigmoid(a)(v).sum())(x))(alphas)
    for row, a in zip(np.asarray(per_alpha), [1.0, 2.0, 4.0], strict=True):
        np.testing.assert_allclose(row, [sigmoid_grad_reference(float(v), a) for v in x], rtol=1e-6)


def test_per_neuron_alpha_by_broadcasting():
    alpha = jnp.array([1.0, 2.0, 4.0])
    x = jnp.zeros((5, 3))
    g = jax.grad(lambda v: ss.Sigmoid(alpha)(v).sum())(x)
    np.testing.assert_allclose(np.asarray(g), np.broadcast_to(np.asarray(alpha) / 4, (5, 3)), rtol=1e-6)


def test_parameter_cotangent_is_braintools_dg_dalpha():
    x = jnp.array([-0.5, 0.0, 0.7])
    got = jax.grad(lambda a: ss.Sigmoid(a)(x).sum())(4.0)
    # d/dα [α σ(αx)(1−σ(αx))] = σ(1−σ) + α x σ(1−σ)(1−2σ), summed over x
    s = 1 / (1 + np.exp(-4.0 * np.asarray(x, np.float64)))
    want = np.sum(s * (1 - s) + 4.0 * np.asarray(x) * s * (1 - s) * (1 - 2 * s))
    assert float(got) == pytest.approx(want, rel=1e-5)


@pytest.mark.parametrize("dtype", [jnp.float16, jnp.bfloat16, jnp.float32])
def test_dtype_preserved(dtype):
    x = jnp.array([-1.0, 0.0, 1.0], dtype=dtype)
    f = ss.Sigmoid()
    assert f(x).dtype == dtype
    assert jax.grad(lambda v: f(v).sum())(x).dtype == dtype
    assert f.surrogate_grad(x).dtype == dtype
    assert f.surrogate_fun(x).dtype == dtype


def test_float64_with_x64():
    with jax.enable_x64(True):
        x = jnp.array([-1.0, 0.0, 1.0], dtype=jnp.float64)
        g = jax.grad(lambda v: ss.Sigmoid()(v).sum())(x)
        assert g.dtype == jnp.float64
        assert float(g[0]) == pytest.approx(sigmoid_grad_reference(-1.0, 4.0), rel=1e-14)


def test_surrogate_fun_and_grad_values():
    f = ss.Sigmoid(2.0)
    xs = jnp.array([-3.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(f.surrogate_fun(xs), 1 / (1 + np.exp(-2.0 * np.asarray(xs))), rtol=1e-6)
    np.testing.assert_allclose(f.surrogate_grad(xs), [sigmoid_grad_reference(float(v), 2.0) for v in xs], rtol=1e-6)


def test_invalid_parameter_raises_value_error_naming_it():
    with pytest.raises(ValueError, match="alpha"):
        ss.Sigmoid(alpha=-1.0)
    with pytest.raises(ValueError, match="alpha"):
        ss.Sigmoid(alpha=float("nan"))
    with pytest.raises(ValueError, match="alpha"):
        ss.Sigmoid(alpha="4")
    with pytest.raises(TypeError):
        ss.Sigmoid(beta=1.0)


def test_user_surrogate_has_the_catalog_interface():
    MyAtan = ss.surrogate("MyAtan", primitive="1/2 + atan(pi*alpha*x/2)/pi", params={"alpha": 2.0})
    f = MyAtan(alpha=2.0)
    assert repr(f) == "MyAtan(alpha=2.0)"
    x = jnp.linspace(-2, 2, 7)
    want = (2.0 / 2) / (1 + (np.pi * 2.0 * np.asarray(x, np.float64) / 2) ** 2)
    np.testing.assert_allclose(jax.grad(lambda v: f(v).sum())(x), want, rtol=1e-6)
    np.testing.assert_allclose(f.surrogate_fun(x), 0.5 + np.arctan(np.pi * np.asarray(x) * 2.0 / 2) / np.pi, rtol=1e-6)
    np.testing.assert_array_equal(MyAtan.function(jnp.array([-1.0, 0.0, 1.0])), [0.0, 1.0, 1.0])
    assert MyAtan.spec.primitive is not None


def test_user_surrogate_from_gradient_only_derives_primitive():
    Soft = ss.surrogate("Soft", grad="alpha/(2*(1 + Abs(alpha*x))**2)", params={"alpha": 2.0})
    f = Soft()
    x = jnp.linspace(-3, 3, 13)
    # ∫ α/(2(1+α|t|)²) dt from −∞ = ½ + x/(2(1/α+|x|)) (SoftSign's published primitive)
    xv = np.asarray(x, np.float64)
    np.testing.assert_allclose(f.surrogate_fun(x), 0.5 + xv / (2 * (1 / 2.0 + np.abs(xv))), rtol=1e-6)


@pytest.mark.slow  # a full check
def test_check_report():
    report = ss.check(ss.Sigmoid(alpha=4.0))
    assert report.ok, str(report)
    assert report.properties["integral"] == pytest.approx(1.0)
    assert report.properties["peak"] == pytest.approx(1.0)
    assert report.properties["symmetric"] is True
    assert report.properties["nonnegative"] is True
    assert "Sigmoid" in str(report)


@pytest.mark.slow  # a full check
def test_check_detects_wrong_gradient():
    bad = ss.spec("Bad", primitive="sigmoid(alpha*x)", grad="alpha*sigmoid(alpha*x)", params={"alpha": 1.0})
    report = ss.check(bad)
    assert not report.ok
    assert any(r.check == "derivative" and not r.ok for r in report.results)


def test_latex():
    tex = ss.latex(ss.Sigmoid)
    assert set(tex) == {"forward", "primitive", "grad"}
    assert "\\alpha" in tex["grad"] and "\\alpha" in tex["primitive"]
    assert "\\geq 0" in tex["forward"]
