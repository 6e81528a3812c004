"""Generated from catalog/shapes.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'Circ',
    'circ',
    'Tanh',
    'tanh',
    'Rect',
    'rect',
    'StraightThrough',
    'straight_through',
    'FakeNumericalGradient',
    'fake_numerical_gradient',
    'SparseFastSigmoid',
    'sparse_fast_sigmoid',
    'SpikeRateEscape',
    'spike_rate_escape',
    'StepWindow',
    'step_window',
]


class Circ(Surrogate):
    """Algebraic (circular) surrogate: g = (α²/2)/(α² + x²)^{3/2}, G = ½ + x/(2√(x² + α²)).

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha**2/(2*(alpha**2 + x**2)**(3/2))

    the derivative of the soft step

        G(x) = Piecewise((alpha**2/(2*sqrt(alpha**2 + x**2)*(sqrt(alpha**2 + x**2) + Abs(x))), x
            < 0), (-alpha**2/(2*sqrt(alpha**2 + x**2)*(sqrt(alpha**2 + x**2) + Abs(x))) + 1,
            True))

    Args:
        alpha: float or array, positive, default 1.0. width (a length in units of x); the peak
            is 1/(2*alpha).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import Circ
        >>> Circ()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_circ'
    _catalog_name = 'Circ'
    _params = (Param('alpha', 1.0, 'positive', False, 'width (a length in units of x); the peak is 1/(2*alpha)'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def circ(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Circ`: ``Circ(alpha)(x)``."""
    return Circ(alpha)(x)


class Tanh(Surrogate):
    """Hyperbolic-tangent surrogate: g = (α/2)·sech²(αx), G = (1 + tanh(αx))/2 = σ(2αx).

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*sech(alpha*x)**2/2

    the derivative of the soft step

        G(x) = tanh(alpha*x)/2 + 1/2

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import Tanh
        >>> Tanh()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_tanh'
    _catalog_name = 'Tanh'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def tanh(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Tanh`: ``Tanh(alpha)(x)``."""
    return Tanh(alpha)(x)


class Rect(Surrogate):
    """Rectangular (boxcar) surrogate: g = α on |x| < 1/(2α), 0 outside.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha, Abs(x) < 1/(2*alpha)), (0, True))

    the derivative of the soft step

        G(x) = Piecewise((0, x <= -1/(2*alpha)), (1, x >= 1/(2*alpha)), (alpha*x + 1/2, True))

    Args:
        alpha: float or array, positive, default 1.0. height; the window is |x| < 1/(2*alpha),
            so the area is 1.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import Rect
        >>> Rect()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_rect'
    _catalog_name = 'Rect'
    _params = (Param('alpha', 1.0, 'positive', False, 'height; the window is |x| < 1/(2*alpha), so the area is 1'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def rect(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Rect`: ``Rect(alpha)(x)``."""
    return Rect(alpha)(x)


class StraightThrough(Surrogate):
    """Straight-through estimator: g = 1 everywhere.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = 1

    the derivative of the soft step

        G(x) = x

    Args:
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Bengio, Léonard & Courville 2013, Estimating or propagating gradients through stochastic
            neurons for conditional computation, arXiv:1308.3432

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import StraightThrough
        >>> StraightThrough()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_straightthrough'
    _catalog_name = 'StraightThrough'
    _params = ()
    _repr_order = None

    def __init__(self, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(autodiff=autodiff, param_grad=param_grad)


def straight_through(x: jax.Array) -> jax.Array:
    """Spike function of :class:`StraightThrough`: ``StraightThrough()(x)``."""
    return StraightThrough()(x)


class FakeNumericalGradient(Surrogate):
    """Fake numerical gradient: g = min(1/|x|, α), the slope of the secant from the origin to the
        step.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha, Abs(x) <= 1/alpha), (1/Abs(x), True))

    the derivative of the soft step

        G(x) = Piecewise((-log(-alpha*x) - 1, x < -1/alpha), (log(alpha*x) + 1, x > 1/alpha),
            (alpha*x, True))

    Args:
        alpha: float or array, positive, default 0.3. cap of the gradient near 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        SpikingJelly FakeNumericalGradient (no paper)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import FakeNumericalGradient
        >>> FakeNumericalGradient()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_fakenumericalgradient'
    _catalog_name = 'FakeNumericalGradient'
    _params = (Param('alpha', 0.3, 'positive', False, 'cap of the gradient near 0'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def fake_numerical_gradient(x: jax.Array, alpha: float | jax.Array = 0.3) -> jax.Array:
    """Spike function of :class:`FakeNumericalGradient`: ``FakeNumericalGradient(alpha)(x)``."""
    return FakeNumericalGradient(alpha)(x)


class SparseFastSigmoid(Surrogate):
    """Sparse fast sigmoid: g = 1/(α|x| + 1)² for x > bound, 0 elsewhere.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise(((alpha*Abs(x) + 1)**(-2), bound < x), (0, True))

    the derivative of the soft step

        G(x) = Piecewise((0, bound >= x), (-bound/(alpha*Abs(bound) + 1) + x/(alpha*Abs(x) + 1),
            True))

    Args:
        alpha: float or array, positive, default 25.0. slope, as in InvSquareGrad (snnTorch's
            slope).
        bound: float or array, real, default 1.0. the gradient is zero for x <= bound
            (snnTorch's B).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Perez-Nieves & Goodman 2021, Sparse spiking gradient descent, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import SparseFastSigmoid
        >>> SparseFastSigmoid()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_sparsefastsigmoid'
    _catalog_name = 'SparseFastSigmoid'
    _params = (Param('alpha', 25.0, 'positive', False, "slope, as in InvSquareGrad (snnTorch's slope)"), Param('bound', 1.0, 'real', False, "the gradient is zero for x <= bound (snnTorch's B)"),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 25.0, bound: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, bound, autodiff=autodiff, param_grad=param_grad)


def sparse_fast_sigmoid(x: jax.Array, alpha: float | jax.Array = 25.0, bound: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`SparseFastSigmoid`: ``SparseFastSigmoid(alpha, bound)(x)``."""
    return SparseFastSigmoid(alpha, bound)(x)


class SpikeRateEscape(Surrogate):
    """Spike-rate escape: g = slope·e^{−β|x − 1|}, a Laplace bump centred at x = 1.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = slope*exp(-beta*Abs(x - 1))

    the derivative of the soft step

        G(x) = Piecewise((slope*exp(beta*(x - 1))/beta, x < 1), (2*slope/beta -
            slope*exp(-beta*(x - 1))/beta, True))

    Args:
        beta: float or array, positive, default 1.0. decay rate of the escape rate away from x =
            1.
        slope: float or array, positive, default 25.0. height of the peak at x = 1.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Gerstner, Kistler, Naud & Paninski 2014, Neuronal Dynamics, Cambridge University Press
            (escape noise)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import SpikeRateEscape
        >>> SpikeRateEscape()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikerateescape'
    _catalog_name = 'SpikeRateEscape'
    _params = (Param('beta', 1.0, 'positive', False, 'decay rate of the escape rate away from x = 1'), Param('slope', 25.0, 'positive', False, 'height of the peak at x = 1'),)
    _repr_order = None

    def __init__(self, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(beta, slope, autodiff=autodiff, param_grad=param_grad)


def spike_rate_escape(x: jax.Array, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0) -> jax.Array:
    """Spike function of :class:`SpikeRateEscape`: ``SpikeRateEscape(beta, slope)(x)``."""
    return SpikeRateEscape(beta, slope)(x)


class StepWindow(Surrogate):
    """One-sided window: g = height for x ≥ −window, 0 below.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((0, window < -x), (height, True))

    the derivative of the soft step

        G(x) = Piecewise((0, window < -x), (height*(window + x), True))

    Args:
        window: float or array, positive, default 1.0. how far below the threshold the gradient
            starts.
        height: float or array, positive, default 1.0. gradient value inside the window (sinabs:
            1/threshold).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        sinabs Heaviside surrogate; rockpool StepPWL (no paper)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import StepWindow
        >>> StepWindow()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_stepwindow'
    _catalog_name = 'StepWindow'
    _params = (Param('window', 1.0, 'positive', False, 'how far below the threshold the gradient starts'), Param('height', 1.0, 'positive', False, 'gradient value inside the window (sinabs: 1/threshold)'),)
    _repr_order = None

    def __init__(self, window: float | jax.Array = 1.0, height: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(window, height, autodiff=autodiff, param_grad=param_grad)


def step_window(x: jax.Array, window: float | jax.Array = 1.0, height: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`StepWindow`: ``StepWindow(window, height)(x)``."""
    return StepWindow(window, height)(x)
