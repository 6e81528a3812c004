"""Generated from catalog/braintools.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'Sigmoid',
    'sigmoid',
    'PiecewiseQuadratic',
    'piecewise_quadratic',
    'PiecewiseExp',
    'piecewise_exp',
    'SoftSign',
    'soft_sign',
    'Arctan',
    'arctan',
    'NonzeroSignLog',
    'nonzero_sign_log',
    'ERF',
    'erf',
    'PiecewiseLeakyRelu',
    'piecewise_leaky_relu',
    'SquarewaveFourierSeries',
    'squarewave_fourier_series',
    'S2NN',
    's2nn',
    'QPseudoSpike',
    'q_pseudo_spike',
    'LeakyRelu',
    'leaky_relu',
    'LogTailedRelu',
    'log_tailed_relu',
    'ReluGrad',
    'relu_grad',
    'GaussianGrad',
    'gaussian_grad',
    'MultiGaussianGrad',
    'multi_gaussian_grad',
    'InvSquareGrad',
    'inv_square_grad',
    'SlayerGrad',
    'slayer_grad',
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


class PiecewiseQuadratic(Surrogate):
    """Triangle-topped quadratic: g = α − α²|x| on |x| ≤ 1/α, zero outside.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((0, Abs(x) > 1/alpha), (-alpha**2*Abs(x) + alpha, True))

    the derivative of the soft step

        G(x) = Piecewise((0, x < -1/alpha), (1, x > 1/alpha), (-alpha**2*x*Abs(x)/2 + alpha*x +
            1/2, True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; support |x| <= 1/alpha, peak
            alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12
        Bellec et al. 2018, Long short-term memory and learning-to-learn in networks of spiking
            neurons, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import PiecewiseQuadratic
        >>> PiecewiseQuadratic()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_piecewisequadratic'
    _catalog_name = 'PiecewiseQuadratic'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; support |x| <= 1/alpha, peak alpha'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def piecewise_quadratic(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`PiecewiseQuadratic`: ``PiecewiseQuadratic(alpha)(x)``."""
    return PiecewiseQuadratic(alpha)(x)


class PiecewiseExp(Surrogate):
    """Laplace (two-sided exponential) surrogate: g = (α/2)·e^{−α|x|}.

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
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import PiecewiseExp
        >>> PiecewiseExp()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_piecewiseexp'
    _catalog_name = 'PiecewiseExp'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def piecewise_exp(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`PiecewiseExp`: ``PiecewiseExp(alpha)(x)``."""
    return PiecewiseExp(alpha)(x)


class SoftSign(Surrogate):
    """Soft-sign surrogate: g = α/(2(1+α|x|)²), a power-law tail ~ |x|^−2.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha/(2*(alpha*Abs(x) + 1)**2)

    the derivative of the soft step

        G(x) = Piecewise((1/(2*alpha*Abs(x) + 2), x < 0), (1 - 1/(2*alpha*x + 2), True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import SoftSign
        >>> SoftSign()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_softsign'
    _catalog_name = 'SoftSign'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def soft_sign(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`SoftSign`: ``SoftSign(alpha)(x)``."""
    return SoftSign(alpha)(x)


class Arctan(Surrogate):
    """Arctangent surrogate: g = (α/2)/(1+(παx/2)²), a Cauchy (Lorentzian) density.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha/(2*(pi**2*alpha**2*x**2/4 + 1))

    the derivative of the soft step

        G(x) = Piecewise((atan(2/(pi*alpha*Abs(x)))/pi, x < 0), (atan(pi*alpha*x/2)/pi + 1/2,
            True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Fang et al. 2021, Incorporating learnable membrane time constant to enhance learning of
            spiking neural networks, ICCV

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import Arctan
        >>> Arctan()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_arctan'
    _catalog_name = 'Arctan'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def arctan(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`Arctan`: ``Arctan(alpha)(x)``."""
    return Arctan(alpha)(x)


class NonzeroSignLog(Surrogate):
    """Sign-log surrogate: g = 1/(1/α + |x|); G = sign(x)·log(1+α|x|) is not a soft step.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = 1/(Abs(x) + 1/alpha)

    the derivative of the soft step

        G(x) = Piecewise((-log(-alpha*x + 1), x < 0), (log(alpha*x + 1), True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        SpikingJelly NonzeroSignLogAbs (no paper)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import NonzeroSignLog
        >>> NonzeroSignLog()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_nonzerosignlog'
    _catalog_name = 'NonzeroSignLog'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def nonzero_sign_log(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`NonzeroSignLog`: ``NonzeroSignLog(alpha)(x)``."""
    return NonzeroSignLog(alpha)(x)


class ERF(Surrogate):
    """Gaussian surrogate: g = (α/√π)·e^{−α²x²}, G = ½·erfc(−αx).

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = alpha*exp(-alpha**2*x**2)/sqrt(pi)

    the derivative of the soft step

        G(x) = Piecewise((erfc(alpha*Abs(x))/2, x < 0), (1 - erfc(alpha*x)/2, True))

    Args:
        alpha: float or array, positive, default 1.0. steepness; the peak is alpha/sqrt(pi).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Esser et al. 2015, Backpropagation for energy-efficient neuromorphic computing, NeurIPS
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import ERF
        >>> ERF()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_erf'
    _catalog_name = 'ERF'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/sqrt(pi)'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def erf(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`ERF`: ``ERF(alpha)(x)``."""
    return ERF(alpha)(x)


class PiecewiseLeakyRelu(Surrogate):
    """Boxcar with leaky sides: g = 1/(2w) on |x| ≤ w, c outside.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((c, w < Abs(x)), (1/(2*w), True))

    the derivative of the soft step

        G(x) = Piecewise((c*w + c*x, w < -x), (-c*w + c*x + 1, w < x), (1/2 + x/(2*w), True))

    Args:
        c: float or array, nonnegative, default 0.01. slope outside the window.
        w: float or array, positive, default 1.0. half width of the window; inside it g =
            1/(2w).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12
        Yin et al. 2017, Algorithm and hardware design of discrete-time spiking neural networks
            based on back propagation with binary activations, IEEE BioCAS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import PiecewiseLeakyRelu
        >>> PiecewiseLeakyRelu()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_piecewiseleakyrelu'
    _catalog_name = 'PiecewiseLeakyRelu'
    _params = (Param('c', 0.01, 'nonnegative', False, 'slope outside the window'), Param('w', 1.0, 'positive', False, 'half width of the window; inside it g = 1/(2w)'),)
    _repr_order = None

    def __init__(self, c: float | jax.Array = 0.01, w: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(c, w, autodiff=autodiff, param_grad=param_grad)


def piecewise_leaky_relu(x: jax.Array, c: float | jax.Array = 0.01, w: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`PiecewiseLeakyRelu`: ``PiecewiseLeakyRelu(c, w)(x)``."""
    return PiecewiseLeakyRelu(c, w)(x)


class SquarewaveFourierSeries(Surrogate):
    """Fourier-series square wave: G is the first n odd harmonics of a square wave of period T.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = 4*Sum(cos(pi*x*(4*i - 2)/t_period), (i, 1, n))/t_period

    the derivative of the soft step

        G(x) = 2*Sum(sin(pi*x*(4*i - 2)/t_period)/(2*i - 1), (i, 1, n))/pi + 1/2

    Args:
        n: static int, positive_integer, default 2. number of odd harmonics (static).
        t_period: float or array, positive, default 8.0. period T of the square wave.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        braintools SquarewaveFourierSeries; SpikingJelly SquarewaveFourierSeries (sums n − 1
            terms)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import SquarewaveFourierSeries
        >>> SquarewaveFourierSeries()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_squarewavefourierseries'
    _catalog_name = 'SquarewaveFourierSeries'
    _params = (Param('n', 2, 'positive_integer', True, 'number of odd harmonics (static)'), Param('t_period', 8.0, 'positive', False, 'period T of the square wave'),)
    _repr_order = None

    def __init__(self, n: int = 2, t_period: float | jax.Array = 8.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(n, t_period, autodiff=autodiff, param_grad=param_grad)


def squarewave_fourier_series(x: jax.Array, n: int = 2, t_period: float | jax.Array = 8.0) -> jax.Array:
    """Spike function of :class:`SquarewaveFourierSeries`: ``SquarewaveFourierSeries(n, t_period)(x)``."""
    return SquarewaveFourierSeries(n, t_period)(x)


class S2NN(Surrogate):
    """S2NN: logistic gradient for x < 0, β/(x+1) for x ≥ 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha*(1 - 1/(1 + exp(-alpha*x)))/(1 + exp(-alpha*x)), x < 0),
            (beta/(x + 1), True))

    the derivative of the soft step

        G(x) = Piecewise((1/(1 + exp(-alpha*x)), x < 0), (beta*log(epsilon + Abs(x + 1)) + 1/2,
            True))

    Args:
        alpha: float or array, positive, default 4.0. steepness of the logistic left side.
        beta: float or array, positive, default 1.0. height of the 1/(x+1) right side.
        epsilon: float or array, nonnegative, default 1e-08. offset inside the logarithm of G (G
            only).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Suetake et al. 2023, S2NN: time step reduction of spiking surrogate gradients for
            training energy efficient single-step spiking neural networks, Neural Networks 159

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import S2NN
        >>> S2NN()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_s2nn'
    _catalog_name = 'S2NN'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness of the logistic left side'), Param('beta', 1.0, 'positive', False, 'height of the 1/(x+1) right side'), Param('epsilon', 1e-08, 'nonnegative', False, 'offset inside the logarithm of G (G only)'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0, epsilon: float | jax.Array = 1e-08, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, beta, epsilon, autodiff=autodiff, param_grad=param_grad)


def s2nn(x: jax.Array, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0, epsilon: float | jax.Array = 1e-08) -> jax.Array:
    """Spike function of :class:`S2NN`: ``S2NN(alpha, beta, epsilon)(x)``."""
    return S2NN(alpha, beta, epsilon)(x)


class QPseudoSpike(Surrogate):
    """q-PseudoSpike: g = (1 + 2|x|/(α+1))^−α, a tunable power-law tail.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = (1 + 2*Abs(x)/(alpha + 1))**(-alpha)

    the derivative of the soft step

        G(x) = Piecewise((-(alpha/2 + 1/2)*log(-2*x/(alpha + 1) + 1) + 1/2, (alpha >= 1) &
            (alpha <= 1) & (x < 0)), ((alpha/2 + 1/2)*log(2*x/(alpha + 1) + 1) + 1/2, (alpha >=
            1) & (alpha <= 1)), (1/2 - (alpha + 1)*((-2*x/(alpha + 1) + 1)**(1 - alpha) - 1)/(2
            - 2*alpha), x < 0), (1/2 + (alpha + 1)*((2*x/(alpha + 1) + 1)**(1 - alpha) - 1)/(2 -
            2*alpha), True))

    Args:
        alpha: float or array, positive, default 2.0. tail exponent; braintools scales |x| by
            2/(alpha+1) (the paper and SpikingJelly by 2/(alpha-1)).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Herranz-Celotti & Rouat 2022, Surrogate gradients design, arXiv:2202.00282

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import QPseudoSpike
        >>> QPseudoSpike()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_qpseudospike'
    _catalog_name = 'QPseudoSpike'
    _params = (Param('alpha', 2.0, 'positive', False, 'tail exponent; braintools scales |x| by 2/(alpha+1) (the paper and SpikingJelly by 2/(alpha-1))'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def q_pseudo_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """Spike function of :class:`QPseudoSpike`: ``QPseudoSpike(alpha)(x)``."""
    return QPseudoSpike(alpha)(x)


class LeakyRelu(Surrogate):
    """Leaky ReLU gradient: g = α for x < 0, β for x ≥ 0.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((alpha, x < 0), (beta, True))

    the derivative of the soft step

        G(x) = Piecewise((alpha*x, x < 0), (beta*x, True))

    Args:
        alpha: float or array, nonnegative, default 0.1. gradient for x < 0.
        beta: float or array, nonnegative, default 1.0. gradient for x >= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        braintools LeakyRelu; SpikingJelly LeakyKReLU

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import LeakyRelu
        >>> LeakyRelu()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_leakyrelu'
    _catalog_name = 'LeakyRelu'
    _params = (Param('alpha', 0.1, 'nonnegative', False, 'gradient for x < 0'), Param('beta', 1.0, 'nonnegative', False, 'gradient for x >= 0'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.1, beta: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, beta, autodiff=autodiff, param_grad=param_grad)


def leaky_relu(x: jax.Array, alpha: float | jax.Array = 0.1, beta: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`LeakyRelu`: ``LeakyRelu(alpha, beta)(x)``."""
    return LeakyRelu(alpha, beta)(x)


class LogTailedRelu(Surrogate):
    """Log-tailed ReLU gradient: α for x ≤ 0, 1 on (0, 1], 1/x beyond.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Piecewise((1/x, x > 1), (1, x > 0), (alpha, True))

    the derivative of the soft step

        G(x) = Piecewise((log(x) + 1, x > 1), (x, x > 0), (alpha*x, True))

    Args:
        alpha: float or array, nonnegative, default 0.0. gradient for x <= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Cai et al. 2017, Deep learning with low precision by half-wave Gaussian quantization,
            CVPR

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import LogTailedRelu
        >>> LogTailedRelu()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_logtailedrelu'
    _catalog_name = 'LogTailedRelu'
    _params = (Param('alpha', 0.0, 'nonnegative', False, 'gradient for x <= 0'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def log_tailed_relu(x: jax.Array, alpha: float | jax.Array = 0.0) -> jax.Array:
    """Spike function of :class:`LogTailedRelu`: ``LogTailedRelu(alpha)(x)``."""
    return LogTailedRelu(alpha)(x)


class ReluGrad(Surrogate):
    """Triangle surrogate: g = max(α·width − α|x|, 0).

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = Max(0, alpha*width - alpha*Abs(x))

    the derivative of the soft step

        G(x) = Piecewise((0, width <= -x), (alpha*width**2/2 + alpha*width*x + alpha*x**2/2, x <
            0), (alpha*width**2/2 + alpha*width*x - alpha*x**2/2, width >= x), (alpha*width**2,
            True))

    Args:
        alpha: float or array, positive, default 0.3. slope of the sides; the peak is
            alpha*width.
        width: float or array, positive, default 1.0. half width of the support.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)
        Bellec et al. 2018, Long short-term memory and learning-to-learn in networks of spiking
            neurons, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import ReluGrad
        >>> ReluGrad()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_relugrad'
    _catalog_name = 'ReluGrad'
    _params = (Param('alpha', 0.3, 'positive', False, 'slope of the sides; the peak is alpha*width'), Param('width', 1.0, 'positive', False, 'half width of the support'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 0.3, width: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, width, autodiff=autodiff, param_grad=param_grad)


def relu_grad(x: jax.Array, alpha: float | jax.Array = 0.3, width: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`ReluGrad`: ``ReluGrad(alpha, width)(x)``."""
    return ReluGrad(alpha, width)(x)


class GaussianGrad(Surrogate):
    """Gaussian surrogate: g = α·N(x; 0, σ), a normal density scaled by α.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = sqrt(2)*alpha*exp(-x**2/(2*sigma**2))/(2*sqrt(pi)*sigma)

    the derivative of the soft step

        G(x) = alpha*erf(sqrt(2)*x/(2*sigma))/2 + alpha/2

    Args:
        sigma: float or array, positive, default 0.5. standard deviation.
        alpha: float or array, positive, default 0.5. scale; the integral of g is alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Yin, Corradi & Bohté 2021, Accurate and efficient time-domain classification with
            adaptive spiking recurrent neural networks, Nature Machine Intelligence 3

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import GaussianGrad
        >>> GaussianGrad()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_gaussiangrad'
    _catalog_name = 'GaussianGrad'
    _params = (Param('sigma', 0.5, 'positive', False, 'standard deviation'), Param('alpha', 0.5, 'positive', False, 'scale; the integral of g is alpha'),)
    _repr_order = ('alpha', 'sigma')

    def __init__(self, sigma: float | jax.Array = 0.5, alpha: float | jax.Array = 0.5, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(sigma, alpha, autodiff=autodiff, param_grad=param_grad)


def gaussian_grad(x: jax.Array, sigma: float | jax.Array = 0.5, alpha: float | jax.Array = 0.5) -> jax.Array:
    """Spike function of :class:`GaussianGrad`: ``GaussianGrad(sigma, alpha)(x)``."""
    return GaussianGrad(sigma, alpha)(x)


class MultiGaussianGrad(Surrogate):
    """Multi-Gaussian surrogate: a central Gaussian minus two wide negative side lobes.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = scale*(-sqrt(2)*h*exp(-(sigma + x)**2/(2*s**2*sigma**2))/(2*sqrt(pi)*s*sigma) -
            sqrt(2)*h*exp(-(-sigma + x)**2/(2*s**2*sigma**2))/(2*sqrt(pi)*s*sigma) + sqrt(2)*(h
            + 1)*exp(-x**2/(2*sigma**2))/(2*sqrt(pi)*sigma))

    the derivative of the soft step

        G(x) = -scale*(h - 1)/2 + scale*(h*erf(sqrt(2)*x/(2*sigma))/2 + h*erf(sqrt(2)/(2*s) -
            sqrt(2)*x/(2*s*sigma))/2 - h*erf(sqrt(2)/(2*s) + sqrt(2)*x/(2*s*sigma))/2 +
            erf(sqrt(2)*x/(2*sigma))/2)

    Args:
        h: float or array, nonnegative, default 0.15. weight of the negative side lobes.
        s: float or array, positive, default 6.0. width of the side lobes relative to sigma.
        sigma: float or array, positive, default 0.5. standard deviation of the central
            Gaussian; the lobes sit at ±sigma.
        scale: float or array, positive, default 0.5. overall scale.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Yin, Corradi & Bohté 2021, Accurate and efficient time-domain classification with
            adaptive spiking recurrent neural networks, Nature Machine Intelligence 3

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import MultiGaussianGrad
        >>> MultiGaussianGrad()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_multigaussiangrad'
    _catalog_name = 'MultiGaussianGrad'
    _params = (Param('h', 0.15, 'nonnegative', False, 'weight of the negative side lobes'), Param('s', 6.0, 'positive', False, 'width of the side lobes relative to sigma'), Param('sigma', 0.5, 'positive', False, 'standard deviation of the central Gaussian; the lobes sit at ±sigma'), Param('scale', 0.5, 'positive', False, 'overall scale'),)
    _repr_order = None

    def __init__(self, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, sigma: float | jax.Array = 0.5, scale: float | jax.Array = 0.5, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(h, s, sigma, scale, autodiff=autodiff, param_grad=param_grad)


def multi_gaussian_grad(x: jax.Array, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, sigma: float | jax.Array = 0.5, scale: float | jax.Array = 0.5) -> jax.Array:
    """Spike function of :class:`MultiGaussianGrad`: ``MultiGaussianGrad(h, s, sigma, scale)(x)``."""
    return MultiGaussianGrad(h, s, sigma, scale)(x)


class InvSquareGrad(Surrogate):
    """Inverse-square (SuperSpike / fast sigmoid) surrogate: g = 1/(α|x|+1)².

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = (alpha*Abs(x) + 1)**(-2)

    the derivative of the soft step

        G(x) = Piecewise((-1/(alpha**2*x - alpha), x < 0), (-1/(alpha**2*x + alpha) + 2/alpha,
            True))

    Args:
        alpha: float or array, positive, default 100.0. steepness; the integral of g is 2/alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import InvSquareGrad
        >>> InvSquareGrad()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_invsquaregrad'
    _catalog_name = 'InvSquareGrad'
    _params = (Param('alpha', 100.0, 'positive', False, 'steepness; the integral of g is 2/alpha'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def inv_square_grad(x: jax.Array, alpha: float | jax.Array = 100.0) -> jax.Array:
    """Spike function of :class:`InvSquareGrad`: ``InvSquareGrad(alpha)(x)``."""
    return InvSquareGrad(alpha)(x)


class SlayerGrad(Surrogate):
    """SLAYER surrogate: g = e^{−α|x|}.

    Forward: the Heaviside step, 1 where x >= 0 else 0. Backward: the surrogate gradient

        g(x) = exp(-alpha*Abs(x))

    the derivative of the soft step

        G(x) = Piecewise((exp(alpha*x)/alpha, x < 0), (2/alpha - exp(-alpha*x)/alpha, True))

    Args:
        alpha: float or array, positive, default 1.0. decay rate; the integral of g is 2/alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.

    References:
        Shrestha & Orchard 2018, SLAYER: spike layer error reassignment in time, NeurIPS

    Example:

        >>> import jax.numpy as jnp
        >>> from symsurrogate import SlayerGrad
        >>> SlayerGrad()(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
    """

    _formulas_name = 'symsurrogate._generated.formulas_slayergrad'
    _catalog_name = 'SlayerGrad'
    _params = (Param('alpha', 1.0, 'positive', False, 'decay rate; the integral of g is 2/alpha'),)
    _repr_order = None

    def __init__(self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad)


def slayer_grad(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Spike function of :class:`SlayerGrad`: ``SlayerGrad(alpha)(x)``."""
    return SlayerGrad(alpha)(x)
