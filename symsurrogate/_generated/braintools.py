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

    Soft step (primitive) G, whose derivative is g:

        G(x) = σ(α⋅x)

    Surrogate gradient g, used in the backward pass:

        g(x) = α⋅(1 - σ(α⋅x))⋅σ(α⋅x)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

             2
            α ⋅(σ(α⋅x) - 1)⋅(2⋅σ(α⋅x) - 1)⋅σ(α⋅x)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 4.0. steepness; the peak is alpha/4.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import Sigmoid
        >>> spike = Sigmoid()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.7864
    """

    _formulas_name = 'symsurrogate._generated.formulas_sigmoid'
    _catalog_name = 'Sigmoid'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness; the peak is alpha/4'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 4.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def sigmoid(x: jax.Array, alpha: float | jax.Array = 4.0) -> jax.Array:
    """Logistic surrogate: the gradient of σ(αx).

    The spike function of :class:`Sigmoid` as a function: ``Sigmoid(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = α⋅(1 - σ(α⋅x))⋅σ(α⋅x)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 4.0. steepness; the peak is alpha/4.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import sigmoid
        >>> sigmoid(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(sigmoid)(0.25)):.4g}")  # g(0.25)
        0.7864
    """
    return Sigmoid(alpha)(x)
