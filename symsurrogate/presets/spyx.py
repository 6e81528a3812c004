"""Generated from catalog/presets/spyx.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'superspike',
    'superspike_spike',
    'arctan',
    'arctan_spike',
    'tanh',
    'tanh_spike',
    'triangular',
    'triangular_spike',
    'boxcar',
    'boxcar_spike',
    'abs_linear',
    'abs_linear_spike',
]


class superspike(Surrogate):
    """spyx superspike: 1/(1+k|x|)², spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = (k*Abs(x) + 1)**(-2)

    the derivative of the soft step

        G(x) = Piecewise((-1/(k**2*x - k), x < 0), (-1/(k**2*x + k) + 2/k, True))

    Args:
        k: float or array, positive, default 25.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import superspike
        >>> superspike()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__superspike'
    _catalog_name = 'spyx.superspike'
    _params = (Param('k', 25.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def superspike_spike(x: jax.Array, k: float | jax.Array = 25.0) -> jax.Array:
    """Spike function of :class:`superspike`: ``superspike(k)(x)``."""
    return superspike(k)(x)


class arctan(Surrogate):
    """spyx arctan: (1/π)/(1+(kπx)²) (peak 1/π, area 1/(πk)), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = 1/(pi*(pi**2*k**2*x**2 + 1))

    the derivative of the soft step

        G(x) = atan(pi*k*x)/(pi**2*k) + 1/(2*pi*k)

    Args:
        k: float or array, positive, default 2.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import arctan
        >>> arctan()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__arctan'
    _catalog_name = 'spyx.arctan'
    _params = (Param('k', 2.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def arctan_spike(x: jax.Array, k: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`arctan`: ``arctan(k)(x)``."""
    return arctan(k)(x)


class tanh(Surrogate):
    """spyx tanh: 4/(e^(−kx)+e^(kx))² = sech²(kx), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = cosh(k*x)**(-2)

    the derivative of the soft step

        G(x) = 2*tanh(k*x/2)/(k*tanh(k*x/2)**2 + k) + 1/k

    Args:
        k: float or array, positive, default 1.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import tanh
        >>> tanh()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__tanh'
    _catalog_name = 'spyx.tanh'
    _params = (Param('k', 1.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def tanh_spike(x: jax.Array, k: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`tanh`: ``tanh(k)(x)``."""
    return tanh(k)(x)


class triangular(Surrogate):
    """spyx triangular: max(0, 1−|kx|), a triangle of height 1 and half-width 1/k, spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = Max(0, -k*Abs(x) + 1)

    the derivative of the soft step

        G(x) = Piecewise((0, x <= -1/k), (k*x**2/2 + x + 1/(2*k), x < 0), (-k*x**2/2 + x +
            1/(2*k), x <= 1/k), (1/k, True))

    Args:
        k: float or array, positive, default 2.0. inverse half-width.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import triangular
        >>> triangular()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__triangular'
    _catalog_name = 'spyx.triangular'
    _params = (Param('k', 2.0, 'positive', False, 'inverse half-width'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def triangular_spike(x: jax.Array, k: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`triangular`: ``triangular(k)(x)``."""
    return triangular(k)(x)


class boxcar(Surrogate):
    """spyx boxcar: height where |x| < width/2, else 0, spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((height, Abs(x) < width/2), (0, True))

    the derivative of the soft step

        G(x) = Piecewise((0, x <= -width/2), (height*width/2 + height*x, (x <= 0) | (x <
            width/2)), (height*width, True))

    Args:
        width: float or array, positive, default 2.0. total width of the window, centred on 0.
        height: float or array, positive, default 0.5. gradient inside the window.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import boxcar
        >>> boxcar()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__boxcar'
    _catalog_name = 'spyx.boxcar'
    _params = (Param('width', 2.0, 'positive', False, 'total width of the window, centred on 0'), Param('height', 0.5, 'positive', False, 'gradient inside the window'),)
    _repr_order = None

    def __init__(self, width: float | jax.Array = 2.0, height: float | jax.Array = 0.5, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(width, height, autodiff=autodiff, param_grad=param_grad)


def boxcar_spike(x: jax.Array, width: float | jax.Array = 2.0, height: float | jax.Array = 0.5) -> jax.Array:
    """Spike function of :class:`boxcar`: ``boxcar(width, height)(x)``."""
    return boxcar(width, height)(x)


class abs_linear(Surrogate):
    """spyx abs_linear (Bellec et al.'s LSNN pseudo-derivative): dampening_factor·max(1−|x|, 0),
        spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = dampening_factor*Max(0, 1 - Abs(x))

    the derivative of the soft step

        G(x) = Piecewise((0, x <= -1), (dampening_factor*x**2/2 + dampening_factor*x +
            dampening_factor/2, x < 0), (-dampening_factor*x**2/2 + dampening_factor*x +
            dampening_factor/2, x <= 1), (dampening_factor, True))

    Args:
        dampening_factor: float or array, positive, default 0.3. height of the triangle.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Bellec et al. 2018, Long short-term memory and learning-to-learn in networks of spiking
            neurons, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import abs_linear
        >>> abs_linear()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__abs_linear'
    _catalog_name = 'spyx.abs_linear'
    _params = (Param('dampening_factor', 0.3, 'positive', False, 'height of the triangle'),)
    _repr_order = None

    def __init__(self, dampening_factor: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(dampening_factor, autodiff=autodiff, param_grad=param_grad)


def abs_linear_spike(x: jax.Array, dampening_factor: float | jax.Array = 0.3) -> jax.Array:
    """Spike function of :class:`abs_linear`: ``abs_linear(dampening_factor)(x)``."""
    return abs_linear(dampening_factor)(x)
