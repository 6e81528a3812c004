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

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = grad_scale*exp(-Abs(x)/(grad_width*spike_threshold))/(grad_width*spike_threshold)

    the derivative of the soft step

        G(x) = Piecewise((grad_scale*exp(x/(grad_width*spike_threshold)), x < 0), (2*grad_scale
            - grad_scale*exp(-x/(grad_width*spike_threshold)), True))

    Args:
        grad_width: float or array, positive, default 0.5. width relative to the threshold.
        grad_scale: float or array, positive, default 1.0. height scale.
        spike_threshold: float or array, positive, default 1.0. the neuron's threshold θ (x = v
            - θ).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Shrestha & Orchard 2018, SLAYER: spike layer error reassignment in time, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import SingleExponential
        >>> SingleExponential()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__singleexponential'
    _catalog_name = 'sinabs.SingleExponential'
    _params = (Param('grad_width', 0.5, 'positive', False, 'width relative to the threshold'), Param('grad_scale', 1.0, 'positive', False, 'height scale'), Param('spike_threshold', 1.0, 'positive', False, "the neuron's threshold θ (x = v - θ)"),)
    _repr_order = None

    def __init__(self, grad_width: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(grad_width, grad_scale, spike_threshold, autodiff=autodiff, param_grad=param_grad)


def single_exponential_spike(x: jax.Array, grad_width: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`SingleExponential`: ``SingleExponential(grad_width, grad_scale, spike_threshold)(x)``."""
    return SingleExponential(grad_width, grad_scale, spike_threshold)(x)


class Gaussian(Surrogate):
    """sinabs Gaussian: grad_scale·N(x; mu, sigma), a normal density centred at mu.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = sqrt(2)*grad_scale*exp(-(-mu + x)**2/(2*sigma**2))/(2*sqrt(pi)*sigma)

    the derivative of the soft step

        G(x) = grad_scale*erf(sqrt(2)*(-mu + x)/(2*sigma))/2 + grad_scale/2

    Args:
        mu: float or array, real, default 0.0. centre of the density.
        sigma: float or array, positive, default 0.5. standard deviation.
        grad_scale: float or array, positive, default 1.0. height scale.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import Gaussian
        >>> Gaussian()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__gaussian'
    _catalog_name = 'sinabs.Gaussian'
    _params = (Param('mu', 0.0, 'real', False, 'centre of the density'), Param('sigma', 0.5, 'positive', False, 'standard deviation'), Param('grad_scale', 1.0, 'positive', False, 'height scale'),)
    _repr_order = None

    def __init__(self, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(mu, sigma, grad_scale, autodiff=autodiff, param_grad=param_grad)


def gaussian_spike(x: jax.Array, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, grad_scale: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Gaussian`: ``Gaussian(mu, sigma, grad_scale)(x)``."""
    return Gaussian(mu, sigma, grad_scale)(x)


class MultiGaussian(Surrogate):
    """sinabs MultiGaussian: (1+h)N(x; mu, σ) − h·N(x; ±σ, sσ), scaled by grad_scale.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = grad_scale*(-sqrt(2)*h*exp(-(sigma +
            x)**2/(2*s**2*sigma**2))/(2*sqrt(pi)*s*sigma) - sqrt(2)*h*exp(-(-sigma +
            x)**2/(2*s**2*sigma**2))/(2*sqrt(pi)*s*sigma) + sqrt(2)*(h + 1)*exp(-(-mu +
            x)**2/(2*sigma**2))/(2*sqrt(pi)*sigma))

    the derivative of the soft step

        G(x) = -grad_scale*(h - 1)/2 + grad_scale*(h*erf(sqrt(2)/(2*s) -
            sqrt(2)*x/(2*s*sigma))/2 - h*erf(sqrt(2)/(2*s) + sqrt(2)*x/(2*s*sigma))/2 -
            h*erf(sqrt(2)*mu/(2*sigma) - sqrt(2)*x/(2*sigma))/2 - erf(sqrt(2)*mu/(2*sigma) -
            sqrt(2)*x/(2*sigma))/2)

    Args:
        mu: float or array, real, default 0.0. centre of the main lobe.
        sigma: float or array, positive, default 0.5. width of the main lobe.
        h: float or array, positive, default 0.15. weight of the negative side lobes.
        s: float or array, positive, default 6.0. width ratio of side lobes to main lobe.
        grad_scale: float or array, positive, default 1.0. height scale.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Yin, Corradi & Bohté 2021, Accurate and efficient time-domain classification with
            adaptive spiking recurrent neural networks, Nature Machine Intelligence 3

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import MultiGaussian
        >>> MultiGaussian()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__multigaussian'
    _catalog_name = 'sinabs.MultiGaussian'
    _params = (Param('mu', 0.0, 'real', False, 'centre of the main lobe'), Param('sigma', 0.5, 'positive', False, 'width of the main lobe'), Param('h', 0.15, 'positive', False, 'weight of the negative side lobes'), Param('s', 6.0, 'positive', False, 'width ratio of side lobes to main lobe'), Param('grad_scale', 1.0, 'positive', False, 'height scale'),)
    _repr_order = None

    def __init__(self, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, grad_scale: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(mu, sigma, h, s, grad_scale, autodiff=autodiff, param_grad=param_grad)


def multi_gaussian_spike(x: jax.Array, mu: float | jax.Array = 0.0, sigma: float | jax.Array = 0.5, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, grad_scale: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`MultiGaussian`: ``MultiGaussian(mu, sigma, h, s, grad_scale)(x)``."""
    return MultiGaussian(mu, sigma, h, s, grad_scale)(x)


class Heaviside(Surrogate):
    """sinabs Heaviside: 1/θ where x >= −window, else 0 (a one-sided window), θ = spike_threshold.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((1/spike_threshold, window >= -x), (0, True))

    the derivative of the soft step

        G(x) = Piecewise((0, window <= -x), (window/spike_threshold + x/spike_threshold, True))

    Args:
        window: float or array, positive, default 1.0. distance of the window's edge below the
            threshold.
        spike_threshold: float or array, positive, default 1.0. the neuron's threshold θ (x = v
            - θ).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.sinabs import Heaviside
        >>> Heaviside()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_sinabs__heaviside'
    _catalog_name = 'sinabs.Heaviside'
    _params = (Param('window', 1.0, 'positive', False, "distance of the window's edge below the threshold"), Param('spike_threshold', 1.0, 'positive', False, "the neuron's threshold θ (x = v - θ)"),)
    _repr_order = None

    def __init__(self, window: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(window, spike_threshold, autodiff=autodiff, param_grad=param_grad)


def heaviside_spike(x: jax.Array, window: float | jax.Array = 1.0, spike_threshold: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Heaviside`: ``Heaviside(window, spike_threshold)(x)``."""
    return Heaviside(window, spike_threshold)(x)
