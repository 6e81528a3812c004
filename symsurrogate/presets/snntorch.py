"""Generated from catalog/presets/snntorch.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'atan',
    'atan_spike',
    'fast_sigmoid',
    'fast_sigmoid_spike',
    'sigmoid',
    'sigmoid_spike',
    'triangular',
    'triangular_spike',
    'spike_rate_escape',
    'spike_rate_escape_spike',
    'SFS',
    'sfs_spike',
    'straight_through_estimator',
    'straight_through_estimator_spike',
]


class atan(Surrogate):
    """snnTorch atan: the arc-tangent surrogate (α/2)/(1+(παx/2)²), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = alpha/(2*(pi**2*alpha**2*x**2/4 + 1))

    the derivative of the soft step

        G(x) = atan(pi*alpha*x/2)/pi + 1/2

    Args:
        alpha: float or array, positive, default 2.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Fang et al. 2021, Incorporating learnable membrane time constants to enhance learning of
            spiking neural networks, ICCV

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import atan
        >>> atan()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__atan'
    _catalog_name = 'snntorch.atan'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def atan_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`atan`: ``atan(alpha)(x)``."""
    return atan(alpha)(x)


class fast_sigmoid(Surrogate):
    """snnTorch fast_sigmoid: SuperSpike's 1/(slope·|x|+1)², spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = (slope*Abs(x) + 1)**(-2)

    the derivative of the soft step

        G(x) = Piecewise((-1/(slope**2*x - slope), x < 0), (-1/(slope**2*x + slope) + 2/slope,
            True))

    Args:
        slope: float or array, positive, default 25.0. steepness k of the fast sigmoid.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import fast_sigmoid
        >>> fast_sigmoid()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__fast_sigmoid'
    _catalog_name = 'snntorch.fast_sigmoid'
    _params = (Param('slope', 25.0, 'positive', False, 'steepness k of the fast sigmoid'),)
    _repr_order = None

    def __init__(self, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(slope, autodiff=autodiff, param_grad=param_grad)


def fast_sigmoid_spike(x: jax.Array, slope: float | jax.Array = 25.0) -> jax.Array:
    """Spike function of :class:`fast_sigmoid`: ``fast_sigmoid(slope)(x)``."""
    return fast_sigmoid(slope)(x)


class sigmoid(Surrogate):
    """snnTorch sigmoid: the logistic derivative slope·σ(slope·x)(1−σ(slope·x)), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = slope*(1 - 1/(1 + exp(-slope*x)))/(1 + exp(-slope*x))

    the derivative of the soft step

        G(x) = 1/(1 + exp(-slope*x))

    Args:
        slope: float or array, positive, default 25.0. steepness k; the peak is slope/4.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import sigmoid
        >>> sigmoid()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__sigmoid'
    _catalog_name = 'snntorch.sigmoid'
    _params = (Param('slope', 25.0, 'positive', False, 'steepness k; the peak is slope/4'),)
    _repr_order = None

    def __init__(self, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(slope, autodiff=autodiff, param_grad=param_grad)


def sigmoid_spike(x: jax.Array, slope: float | jax.Array = 25.0) -> jax.Array:
    """Spike function of :class:`sigmoid`: ``sigmoid(slope)(x)``."""
    return sigmoid(slope)(x)


class triangular(Surrogate):
    """snnTorch triangular: +threshold below 0 and −threshold from 0 up (as its code does), spike
        at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((threshold, x < 0), (-threshold, True))

    the derivative of the soft step

        G(x) = Piecewise((threshold*x, x < 0), (-threshold*x, True))

    Args:
        threshold: float or array, real, default 1.0. gradient magnitude (snnTorch's U_thr).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import triangular
        >>> triangular()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__triangular'
    _catalog_name = 'snntorch.triangular'
    _params = (Param('threshold', 1.0, 'real', False, "gradient magnitude (snnTorch's U_thr)"),)
    _repr_order = None

    def __init__(self, threshold: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(threshold, autodiff=autodiff, param_grad=param_grad)


def triangular_spike(x: jax.Array, threshold: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`triangular`: ``triangular(threshold)(x)``."""
    return triangular(threshold)(x)


class spike_rate_escape(Surrogate):
    """snnTorch spike_rate_escape: slope·e^(−β|x−1|), a Boltzmann escape rate peaking at x = 1,
        spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = slope*exp(-beta*Abs(x - 1))

    the derivative of the soft step

        G(x) = Piecewise((slope*exp(-beta*Abs(x - 1))/beta, x < 1), (slope*(2 - exp(-beta*Abs(x
            - 1)))/beta, True))

    Args:
        beta: float or array, positive, default 1.0. decay rate of the escape rate.
        slope: float or array, positive, default 25.0. height of the escape rate.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Gerstner & Kistler 2002, Spiking Neuron Models, Cambridge University Press

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import spike_rate_escape
        >>> spike_rate_escape()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__spike_rate_escape'
    _catalog_name = 'snntorch.spike_rate_escape'
    _params = (Param('beta', 1.0, 'positive', False, 'decay rate of the escape rate'), Param('slope', 25.0, 'positive', False, 'height of the escape rate'),)
    _repr_order = None

    def __init__(self, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(beta, slope, autodiff=autodiff, param_grad=param_grad)


def spike_rate_escape_spike(x: jax.Array, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0) -> jax.Array:
    """Spike function of :class:`spike_rate_escape`: ``spike_rate_escape(beta, slope)(x)``."""
    return spike_rate_escape(beta, slope)(x)


class SFS(Surrogate):
    """snnTorch SFS (sparse fast sigmoid): 1/(slope·|x|+1)² where x > B, else 0, spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise(((slope*Abs(x) + 1)**(-2), B < x), (0, True))

    the derivative of the soft step

        G(x) = Piecewise((0, B >= x), (-1/(slope**2*x - slope) + 1/(B*slope**2 - slope), x <
            Max(0, B)), (1/(slope**2*Max(0, B) + slope) - 1/(slope**2*Max(0, B) - slope) -
            1/(slope**2*x + slope) + 1/(B*slope**2 - slope), True))

    Args:
        slope: float or array, positive, default 25.0. steepness k of the fast sigmoid.
        B: float or array, real, default 1.0. sparsity threshold: no gradient at or below B.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Perez-Nieves & Goodman 2021, Sparse spiking gradient descent, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import SFS
        >>> SFS()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__sfs'
    _catalog_name = 'snntorch.SFS'
    _params = (Param('slope', 25.0, 'positive', False, 'steepness k of the fast sigmoid'), Param('B', 1.0, 'real', False, 'sparsity threshold: no gradient at or below B'),)
    _repr_order = None

    def __init__(self, slope: float | jax.Array = 25.0, B: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(slope, B, autodiff=autodiff, param_grad=param_grad)


def sfs_spike(x: jax.Array, slope: float | jax.Array = 25.0, B: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`SFS`: ``SFS(slope, B)(x)``."""
    return SFS(slope, B)(x)


class straight_through_estimator(Surrogate):
    """snnTorch straight_through_estimator: the gradient passes unchanged (g = 1), spike at x > 0.

    Forward: the Heaviside step, 1 where x > 0 else 0. Backward: the surrogate gradient

        g(x) = 1

    the derivative of the soft step

        G(x) = x

    Args:
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import straight_through_estimator
        >>> straight_through_estimator()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__straight_through_estimator'
    _catalog_name = 'snntorch.straight_through_estimator'
    _params = ()
    _repr_order = None

    def __init__(self, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(autodiff=autodiff, param_grad=param_grad)


def straight_through_estimator_spike(x: jax.Array) -> jax.Array:
    """Spike function of :class:`straight_through_estimator`: ``straight_through_estimator()(x)``."""
    return straight_through_estimator()(x)
