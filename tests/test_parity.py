"""Parity with braintools 0.3 itself: the catalog's braintools entries are drop-ins.

Random parameters in each domain and random points (seeded numpy); forward values,
input gradients (jax.grad through both), forward-mode tangents, ``surrogate_fun`` where
braintools defines it, and parameter gradients (braintools returns ct·∂g/∂θ), all in
float32. Needs the ``parity`` extra (braintools); skipped without it.
"""

from __future__ import annotations

import inspect

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest

import symsurrogate

pytestmark = pytest.mark.slow  # every entry against braintools

# Importing braintools switches jax_enable_x64 off; put back whatever the session had.
_X64 = jax.config.jax_enable_x64
bt = pytest.importorskip("braintools.surrogate")
jax.config.update("jax_enable_x64", _X64)

F32 = jnp.float32


def _logu(lo: float, hi: float):
    return lambda rng: float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def _u(lo: float, hi: float):
    return lambda rng: float(rng.uniform(lo, hi))


# Parameter samplers inside each domain (and inside the range where the shape is used).
SAMPLERS = {
    "Sigmoid": {"alpha": _logu(0.5, 20)},
    "PiecewiseQuadratic": {"alpha": _logu(0.3, 5)},
    "PiecewiseExp": {"alpha": _logu(0.3, 5)},
    "SoftSign": {"alpha": _logu(0.3, 5)},
    "Arctan": {"alpha": _logu(0.3, 5)},
    "NonzeroSignLog": {"alpha": _logu(0.3, 5)},
    "ERF": {"alpha": _logu(0.3, 5)},
    "PiecewiseLeakyRelu": {"c": _u(0.0, 0.2), "w": _logu(0.3, 3)},
    "SquarewaveFourierSeries": {"n": lambda rng: int(rng.integers(1, 7)), "t_period": _u(2, 16)},
    "S2NN": {"alpha": _logu(0.5, 10), "beta": _u(0.2, 3), "epsilon": _logu(1e-10, 1e-3)},
    "QPseudoSpike": {"alpha": lambda rng: float(rng.choice([rng.uniform(0.3, 0.9), rng.uniform(1.1, 6)]))},
    "LeakyRelu": {"alpha": _u(0, 1), "beta": _u(0, 2)},
    "LogTailedRelu": {"alpha": _u(0, 1)},
    "ReluGrad": {"alpha": _u(0.05, 2), "width": _logu(0.3, 3)},
    "GaussianGrad": {"sigma": _logu(0.2, 2), "alpha": _u(0.1, 2)},
    "MultiGaussianGrad": {"h": _u(0, 0.5), "s": _u(1.5, 10), "sigma": _logu(0.2, 2), "scale": _u(0.1, 2)},
    "InvSquareGrad": {"alpha": _logu(1, 200)},
    "SlayerGrad": {"alpha": _logu(0.3, 5)},
}
NAMES = list(SAMPLERS)
SEEDS = [0, 1, 2]
HAS_PRIMITIVE = [
    n for n in NAMES if n not in {"ReluGrad", "GaussianGrad", "MultiGaussianGrad", "InvSquareGrad", "SlayerGrad"}
]


def draw(name: str, seed: int) -> tuple[dict, jax.Array, jax.Array]:
    """Parameters, points and cotangents for one (entry, seed)."""
    rng = np.random.default_rng([seed, NAMES.index(name)])
    params = {p: sample(rng) for p, sample in SAMPLERS[name].items()}
    x = np.concatenate([rng.normal(0, s, 48) for s in (0.3, 1.0, 3.0)])
    ct = rng.uniform(0.5, 2.0, x.shape)
    return params, jnp.asarray(x, F32), jnp.asarray(ct, F32)


def twin_name(name: str) -> str:
    """braintools lists each class followed by its function twin."""
    twin = bt.__all__[bt.__all__.index(name) + 1]
    assert twin.replace("_", "") == name.lower()
    return twin


# braintools' SquarewaveFourierSeries evaluates cos((2i−1)ωx) at arguments up to ~300 rad
# here (ours reduces x exactly first): its float32 rounding of the argument is an absolute
# error of up to ~1e-6 of the peak (measured over 10 draws; docs/parity.md).
ATOL = {"SquarewaveFourierSeries": 1e-5}


def close(ours: jax.Array, theirs: jax.Array, rtol: float = 2e-5, atol: float = 1e-6) -> None:
    """Equal within float32 rounding: relative, with a floor at ``atol`` of the largest value."""
    ours, theirs = np.asarray(ours, np.float64), np.asarray(theirs, np.float64)
    atol = atol * max(np.abs(theirs).max(), 1e-30)
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=atol)


@pytest.mark.parametrize("name", NAMES)
def test_signature_and_repr_match_braintools(name):
    ours, theirs = getattr(symsurrogate, name), getattr(bt, name)
    sig = lambda f: [(p.name, p.default) for p in inspect.signature(f).parameters.values() if p.name != "self"]  # noqa: E731
    assert sig(ours)[: len(sig(theirs))] == sig(theirs)
    twin = twin_name(name)
    assert sig(getattr(symsurrogate, twin)) == sig(getattr(bt, twin))
    assert repr(ours()) == repr(theirs())
    for seed in SEEDS:
        params, _, _ = draw(name, seed)
        assert repr(ours(**params)) == repr(theirs(**params))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", NAMES)
def test_forward_and_gradient(name, seed):
    params, x, ct = draw(name, seed)
    ours, theirs = getattr(symsurrogate, name)(**params), getattr(bt, name)(**params)
    np.testing.assert_array_equal(ours(x), theirs(x))
    assert ours(x).dtype == theirs(x).dtype == F32
    loss = lambda f: lambda v: jnp.sum(f(v) * ct)  # noqa: E731
    atol = ATOL.get(name, 1e-6)
    close(jax.grad(loss(ours))(x), jax.grad(loss(theirs))(x), atol=atol)
    if seed == SEEDS[0]:  # one compiled variant per entry keeps the suite fast
        close(jax.jit(jax.grad(loss(ours)))(x), jax.grad(loss(theirs))(x), atol=atol)
    close(ours.surrogate_grad(x), theirs.surrogate_grad(x), atol=atol)


@pytest.mark.parametrize("seed", SEEDS[:1])
@pytest.mark.parametrize("name", NAMES)
def test_function_twins(name, seed):
    params, x, _ = draw(name, seed)
    ours, theirs = getattr(symsurrogate, twin_name(name)), getattr(bt, twin_name(name))
    np.testing.assert_array_equal(ours(x, **params), theirs(x, **params))
    grads = [jax.grad(lambda v, f=f: f(v, **params).sum())(x) for f in (ours, theirs)]
    close(*grads, atol=ATOL.get(name, 1e-6))


@pytest.mark.parametrize("seed", SEEDS[2:])
@pytest.mark.parametrize("name", NAMES)
def test_forward_mode(name, seed):
    params, x, ct = draw(name, seed)
    ours = getattr(symsurrogate, name)(**params, autodiff="jvp")
    theirs = getattr(bt, name)(**params)
    out_o, tan_o = jax.jvp(ours, (x,), (ct,))
    out_t, tan_t = jax.jvp(theirs, (x,), (ct,))
    np.testing.assert_array_equal(out_o, out_t)
    close(tan_o, tan_t, atol=ATOL.get(name, 1e-6))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", HAS_PRIMITIVE)
def test_surrogate_fun(name, seed):
    params, x, _ = draw(name, seed)
    ours, theirs = getattr(symsurrogate, name)(**params), getattr(bt, name)(**params)
    close(ours.surrogate_fun(x), theirs.surrogate_fun(x), rtol=5e-5, atol=ATOL.get(name, 1e-6))


@pytest.mark.parametrize("name", sorted(set(NAMES) - set(HAS_PRIMITIVE)))
def test_gradient_only_entries_gain_a_primitive(name):
    x = jnp.linspace(-2, 2, 5, dtype=F32)
    with pytest.raises(NotImplementedError):
        getattr(bt, name)().surrogate_fun(x)
    assert np.all(np.isfinite(getattr(symsurrogate, name)().surrogate_fun(x)))


@pytest.mark.parametrize("seed", SEEDS[1:2])
@pytest.mark.parametrize("name", NAMES)
def test_parameter_gradients(name, seed):
    """Per point, d/dθ of ct·spike(x; θ): braintools gives ct·∂g/∂θ, and so does param_grad='grad'."""
    params, x, ct = draw(name, seed)
    static = {p.name for p in getattr(symsurrogate, name)._params if p.static}
    for pname in [p for p in params if p not in static]:

        def per_point(cls, pname=pname):
            def f(theta, xi, ci):
                return cls(**{**params, pname: theta})(xi) * ci

            return jax.vmap(jax.grad(f), in_axes=(None, 0, 0))(F32(params[pname]), x, ct)

        ours, theirs = per_point(getattr(symsurrogate, name)), per_point(getattr(bt, name))
        # braintools' Sigmoid computes s·(1 − s), which cancels for x > 0 (see
        # test_sigmoid_parameter_gradient_right_tail): compare where it is exact.
        keep = x <= 0 if name == "Sigmoid" else np.ones(x.shape, bool)
        close(ours[keep], theirs[keep], rtol=1e-4, atol=ATOL.get(name, 1e-6))


def test_sigmoid_parameter_gradient_right_tail():
    """∂g/∂α against mpmath: ours is exact on both sides, braintools' loses digits for x > 0."""
    alpha, xs = 4.0, [1.5, 2.0, 3.0]

    def exact(x: float) -> float:
        s = lambda z: 1 / (1 + mpmath.exp(-z))  # noqa: E731
        with mpmath.workdps(30):
            return float(mpmath.diff(lambda a: a * s(a * x) * (1 - s(a * x)), alpha))

    def per_point(cls):
        grad = jax.vmap(jax.grad(lambda a, xi: cls(alpha=a)(xi)), in_axes=(None, 0))
        return np.asarray(grad(F32(alpha), jnp.asarray(xs, F32)), np.float64)

    reference = np.array([exact(x) for x in xs])
    ours, theirs = per_point(symsurrogate.Sigmoid), per_point(bt.Sigmoid)
    np.testing.assert_allclose(ours, reference, rtol=2e-6)
    assert np.abs(theirs / reference - 1).max() > 1e-3  # 0.9 % off at x = 3


def test_vmap_over_parameter_arrays():
    alphas = jnp.asarray([0.5, 1.0, 2.0, 4.0], F32)
    x = jnp.asarray([-0.3, 0.1, 0.7, 2.0], F32)
    for cls_o, cls_t in [(symsurrogate.Sigmoid, bt.Sigmoid), (symsurrogate.PiecewiseQuadratic, bt.PiecewiseQuadratic)]:
        grads = [jax.vmap(jax.grad(lambda xi, a, c=cls: c(alpha=a)(xi)))(x, alphas) for cls in (cls_o, cls_t)]
        close(*grads)


def test_importing_braintools_left_x64_as_it_was():
    assert jax.config.jax_enable_x64 == _X64


def test_q_pseudo_spike_primitive_at_alpha_one():
    """braintools switches to a logarithm at alpha = 1, where the power form is 0/0."""
    x = jnp.asarray([-5.0, -1.0, -0.1, 0.0, 0.3, 2.0, 50.0], F32)
    ours, theirs = symsurrogate.QPseudoSpike(1.0).surrogate_fun(x), bt.QPseudoSpike(1.0).surrogate_fun(x)
    assert np.all(np.isfinite(ours))
    close(ours, theirs)
