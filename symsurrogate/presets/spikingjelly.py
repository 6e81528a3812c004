"""Generated from catalog/presets/spikingjelly.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'Sigmoid',
    'sigmoid_spike',
    'ATan',
    'atan_spike',
    'SoftSign',
    'soft_sign_spike',
    'SuperSpike',
    'super_spike_spike',
    'Erf',
    'erf_spike',
    'PiecewiseQuadratic',
    'piecewise_quadratic_spike',
    'PiecewiseExp',
    'piecewise_exp_spike',
    'PiecewiseLeakyReLU',
    'piecewise_leaky_relu_spike',
    'QPseudoSpike',
    'q_pseudo_spike_spike',
    'LeakyKReLU',
    'leaky_k_relu_spike',
    'NonzeroSignLogAbs',
    'nonzero_sign_log_abs_spike',
    'LogTailedReLU',
    'log_tailed_relu_spike',
    'S2NN',
    's2nn_spike',
    'FakeNumericalGradient',
    'fake_numerical_gradient_spike',
    'Rect',
    'rect_spike',
    'DeterministicPass',
    'deterministic_pass_spike',
    'SquarewaveFourierSeries',
    'squarewave_fourier_series_spike',
]


class Sigmoid(Surrogate):
    """SpikingJelly Sigmoid: α·σ(αx)(1−σ(αx)), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*(1 - 1/(1 + exp(-alpha*x)))/(1 + exp(-alpha*x))

    the derivative of the soft step

        G(x) = 1/(1 + exp(-alpha*x))

    Args:
        alpha: float or array, positive, default 4.0. steepness; the peak is alpha/4.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import Sigmoid
        >>> Sigmoid()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__sigmoid'
    _catalog_name = 'spikingjelly.Sigmoid'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness; the peak is alpha/4'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 4.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def sigmoid_spike(x: jax.Array, alpha: float | jax.Array = 4.0) -> jax.Array:
    """Spike function of :class:`Sigmoid`: ``Sigmoid(alpha)(x)``."""
    return Sigmoid(alpha)(x)


class ATan(Surrogate):
    """SpikingJelly ATan: (α/2)/(1+(παx/2)²), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

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
        >>> from symsurrogate.presets.spikingjelly import ATan
        >>> ATan()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__atan'
    _catalog_name = 'spikingjelly.ATan'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def atan_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`ATan`: ``ATan(alpha)(x)``."""
    return ATan(alpha)(x)


class SoftSign(Surrogate):
    """SpikingJelly SoftSign: α/(2(1+α|x|)²), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha/(2*(alpha*Abs(x) + 1)**2)

    the derivative of the soft step

        G(x) = alpha*x/(2*(alpha*Abs(x) + 1)) + 1/2

    Args:
        alpha: float or array, positive, default 2.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import SoftSign
        >>> SoftSign()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__softsign'
    _catalog_name = 'spikingjelly.SoftSign'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def soft_sign_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`SoftSign`: ``SoftSign(alpha)(x)``."""
    return SoftSign(alpha)(x)


class SuperSpike(Surrogate):
    """SpikingJelly SuperSpike: α/(|x|+1)², where α is the height only, spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha/(Abs(x) + 1)**2

    the derivative of the soft step

        G(x) = Piecewise((-alpha/(x - 1), x < 0), (2*alpha - alpha/(x + 1), True))

    Args:
        alpha: float or array, positive, default 1.0. height (not steepness) of the gradient.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import SuperSpike
        >>> SuperSpike()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__superspike'
    _catalog_name = 'spikingjelly.SuperSpike'
    _params = (Param('alpha', 1.0, 'positive', False, 'height (not steepness) of the gradient'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def super_spike_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`SuperSpike`: ``SuperSpike(alpha)(x)``."""
    return SuperSpike(alpha)(x)


class Erf(Surrogate):
    """SpikingJelly Erf: (α/√π)·e^(−α²x²), the gradient of ½erfc(−αx), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*exp(-alpha**2*x**2)/sqrt(pi)

    the derivative of the soft step

        G(x) = 1 - erfc(alpha*x)/2

    Args:
        alpha: float or array, positive, default 2.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2015, Backpropagation for energy-efficient neuromorphic computing, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import Erf
        >>> Erf()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__erf'
    _catalog_name = 'spikingjelly.Erf'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def erf_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`Erf`: ``Erf(alpha)(x)``."""
    return Erf(alpha)(x)


class PiecewiseQuadratic(Surrogate):
    """SpikingJelly PiecewiseQuadratic: the triangle α−α²|x| on |x| <= 1/α, spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((0, Abs(x) > 1/alpha), (-alpha**2*Abs(x) + alpha, True))

    the derivative of the soft step

        G(x) = Piecewise((0, x < -1/alpha), (1, x > 1/alpha), (-alpha**2*x*Abs(x)/2 + alpha*x +
            1/2, True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import PiecewiseQuadratic
        >>> PiecewiseQuadratic()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__piecewisequadratic'
    _catalog_name = 'spikingjelly.PiecewiseQuadratic'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def piecewise_quadratic_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`PiecewiseQuadratic`: ``PiecewiseQuadratic(alpha)(x)``."""
    return PiecewiseQuadratic(alpha)(x)


class PiecewiseExp(Surrogate):
    """SpikingJelly PiecewiseExp: (α/2)·e^(−α|x|), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*exp(-alpha*Abs(x))/2

    the derivative of the soft step

        G(x) = Piecewise((exp(alpha*x)/2, x < 0), (1 - exp(-alpha*x)/2, True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Shrestha & Orchard 2018, SLAYER: spike layer error reassignment in time, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import PiecewiseExp
        >>> PiecewiseExp()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__piecewiseexp'
    _catalog_name = 'spikingjelly.PiecewiseExp'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def piecewise_exp_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`PiecewiseExp`: ``PiecewiseExp(alpha)(x)``."""
    return PiecewiseExp(alpha)(x)


class PiecewiseLeakyReLU(Surrogate):
    """SpikingJelly PiecewiseLeakyReLU: 1/(2w) where |x| < w, c elsewhere (c at |x| = w), spike at
        x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((1/(2*w), w > Abs(x)), (c, True))

    the derivative of the soft step

        G(x) = Piecewise((c*w + c*x, w < -x), (-c*w + c*x + 1, w < x), (1/2 + x/(2*w), True))

    Args:
        w: float or array, positive, default 1.0. half-width of the window.
        c: float or array, real, default 0.01. gradient outside the window.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import PiecewiseLeakyReLU
        >>> PiecewiseLeakyReLU()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__piecewiseleakyrelu'
    _catalog_name = 'spikingjelly.PiecewiseLeakyReLU'
    _params = (Param('w', 1.0, 'positive', False, 'half-width of the window'), Param('c', 0.01, 'real', False, 'gradient outside the window'),)
    _repr_order = None

    def __init__(self, w: float | jax.Array = 1.0, c: float | jax.Array = 0.01, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(w, c, autodiff=autodiff, param_grad=param_grad)


def piecewise_leaky_relu_spike(x: jax.Array, w: float | jax.Array = 1.0, c: float | jax.Array = 0.01) -> jax.Array:
    """Spike function of :class:`PiecewiseLeakyReLU`: ``PiecewiseLeakyReLU(w, c)(x)``."""
    return PiecewiseLeakyReLU(w, c)(x)


class QPseudoSpike(Surrogate):
    """SpikingJelly QPseudoSpike: (1+2|x|/(α−1))^(−α), the paper's q-PseudoSpike with q = α > 1,
        spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = (1 + 2*Abs(x)/(alpha - 1))**(-alpha)

    the derivative of the soft step

        G(x) = Piecewise(((-2*x/(alpha - 1) + 1)**(1 - alpha)/2, x < 0), (1 - (2*x/(alpha - 1) +
            1)**(1 - alpha)/2, True))

    Args:
        alpha: float or array, positive, default 2.0. tail fatness q; must be > 1.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Herranz-Celotti & Rouat 2022, Surrogate gradients design, arXiv:2202.00282

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import QPseudoSpike
        >>> QPseudoSpike()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__qpseudospike'
    _catalog_name = 'spikingjelly.QPseudoSpike'
    _params = (Param('alpha', 2.0, 'positive', False, 'tail fatness q; must be > 1'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def q_pseudo_spike_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`QPseudoSpike`: ``QPseudoSpike(alpha)(x)``."""
    return QPseudoSpike(alpha)(x)


class LeakyKReLU(Surrogate):
    """SpikingJelly LeakyKReLU: leak below 0, k from 0 up, spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((leak, x < 0), (k, True))

    the derivative of the soft step

        G(x) = Piecewise((leak*x, x < 0), (k*x, True))

    Args:
        leak: float or array, real, default 0.0. gradient where x < 0.
        k: float or array, real, default 1.0. gradient where x >= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import LeakyKReLU
        >>> LeakyKReLU()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__leakykrelu'
    _catalog_name = 'spikingjelly.LeakyKReLU'
    _params = (Param('leak', 0.0, 'real', False, 'gradient where x < 0'), Param('k', 1.0, 'real', False, 'gradient where x >= 0'),)
    _repr_order = None

    def __init__(self, leak: float | jax.Array = 0.0, k: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(leak, k, autodiff=autodiff, param_grad=param_grad)


def leaky_k_relu_spike(x: jax.Array, leak: float | jax.Array = 0.0, k: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`LeakyKReLU`: ``LeakyKReLU(leak, k)(x)``."""
    return LeakyKReLU(leak, k)(x)


class NonzeroSignLogAbs(Surrogate):
    """SpikingJelly NonzeroSignLogAbs: 1/(1/α+|x|), whose primitive is not a soft step, spike at x
        >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = 1/(Abs(x) + 1/alpha)

    the derivative of the soft step

        G(x) = Piecewise((-log(-alpha*x + 1), x < 0), (log(alpha*x + 1), True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import NonzeroSignLogAbs
        >>> NonzeroSignLogAbs()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__nonzerosignlogabs'
    _catalog_name = 'spikingjelly.NonzeroSignLogAbs'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def nonzero_sign_log_abs_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`NonzeroSignLogAbs`: ``NonzeroSignLogAbs(alpha)(x)``."""
    return NonzeroSignLogAbs(alpha)(x)


class LogTailedReLU(Surrogate):
    """SpikingJelly LogTailedReLU: α for x <= 0, 1 on (0, 1], 1/x beyond, spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha, x <= 0), (1, x <= 1), (1/x, True))

    the derivative of the soft step

        G(x) = Piecewise((alpha*x, x <= 0), (x, x <= 1), (log(x) + 1, True))

    Args:
        alpha: float or array, real, default 0.0. gradient where x <= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Cai et al. 2017, Deep learning with low precision by half-wave Gaussian quantization,
            CVPR

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import LogTailedReLU
        >>> LogTailedReLU()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__logtailedrelu'
    _catalog_name = 'spikingjelly.LogTailedReLU'
    _params = (Param('alpha', 0.0, 'real', False, 'gradient where x <= 0'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def log_tailed_relu_spike(x: jax.Array, alpha: float | jax.Array = 0.0) -> jax.Array:
    """Spike function of :class:`LogTailedReLU`: ``LogTailedReLU(alpha)(x)``."""
    return LogTailedReLU(alpha)(x)


class S2NN(Surrogate):
    """SpikingJelly S2NN: the sigmoid derivative below 0 and β/(x+1) from 0 up, spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha*(1 - 1/(1 + exp(-alpha*x)))/(1 + exp(-alpha*x)), x < 0),
            (beta/(x + 1), True))

    the derivative of the soft step

        G(x) = Piecewise((1/(1 + exp(-alpha*x)), x < 0), (beta*log(x + 1) + 1/2, True))

    Args:
        alpha: float or array, positive, default 4.0. steepness of the left (sigmoid) side.
        beta: float or array, positive, default 1.0. scale of the right (1/(x+1)) side.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Suetake et al. 2023, S2NN: time step reduction of spiking surrogate gradients for
            training energy efficient single-step spiking neural networks, Neural Networks

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import S2NN
        >>> S2NN()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__s2nn'
    _catalog_name = 'spikingjelly.S2NN'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness of the left (sigmoid) side'), Param('beta', 1.0, 'positive', False, 'scale of the right (1/(x+1)) side'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, beta, autodiff=autodiff, param_grad=param_grad)


def s2nn_spike(x: jax.Array, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`S2NN`: ``S2NN(alpha, beta)(x)``."""
    return S2NN(alpha, beta)(x)


class FakeNumericalGradient(Surrogate):
    """SpikingJelly FakeNumericalGradient: min(1/|x|, α), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha, Abs(x) <= 1/alpha), (1/Abs(x), True))

    the derivative of the soft step

        G(x) = Piecewise((log(-1/alpha) - log(x) - 1, x <= -1/alpha), (alpha*x, (x <= 0) | (x <=
            1/alpha)), (-log(1/alpha) + log(x) + 1, True))

    Args:
        alpha: float or array, positive, default 0.3. cap of the gradient.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import FakeNumericalGradient
        >>> FakeNumericalGradient()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__fakenumericalgradient'
    _catalog_name = 'spikingjelly.FakeNumericalGradient'
    _params = (Param('alpha', 0.3, 'positive', False, 'cap of the gradient'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def fake_numerical_gradient_spike(x: jax.Array, alpha: float | jax.Array = 0.3) -> jax.Array:
    """Spike function of :class:`FakeNumericalGradient`: ``FakeNumericalGradient(alpha)(x)``."""
    return FakeNumericalGradient(alpha)(x)


class Rect(Surrogate):
    """SpikingJelly Rect: α where |x| < 1/(2α), else 0 (the gradient of clip(αx+½, 0, 1)), spike at
        x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha, Abs(x) < 1/(2*alpha)), (0, True))

    the derivative of the soft step

        G(x) = Piecewise((0, x <= -1/(2*alpha)), (1, x >= 1/(2*alpha)), (alpha*x + 1/2, True))

    Args:
        alpha: float or array, positive, default 1.0. height; the window is 1/alpha wide.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import Rect
        >>> Rect()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__rect'
    _catalog_name = 'spikingjelly.Rect'
    _params = (Param('alpha', 1.0, 'positive', False, 'height; the window is 1/alpha wide'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def rect_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Rect`: ``Rect(alpha)(x)``."""
    return Rect(alpha)(x)


class DeterministicPass(Surrogate):
    """SpikingJelly DeterministicPass: the gradient passes unchanged (g = 1), spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = 1

    the derivative of the soft step

        G(x) = x

    Args:
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import DeterministicPass
        >>> DeterministicPass()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__deterministicpass'
    _catalog_name = 'spikingjelly.DeterministicPass'
    _params = ()
    _repr_order = None

    def __init__(self, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(autodiff=autodiff, param_grad=param_grad)


def deterministic_pass_spike(x: jax.Array) -> jax.Array:
    """Spike function of :class:`DeterministicPass`: ``DeterministicPass()(x)``."""
    return DeterministicPass()(x)


class SquarewaveFourierSeries(Surrogate):
    """SpikingJelly SquarewaveFourierSeries: (4/T)·Σ_{i=1}^{n−1} cos((2i−1)2πx/T) (n−1 terms),
        spike at x >= 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = 4*Sum(cos(pi*x*(4*i - 2)/T_period), (i, 1, n - 1))/T_period

    the derivative of the soft step

        G(x) = 2*Sum(sin(pi*x*(4*i - 2)/T_period)/(2*i - 1), (i, 1, n - 1))/pi + 1/2

    Args:
        n: static int, positive_integer, default 2. one more than the number of Fourier terms.
        T_period: float or array, positive, default 8.0. period T of the square wave.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import SquarewaveFourierSeries
        >>> SquarewaveFourierSeries()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__squarewavefourierseries'
    _catalog_name = 'spikingjelly.SquarewaveFourierSeries'
    _params = (Param('n', 2, 'positive_integer', True, 'one more than the number of Fourier terms'), Param('T_period', 8.0, 'positive', False, 'period T of the square wave'),)
    _repr_order = None

    def __init__(self, n: int = 2, T_period: float | jax.Array = 8.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(n, T_period, autodiff=autodiff, param_grad=param_grad)


def squarewave_fourier_series_spike(x: jax.Array, n: int = 2, T_period: float | jax.Array = 8.0) -> jax.Array:
    """Spike function of :class:`SquarewaveFourierSeries`: ``SquarewaveFourierSeries(n, T_period)(x)``."""
    return SquarewaveFourierSeries(n, T_period)(x)
