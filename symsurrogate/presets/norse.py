"""Generated from catalog/presets/norse.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'super_fn',
    'super_fn_spike',
    'triangle_fn',
    'triangle_fn_spike',
    'heavi_tanh_fn',
    'heavi_tanh_fn_spike',
    'heavi_circ_fn',
    'heavi_circ_fn_spike',
    'heavi_erfc_fn',
    'heavi_erfc_fn_spike',
]


class super_fn(Surrogate):
    """Norse super_fn: SuperSpike's 1/(α|x|+1)², spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = (alpha*Abs(x) + 1)**(-2)

    the derivative of the soft step

        G(x) = Piecewise((-1/(alpha**2*x - alpha), x < 0), (-1/(alpha**2*x + alpha) + 2/alpha,
            True))

    Args:
        alpha: float or array, positive, default 100.0. steepness (SuperSpike's beta).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import super_fn
        >>> super_fn()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__super_fn'
    _catalog_name = 'norse.super_fn'
    _params = (Param('alpha', 100.0, 'positive', False, "steepness (SuperSpike's beta)"),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def super_fn_spike(x: jax.Array, alpha: float | jax.Array = 100.0) -> jax.Array:
    """Spike function of :class:`super_fn`: ``super_fn(alpha)(x)``."""
    return super_fn(alpha)(x)


class triangle_fn(Surrogate):
    """Norse triangle_fn: α·max(1−|x|, 0), a triangle of height α and half-width 1, spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*Max(0, 1 - Abs(x))

    the derivative of the soft step

        G(x) = Piecewise((0, x <= -1), (alpha*x**2/2 + alpha*x + alpha/2, x < 0), (-alpha*x**2/2
            + alpha*x + alpha/2, x <= 1), (alpha, True))

    Args:
        alpha: float or array, positive, default 0.3. height of the triangle.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)
        Bellec et al. 2020, A solution to the learning dilemma for recurrent networks of spiking
            neurons, Nature Communications 11

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import triangle_fn
        >>> triangle_fn()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__triangle_fn'
    _catalog_name = 'norse.triangle_fn'
    _params = (Param('alpha', 0.3, 'positive', False, 'height of the triangle'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def triangle_fn_spike(x: jax.Array, alpha: float | jax.Array = 0.3) -> jax.Array:
    """Spike function of :class:`triangle_fn`: ``triangle_fn(alpha)(x)``."""
    return triangle_fn(alpha)(x)


class heavi_tanh_fn(Surrogate):
    """Norse heavi_tanh_fn: 1 − tanh²(kx) = sech²(kx) (peak 1, area 2/k), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = cosh(k*x)**(-2)

    the derivative of the soft step

        G(x) = 2*tanh(k*x/2)/(k*tanh(k*x/2)**2 + k) + 1/k

    Args:
        k: float or array, positive, default 100.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_tanh_fn
        >>> heavi_tanh_fn()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__heavi_tanh_fn'
    _catalog_name = 'norse.heavi_tanh_fn'
    _params = (Param('k', 100.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def heavi_tanh_fn_spike(x: jax.Array, k: float | jax.Array = 100.0) -> jax.Array:
    """Spike function of :class:`heavi_tanh_fn`: ``heavi_tanh_fn(k)(x)``."""
    return heavi_tanh_fn(k)(x)


class heavi_circ_fn(Surrogate):
    """Norse heavi_circ_fn: k³/(k²+x²)^(3/2), the algebraic (circle) surrogate with peak 1, spike
        at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = k**3/(k**2 + x**2)**(3/2)

    the derivative of the soft step

        G(x) = k*x/sqrt(k**2 + x**2) + k

    Args:
        k: float or array, positive, default 100.0. width of the algebraic step.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_circ_fn
        >>> heavi_circ_fn()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__heavi_circ_fn'
    _catalog_name = 'norse.heavi_circ_fn'
    _params = (Param('k', 100.0, 'positive', False, 'width of the algebraic step'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def heavi_circ_fn_spike(x: jax.Array, k: float | jax.Array = 100.0) -> jax.Array:
    """Spike function of :class:`heavi_circ_fn`: ``heavi_circ_fn(k)(x)``."""
    return heavi_circ_fn(k)(x)


class heavi_erfc_fn(Surrogate):
    """Norse heavi_erfc_fn: (2/√π)·e^(−k²x²) (peak 2/√π, area 2/k), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = 2*exp(-k**2*x**2)/sqrt(pi)

    the derivative of the soft step

        G(x) = erf(k*x)/k + 1/k

    Args:
        k: float or array, positive, default 100.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_erfc_fn
        >>> heavi_erfc_fn()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__heavi_erfc_fn'
    _catalog_name = 'norse.heavi_erfc_fn'
    _params = (Param('k', 100.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(self, k: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad)


def heavi_erfc_fn_spike(x: jax.Array, k: float | jax.Array = 100.0) -> jax.Array:
    """Spike function of :class:`heavi_erfc_fn`: ``heavi_erfc_fn(k)(x)``."""
    return heavi_erfc_fn(k)(x)
