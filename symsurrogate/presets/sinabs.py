"""Generated from catalog/presets/sinabs.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'SingleExponential',
    'single_exponential_spike',
    'Gaussian',
    'gaussian_spike',
    'MultiGaussian',
    'multi_gaussian_spike',
    'Heaviside',
    'heaviside_spike',
]


class SingleExponential(Surrogate):
    """sinabs SingleExponential: grad_scale/(θw)·e^(−|x|/(θw)) with θ = spike_threshold, w =
        grad_width.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                               x
            ⎪                   ──────────────────────────
            ⎪                   grad_width⋅spike_threshold
            ⎪       grad_scale⋅ℯ                                    for x < 0
            ⎨
            ⎪                                      -x
            ⎪                           ──────────────────────────
            ⎪                           grad_width⋅spike_threshold
            ⎩2⋅grad_scale - grad_scale⋅ℯ                            otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

                                  -│x│
                        ──────────────────────────
                        grad_width⋅spike_threshold
            grad_scale⋅ℯ
            ──────────────────────────────────────
                  grad_width⋅spike_threshold

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                                   -│x│
                         ──────────────────────────
                         grad_width⋅spike_threshold
            -grad_scale⋅ℯ                          ⋅sign(x)
            ────────────────────────────────────────────────
                                2                2
                      grad_width ⋅spike_threshold

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 2.

    Args:
        grad_width: float or array, > 0, default 0.5. width relative to the threshold.
        grad_scale: float or array, > 0, default 1.0. height scale.
        spike_threshold: float or array, > 0, default 1.0. the neuron's threshold θ (x = v - θ).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Shrestha & Orchard 2018, SLAYER: spike layer error reassignment in time, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import SingleExponential
        >>> spike = SingleExponential()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1.213
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__singleexponential'
    _catalog_name = 'sinabs.SingleExponential'
    _params = (Param('grad_width', 0.5, 'positive', False, 'width relative to the threshold'), Param('grad_scale', 1.0, 'positive', False, 'height scale'), Param('spike_threshold', 1.0, 'positive', False, "the neuron's threshold θ (x = v - θ)"),)
    _repr_order = None

    def __init__(
        self, grad_width: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(grad_width, grad_scale, spike_threshold, autodiff=autodiff, param_grad=param_grad, precision=precision)


def single_exponential_spike(x: jax.Array, grad_width: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0) -> jax.Array:
    """sinabs SingleExponential: grad_scale/(θw)·e^(−|x|/(θw)) with θ = spike_threshold, w =
        grad_width.

    The spike function of :class:`SingleExponential` as a function:
        ``SingleExponential(grad_width, grad_scale, spike_threshold)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                                  -│x│
                        ──────────────────────────
                        grad_width⋅spike_threshold
            grad_scale⋅ℯ
            ──────────────────────────────────────
                  grad_width⋅spike_threshold

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 2.

    Args:
        x: the membrane potential minus the threshold (any float array).
        grad_width: float or array, > 0, default 0.5. width relative to the threshold.
        grad_scale: float or array, > 0, default 1.0. height scale.
        spike_threshold: float or array, > 0, default 1.0. the neuron's threshold θ (x = v - θ).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import single_exponential_spike
        >>> single_exponential_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(single_exponential_spike)(0.25)):.4g}")  # g(0.25)
        1.213
    """
    return SingleExponential(grad_width, grad_scale, spike_threshold)(x)


class Gaussian(Surrogate):
    """sinabs Gaussian: grad_scale·N(x; mu, sigma), a normal density centred at mu.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                          ⎛√2⋅(-μ + x)⎞
            grad_scale⋅erf⎜───────────⎟
                          ⎝    2⋅σ    ⎠   grad_scale
            ─────────────────────────── + ──────────
                         2                    2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                                    2
                           -(-μ + x)
                           ───────────
                                 2
                              2⋅σ
            √2⋅grad_scale⋅ℯ
            ──────────────────────────
                      2⋅√π⋅σ

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                                                  2
                                         -(-μ + x)
                                         ───────────
                                               2
                                            2⋅σ
            -√2⋅grad_scale⋅(-2⋅μ + 2⋅x)⋅ℯ
            ─────────────────────────────────────────
                                   3
                             4⋅√π⋅σ

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.7979.

    Args:
        mu: float or array, any real number, default 0.0. centre of the density.
        sigma: float or array, > 0, default 0.5. standard deviation.
        grad_scale: float or array, > 0, default 1.0. height scale.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import Gaussian
        >>> spike = Gaussian()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.7041
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__gaussian'
    _catalog_name = 'sinabs.Gaussian'
    _params = (Param('mu', 0.0, 'real', False, 'centre of the density'), Param('sigma', 0.5, 'positive', False, 'standard deviation'), Param('grad_scale', 1.0, 'positive', False, 'height scale'),)
    _repr_order = None

    def __init__(
        self, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(mu, sigma, grad_scale, autodiff=autodiff, param_grad=param_grad, precision=precision)


def gaussian_spike(x: jax.Array, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0) -> jax.Array:
    """sinabs Gaussian: grad_scale·N(x; mu, sigma), a normal density centred at mu.

    The spike function of :class:`Gaussian` as a function: ``Gaussian(mu, sigma,
        grad_scale)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                                    2
                           -(-μ + x)
                           ───────────
                                 2
                              2⋅σ
            √2⋅grad_scale⋅ℯ
            ──────────────────────────
                      2⋅√π⋅σ

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.7979.

    Args:
        x: the membrane potential minus the threshold (any float array).
        mu: float or array, any real number, default 0.0. centre of the density.
        sigma: float or array, > 0, default 0.5. standard deviation.
        grad_scale: float or array, > 0, default 1.0. height scale.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import gaussian_spike
        >>> gaussian_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(gaussian_spike)(0.25)):.4g}")  # g(0.25)
        0.7041
    """
    return Gaussian(mu, sigma, grad_scale)(x)


class MultiGaussian(Surrogate):
    """sinabs MultiGaussian: (1+h)N(x; mu, σ) − h·N(x; ±σ, sσ), scaled by grad_scale.

    Soft step (primitive) G, whose derivative is g:

        G(x) = -grad_scale*(h - 1)/2 + grad_scale*(-h*erf(sqrt(2)*(-sigma + x)/(2*s*sigma))/2 -
            h*erf(sqrt(2)*(sigma + x)/(2*s*sigma))/2 + (h + 1)*erf(sqrt(2)*(-mu +
            x)/(2*sigma))/2)

    Surrogate gradient g, used in the backward pass:

        g(x) =

                       ⎛                2                   2                         2 ⎞
                       ⎜        -(σ + x)           -(-σ + x)                 -(-μ + x)  ⎟
                       ⎜        ──────────         ───────────               ───────────⎟
                       ⎜            2  2                2  2                       2    ⎟
                       ⎜         2⋅s ⋅σ              2⋅s ⋅σ                     2⋅σ     ⎟
                       ⎜  √2⋅h⋅ℯ             √2⋅h⋅ℯ              √2⋅(h + 1)⋅ℯ           ⎟
            grad_scale⋅⎜- ──────────────── - ───────────────── + ───────────────────────⎟
                       ⎝      2⋅√π⋅s⋅σ           2⋅√π⋅s⋅σ                2⋅√π⋅σ         ⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) = grad_scale*(sqrt(2)*h*(-2*sigma + 2*x)*exp(-(-sigma +
            x)**2/(2*s**2*sigma**2))/(4*sqrt(pi)*s**3*sigma**3) + sqrt(2)*h*(2*sigma +
            2*x)*exp(-(sigma + x)**2/(2*s**2*sigma**2))/(4*sqrt(pi)*s**3*sigma**3) - sqrt(2)*(h
            + 1)*(-2*mu + 2*x)*exp(-(-mu + x)**2/(2*sigma**2))/(4*sqrt(pi)*sigma**3))

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.8782.

    Args:
        mu: float or array, any real number, default 0.0. centre of the main lobe.
        sigma: float or array, > 0, default 0.5. width of the main lobe.
        h: float or array, > 0, default 0.15. weight of the negative side lobes.
        s: float or array, > 0, default 6.0. width ratio of side lobes to main lobe.
        grad_scale: float or array, > 0, default 1.0. height scale.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Yin, Corradi & Bohté 2021, Accurate and efficient time-domain classification with
            adaptive spiking recurrent neural networks, Nature Machine Intelligence 3

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import MultiGaussian
        >>> spike = MultiGaussian()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.7705
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__multigaussian'
    _catalog_name = 'sinabs.MultiGaussian'
    _params = (Param('mu', 0.0, 'real', False, 'centre of the main lobe'), Param('sigma', 0.5, 'positive', False, 'width of the main lobe'), Param('h', 0.15, 'positive', False, 'weight of the negative side lobes'), Param('s', 6.0, 'positive', False, 'width ratio of side lobes to main lobe'), Param('grad_scale', 1.0, 'positive', False, 'height scale'),)
    _repr_order = None

    def __init__(
        self, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, grad_scale: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(mu, sigma, h, s, grad_scale, autodiff=autodiff, param_grad=param_grad, precision=precision)


def multi_gaussian_spike(x: jax.Array, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, grad_scale: float | jax.Array = 1.0) -> jax.Array:
    """sinabs MultiGaussian: (1+h)N(x; mu, σ) − h·N(x; ±σ, sσ), scaled by grad_scale.

    The spike function of :class:`MultiGaussian` as a function: ``MultiGaussian(mu, sigma, h, s,
        grad_scale)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                       ⎛                2                   2                         2 ⎞
                       ⎜        -(σ + x)           -(-σ + x)                 -(-μ + x)  ⎟
                       ⎜        ──────────         ───────────               ───────────⎟
                       ⎜            2  2                2  2                       2    ⎟
                       ⎜         2⋅s ⋅σ              2⋅s ⋅σ                     2⋅σ     ⎟
                       ⎜  √2⋅h⋅ℯ             √2⋅h⋅ℯ              √2⋅(h + 1)⋅ℯ           ⎟
            grad_scale⋅⎜- ──────────────── - ───────────────── + ───────────────────────⎟
                       ⎝      2⋅√π⋅s⋅σ           2⋅√π⋅s⋅σ                2⋅√π⋅σ         ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.8782.

    Args:
        x: the membrane potential minus the threshold (any float array).
        mu: float or array, any real number, default 0.0. centre of the main lobe.
        sigma: float or array, > 0, default 0.5. width of the main lobe.
        h: float or array, > 0, default 0.15. weight of the negative side lobes.
        s: float or array, > 0, default 6.0. width ratio of side lobes to main lobe.
        grad_scale: float or array, > 0, default 1.0. height scale.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import multi_gaussian_spike
        >>> multi_gaussian_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(multi_gaussian_spike)(0.25)):.4g}")  # g(0.25)
        0.7705
    """
    return MultiGaussian(mu, sigma, h, s, grad_scale)(x)


class Heaviside(Surrogate):
    """sinabs Heaviside: 1/θ where x >= −window, else 0 (a one-sided window), θ = spike_threshold.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                0                  for window ≤ -x
            ⎪
            ⎨    window               x
            ⎪─────────────── + ───────────────     otherwise
            ⎩spike_threshold   spike_threshold

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧       1
            ⎪───────────────  for window ≥ -x
            ⎨spike_threshold
            ⎪
            ⎩       0            otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        window: float or array, > 0, default 1.0. distance of the window's edge below the
            threshold.
        spike_threshold: float or array, > 0, default 1.0. the neuron's threshold θ (x = v - θ).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import Heaviside
        >>> spike = Heaviside()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__heaviside'
    _catalog_name = 'sinabs.Heaviside'
    _params = (Param('window', 1.0, 'positive', False, "distance of the window's edge below the threshold"), Param('spike_threshold', 1.0, 'positive', False, "the neuron's threshold θ (x = v - θ)"),)
    _repr_order = None

    def __init__(
        self, window: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(window, spike_threshold, autodiff=autodiff, param_grad=param_grad, precision=precision)


def heaviside_spike(x: jax.Array, window: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0) -> jax.Array:
    """sinabs Heaviside: 1/θ where x >= −window, else 0 (a one-sided window), θ = spike_threshold.

    The spike function of :class:`Heaviside` as a function: ``Heaviside(window,
        spike_threshold)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧       1
            ⎪───────────────  for window ≥ -x
            ⎨spike_threshold
            ⎪
            ⎩       0            otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        window: float or array, > 0, default 1.0. distance of the window's edge below the
            threshold.
        spike_threshold: float or array, > 0, default 1.0. the neuron's threshold θ (x = v - θ).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import heaviside_spike
        >>> heaviside_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(heaviside_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return Heaviside(window, spike_threshold)(x)
