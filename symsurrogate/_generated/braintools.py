"""Generated from catalog/braintools.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'Sigmoid',
    'sigmoid',
]


class Sigmoid(Surrogate):
    """Logistic surrogate: the gradient of σ(αx).

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*(1 - 1/(1 + exp(-alpha*x)))/(1 + exp(-alpha*x))

    the derivative of the soft step

        G(x) = 1/(1 + exp(-alpha*x))

    Args:
        alpha: float or array, positive, default 4.0. steepness; the peak is alpha/4.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import Sigmoid
        >>> Sigmoid()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_sigmoid'
    _catalog_name = 'Sigmoid'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness; the peak is alpha/4'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 4.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def sigmoid(x: jax.Array, alpha: float | jax.Array = 4.0) -> jax.Array:
    """Spike function of :class:`Sigmoid`: ``Sigmoid(alpha)(x)``."""
    return Sigmoid(alpha)(x)
