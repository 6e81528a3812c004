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
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

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

    def __init__(
        self, alpha: float | jax.Array = 4.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


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


class PiecewiseQuadratic(Surrogate):
    """Triangle-topped quadratic: g = α − α²|x| on |x| ≤ 1/α, zero outside.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                              -1
            ⎪         0            for x < ───
            ⎪                               α
            ⎪
            ⎪                               1
            ⎪         1             for x > ─
            ⎨                               α
            ⎪
            ⎪   2
            ⎪  α ⋅x⋅│x│         1
            ⎪- ──────── + α⋅x + ─   otherwise
            ⎪     2             2
            ⎩

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧                        1
            ⎪     0        for │x│ > ─
            ⎪                        α
            ⎨
            ⎪   2
            ⎪- α ⋅│x│ + α   otherwise
            ⎩

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧                       1
            ⎪     0       for │x│ > ─
            ⎪                       α
            ⎨
            ⎪  2
            ⎪-α ⋅sign(x)   otherwise
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 1.0. steepness; support |x| <= 1/alpha, peak alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12
        Bellec et al. 2018, Long short-term memory and learning-to-learn in networks of spiking
            neurons, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import PiecewiseQuadratic
        >>> spike = PiecewiseQuadratic()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.75
    """

    _formulas_name = 'symsurrogate._generated.formulas_piecewisequadratic'
    _catalog_name = 'PiecewiseQuadratic'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; support |x| <= 1/alpha, peak alpha'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def piecewise_quadratic(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Triangle-topped quadratic: g = α − α²|x| on |x| ≤ 1/α, zero outside.

    The spike function of :class:`PiecewiseQuadratic` as a function:
        ``PiecewiseQuadratic(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧                        1
            ⎪     0        for │x│ > ─
            ⎪                        α
            ⎨
            ⎪   2
            ⎪- α ⋅│x│ + α   otherwise
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; support |x| <= 1/alpha, peak alpha.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import piecewise_quadratic
        >>> piecewise_quadratic(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(piecewise_quadratic)(0.25)):.4g}")  # g(0.25)
        0.75
    """
    return PiecewiseQuadratic(alpha)(x)


class PiecewiseExp(Surrogate):
    """Laplace (two-sided exponential) surrogate: g = (α/2)·e^{−α|x|}.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧   α⋅x
            ⎪  ℯ
            ⎪  ────     for x < 0
            ⎪   2
            ⎨
            ⎪     -α⋅x
            ⎪    ℯ
            ⎪1 - ─────  otherwise
            ⎩      2

    Surrogate gradient g, used in the backward pass:

        g(x) =

               -α⋅│x│
            α⋅ℯ
            ─────────
                2

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

              2  -α⋅│x│
            -α ⋅ℯ      ⋅sign(x)
            ────────────────────
                     2

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import PiecewiseExp
        >>> spike = PiecewiseExp()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.3894
    """

    _formulas_name = 'symsurrogate._generated.formulas_piecewiseexp'
    _catalog_name = 'PiecewiseExp'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def piecewise_exp(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Laplace (two-sided exponential) surrogate: g = (α/2)·e^{−α|x|}.

    The spike function of :class:`PiecewiseExp` as a function: ``PiecewiseExp(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

               -α⋅│x│
            α⋅ℯ
            ─────────
                2

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import piecewise_exp
        >>> piecewise_exp(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(piecewise_exp)(0.25)):.4g}")  # g(0.25)
        0.3894
    """
    return PiecewiseExp(alpha)(x)


class SoftSign(Surrogate):
    """Soft-sign surrogate: g = α/(2(1+α|x|)²), a power-law tail ~ |x|^−2.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧      1
            ⎪ ───────────   for x < 0
            ⎪ 2⋅α⋅│x│ + 2
            ⎨
            ⎪        1
            ⎪1 - ─────────  otherwise
            ⎩    2⋅α⋅x + 2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  α
            ──────────────
                         2
            2⋅(α⋅│x│ + 1)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

              2
            -α ⋅sign(x)
            ────────────
                       3
            (α⋅│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import SoftSign
        >>> spike = SoftSign()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.32
    """

    _formulas_name = 'symsurrogate._generated.formulas_softsign'
    _catalog_name = 'SoftSign'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def soft_sign(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Soft-sign surrogate: g = α/(2(1+α|x|)²), a power-law tail ~ |x|^−2.

    The spike function of :class:`SoftSign` as a function: ``SoftSign(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  α
            ──────────────
                         2
            2⋅(α⋅│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import soft_sign
        >>> soft_sign(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(soft_sign)(0.25)):.4g}")  # g(0.25)
        0.32
    """
    return SoftSign(alpha)(x)


class Arctan(Surrogate):
    """Arctangent surrogate: g = (α/2)/(1+(παx/2)²), a Cauchy (Lorentzian) density.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧     ⎛   2   ⎞
            ⎪ atan⎜───────⎟
            ⎪     ⎝π⋅α⋅│x│⎠
            ⎪ ─────────────   for x < 0
            ⎪       π
            ⎨
            ⎪    ⎛π⋅α⋅x⎞
            ⎪atan⎜─────⎟
            ⎪    ⎝  2  ⎠   1
            ⎪─────────── + ─  otherwise
            ⎩     π        2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   α
            ────────────────
              ⎛ 2  2  2    ⎞
              ⎜π ⋅α ⋅x     ⎟
            2⋅⎜──────── + 1⎟
              ⎝   4        ⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                  2  3
                -π ⋅α ⋅x
            ─────────────────
                            2
              ⎛ 2  2  2    ⎞
              ⎜π ⋅α ⋅x     ⎟
            4⋅⎜──────── + 1⎟
              ⎝   4        ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Fang et al. 2021, Incorporating learnable membrane time constant to enhance learning of
            spiking neural networks, ICCV

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import Arctan
        >>> spike = Arctan()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.4332
    """

    _formulas_name = 'symsurrogate._generated.formulas_arctan'
    _catalog_name = 'Arctan'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def arctan(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Arctangent surrogate: g = (α/2)/(1+(παx/2)²), a Cauchy (Lorentzian) density.

    The spike function of :class:`Arctan` as a function: ``Arctan(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   α
            ────────────────
              ⎛ 2  2  2    ⎞
              ⎜π ⋅α ⋅x     ⎟
            2⋅⎜──────── + 1⎟
              ⎝   4        ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import arctan
        >>> arctan(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(arctan)(0.25)):.4g}")  # g(0.25)
        0.4332
    """
    return Arctan(alpha)(x)


class NonzeroSignLog(Surrogate):
    """Sign-log surrogate: g = 1/(1/α + |x|); G = sign(x)·log(1+α|x|) is not a soft step.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧-log(-α⋅x + 1)  for x < 0
            ⎨
            ⎩ log(α⋅x + 1)   otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

               1
            ───────
                  1
            │x│ + ─
                  α

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            -sign(x)
            ──────────
                     2
            ⎛      1⎞
            ⎜│x│ + ─⎟
            ⎝      α⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        SpikingJelly NonzeroSignLogAbs (no paper)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import NonzeroSignLog
        >>> spike = NonzeroSignLog()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.8
    """

    _formulas_name = 'symsurrogate._generated.formulas_nonzerosignlog'
    _catalog_name = 'NonzeroSignLog'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def nonzero_sign_log(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Sign-log surrogate: g = 1/(1/α + |x|); G = sign(x)·log(1+α|x|) is not a soft step.

    The spike function of :class:`NonzeroSignLog` as a function: ``NonzeroSignLog(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

               1
            ───────
                  1
            │x│ + ─
                  α

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import nonzero_sign_log
        >>> nonzero_sign_log(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(nonzero_sign_log)(0.25)):.4g}")  # g(0.25)
        0.8
    """
    return NonzeroSignLog(alpha)(x)


class ERF(Surrogate):
    """Gaussian surrogate: g = (α/√π)·e^{−α²x²}, G = ½·erfc(−αx).

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧ erfc(α⋅│x│)
            ⎪ ───────────   for x < 0
            ⎪      2
            ⎨
            ⎪    erfc(α⋅x)
            ⎪1 - ─────────  otherwise
            ⎩        2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 2  2
               -α ⋅x
            α⋅ℯ
            ─────────
               √π

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                       2  2
                3    -α ⋅x
            -2⋅α ⋅x⋅ℯ
            ────────────────
                   √π

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5642.

    Args:
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/sqrt(pi).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Esser et al. 2015, Backpropagation for energy-efficient neuromorphic computing, NeurIPS
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import ERF
        >>> spike = ERF()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.53
    """

    _formulas_name = 'symsurrogate._generated.formulas_erf'
    _catalog_name = 'ERF'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/sqrt(pi)'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def erf(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Gaussian surrogate: g = (α/√π)·e^{−α²x²}, G = ½·erfc(−αx).

    The spike function of :class:`ERF` as a function: ``ERF(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 2  2
               -α ⋅x
            α⋅ℯ
            ─────────
               √π

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5642.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/sqrt(pi).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import erf
        >>> erf(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(erf)(0.25)):.4g}")  # g(0.25)
        0.53
    """
    return ERF(alpha)(x)


class PiecewiseLeakyRelu(Surrogate):
    """Boxcar with leaky sides: g = 1/(2w) on |x| ≤ w, c outside.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧  c⋅w + c⋅x     for w < -x
            ⎪
            ⎪-c⋅w + c⋅x + 1  for w < x
            ⎨
            ⎪   1    x
            ⎪   ─ + ───      otherwise
            ⎩   2   2⋅w

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧ c   for w < │x│
            ⎪
            ⎨ 1
            ⎪───   otherwise
            ⎩2⋅w

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        c: float or array, >= 0, default 0.01. slope outside the window.
        w: float or array, > 0, default 1.0. half width of the window; inside it g = 1/(2w).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Wu et al. 2018, Spatio-temporal backpropagation for training high-performance spiking
            neural networks, Frontiers in Neuroscience 12
        Yin et al. 2017, Algorithm and hardware design of discrete-time spiking neural networks
            based on back propagation with binary activations, IEEE BioCAS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import PiecewiseLeakyRelu
        >>> spike = PiecewiseLeakyRelu()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """

    _formulas_name = 'symsurrogate._generated.formulas_piecewiseleakyrelu'
    _catalog_name = 'PiecewiseLeakyRelu'
    _params = (Param('c', 0.01, 'nonnegative', False, 'slope outside the window'), Param('w', 1.0, 'positive', False, 'half width of the window; inside it g = 1/(2w)'),)
    _repr_order = None

    def __init__(
        self, c: float | jax.Array = 0.01, w: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(c, w, autodiff=autodiff, param_grad=param_grad, precision=precision)


def piecewise_leaky_relu(x: jax.Array, c: float | jax.Array = 0.01, w: float | jax.Array = 1.0) -> jax.Array:
    """Boxcar with leaky sides: g = 1/(2w) on |x| ≤ w, c outside.

    The spike function of :class:`PiecewiseLeakyRelu` as a function: ``PiecewiseLeakyRelu(c,
        w)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧ c   for w < │x│
            ⎪
            ⎨ 1
            ⎪───   otherwise
            ⎩2⋅w

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        c: float or array, >= 0, default 0.01. slope outside the window.
        w: float or array, > 0, default 1.0. half width of the window; inside it g = 1/(2w).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import piecewise_leaky_relu
        >>> piecewise_leaky_relu(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(piecewise_leaky_relu)(0.25)):.4g}")  # g(0.25)
        0.5
    """
    return PiecewiseLeakyRelu(c, w)(x)


class SquarewaveFourierSeries(Surrogate):
    """Fourier-series square wave: G is the first n odd harmonics of a square wave of period T.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                n
              _____
              ╲
               ╲
                ╲      ⎛π⋅x⋅(4⋅i - 2)⎞
                 ╲  sin⎜─────────────⎟
            2⋅   ╱     ⎝  t_period   ⎠
                ╱   ──────────────────
               ╱         2⋅i - 1
              ╱
              ‾‾‾‾‾
              i = 1                      1
            ────────────────────────── + ─
                        π                2

    Surrogate gradient g, used in the backward pass:

        g(x) =

               n
              ____
              ╲
               ╲
                ╲      ⎛π⋅x⋅(4⋅i - 2)⎞
            4⋅  ╱   cos⎜─────────────⎟
               ╱       ⎝  t_period   ⎠
              ╱
              ‾‾‾‾
              i = 1
            ──────────────────────────
                     t_period

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                n
              _____
              ╲
               ╲
                ╲                   ⎛π⋅x⋅(4⋅i - 2)⎞
                 ╲  -π⋅(4⋅i - 2)⋅sin⎜─────────────⎟
            4⋅   ╱                  ⎝  t_period   ⎠
                ╱   ────────────────────────────────
               ╱                t_period
              ╱
              ‾‾‾‾‾
              i = 1
            ────────────────────────────────────────
                            t_period

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        n: static int, a positive integer (static), default 2. number of odd harmonics (static).
        t_period: float or array, > 0, default 8.0. period T of the square wave.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        braintools SquarewaveFourierSeries; SpikingJelly SquarewaveFourierSeries (sums n − 1
            terms)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import SquarewaveFourierSeries
        >>> spike = SquarewaveFourierSeries()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.9061
    """

    _formulas_name = 'symsurrogate._generated.formulas_squarewavefourierseries'
    _catalog_name = 'SquarewaveFourierSeries'
    _params = (Param('n', 2, 'positive_integer', True, 'number of odd harmonics (static)'), Param('t_period', 8.0, 'positive', False, 'period T of the square wave'),)
    _repr_order = None

    def __init__(
        self, n: int = 2, t_period: float | jax.Array = 8.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(n, t_period, autodiff=autodiff, param_grad=param_grad, precision=precision)


def squarewave_fourier_series(x: jax.Array, n: int = 2, t_period: float | jax.Array = 8.0) -> jax.Array:
    """Fourier-series square wave: G is the first n odd harmonics of a square wave of period T.

    The spike function of :class:`SquarewaveFourierSeries` as a function:
        ``SquarewaveFourierSeries(n, t_period)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

               n
              ____
              ╲
               ╲
                ╲      ⎛π⋅x⋅(4⋅i - 2)⎞
            4⋅  ╱   cos⎜─────────────⎟
               ╱       ⎝  t_period   ⎠
              ╱
              ‾‾‾‾
              i = 1
            ──────────────────────────
                     t_period

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        n: static int, a positive integer (static), default 2. number of odd harmonics (static).
        t_period: float or array, > 0, default 8.0. period T of the square wave.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import squarewave_fourier_series
        >>> squarewave_fourier_series(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(squarewave_fourier_series)(0.25)):.4g}")  # g(0.25)
        0.9061
    """
    return SquarewaveFourierSeries(n, t_period)(x)


class S2NN(Surrogate):
    """S2NN: logistic gradient for x < 0, β/(x+1) for x ≥ 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧         σ(α⋅x)           for x < 0
            ⎨
            ⎩β⋅log(ε + │x + 1│) + 1/2  otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧α⋅(1 - σ(α⋅x))⋅σ(α⋅x)  for x < 0
            ⎪
            ⎨          β
            ⎪        ─────          otherwise
            ⎩        x + 1

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧   2  3           2  2         2
            ⎪2⋅α ⋅σ (α⋅x) - 3⋅α ⋅σ (α⋅x) + α ⋅σ(α⋅x)  for x < 0
            ⎪
            ⎨                 -β
            ⎪             ────────────                otherwise
            ⎪              2
            ⎩             x  + 2⋅x + 1

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 4.0. steepness of the logistic left side.
        beta: float or array, > 0, default 1.0. height of the 1/(x+1) right side.
        epsilon: float or array, >= 0, default 1e-08. offset inside the logarithm of G (G only).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Suetake et al. 2023, S2NN: time step reduction of spiking surrogate gradients for
            training energy efficient single-step spiking neural networks, Neural Networks 159

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import S2NN
        >>> spike = S2NN()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.8
    """

    _formulas_name = 'symsurrogate._generated.formulas_s2nn'
    _catalog_name = 'S2NN'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness of the logistic left side'), Param('beta', 1.0, 'positive', False, 'height of the 1/(x+1) right side'), Param('epsilon', 1e-08, 'nonnegative', False, 'offset inside the logarithm of G (G only)'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0, epsilon: float | jax.Array = 1e-08, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, beta, epsilon, autodiff=autodiff, param_grad=param_grad, precision=precision)


def s2nn(x: jax.Array, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0, epsilon: float | jax.Array = 1e-08) -> jax.Array:
    """S2NN: logistic gradient for x < 0, β/(x+1) for x ≥ 0.

    The spike function of :class:`S2NN` as a function: ``S2NN(alpha, beta, epsilon)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧α⋅(1 - σ(α⋅x))⋅σ(α⋅x)  for x < 0
            ⎪
            ⎨          β
            ⎪        ─────          otherwise
            ⎩        x + 1

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 4.0. steepness of the logistic left side.
        beta: float or array, > 0, default 1.0. height of the 1/(x+1) right side.
        epsilon: float or array, >= 0, default 1e-08. offset inside the logarithm of G (G only).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import s2nn
        >>> s2nn(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(s2nn)(0.25)):.4g}")  # g(0.25)
        0.8
    """
    return S2NN(alpha, beta, epsilon)(x)


class QPseudoSpike(Surrogate):
    """q-PseudoSpike: g = (1 + 2|x|/(α+1))^−α, a tunable power-law tail.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧     ⎛α   1⎞    ⎛   2⋅x     ⎞   1
            ⎪   - ⎜─ + ─⎟⋅log⎜- ───── + 1⎟ + ─     for α ≥ 1 ∧ α ≤ 1 ∧ x < 0
            ⎪     ⎝2   2⎠    ⎝  α + 1    ⎠   2
            ⎪
            ⎪     ⎛α   1⎞    ⎛ 2⋅x     ⎞   1
            ⎪     ⎜─ + ─⎟⋅log⎜───── + 1⎟ + ─           for α ≥ 1 ∧ α ≤ 1
            ⎪     ⎝2   2⎠    ⎝α + 1    ⎠   2
            ⎪
            ⎪            ⎛             1 - α    ⎞
            ⎪            ⎜⎛   2⋅x     ⎞         ⎟
            ⎨    (α + 1)⋅⎜⎜- ───── + 1⎟      - 1⎟
            ⎪1           ⎝⎝  α + 1    ⎠         ⎠
            ⎪─ - ────────────────────────────────          for x < 0
            ⎪2               2 - 2⋅α
            ⎪
            ⎪             ⎛           1 - α    ⎞
            ⎪             ⎜⎛ 2⋅x     ⎞         ⎟
            ⎪     (α + 1)⋅⎜⎜───── + 1⎟      - 1⎟
            ⎪ 1           ⎝⎝α + 1    ⎠         ⎠
            ⎪ ─ + ──────────────────────────────           otherwise
            ⎩ 2              2 - 2⋅α

    Surrogate gradient g, used in the backward pass:

        g(x) =

                       -α
            ⎛    2⋅│x│⎞
            ⎜1 + ─────⎟
            ⎝    α + 1⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                            -α
                 ⎛    2⋅│x│⎞
            -2⋅α⋅⎜1 + ─────⎟  ⋅sign(x)
                 ⎝    α + 1⎠
            ───────────────────────────
                ⎛    2⋅│x│⎞
                ⎜1 + ─────⎟⋅(α + 1)
                ⎝    α + 1⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 2.0. tail exponent; braintools scales |x| by
            2/(alpha+1) (the paper and SpikingJelly by 2/(alpha-1)).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Herranz-Celotti & Rouat 2022, Surrogate gradients design, arXiv:2202.00282

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import QPseudoSpike
        >>> spike = QPseudoSpike()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.7347
    """

    _formulas_name = 'symsurrogate._generated.formulas_qpseudospike'
    _catalog_name = 'QPseudoSpike'
    _params = (Param('alpha', 2.0, 'positive', False, 'tail exponent; braintools scales |x| by 2/(alpha+1) (the paper and SpikingJelly by 2/(alpha-1))'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def q_pseudo_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """q-PseudoSpike: g = (1 + 2|x|/(α+1))^−α, a tunable power-law tail.

    The spike function of :class:`QPseudoSpike` as a function: ``QPseudoSpike(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                       -α
            ⎛    2⋅│x│⎞
            ⎜1 + ─────⎟
            ⎝    α + 1⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 2.0. tail exponent; braintools scales |x| by
            2/(alpha+1) (the paper and SpikingJelly by 2/(alpha-1)).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import q_pseudo_spike
        >>> q_pseudo_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(q_pseudo_spike)(0.25)):.4g}")  # g(0.25)
        0.7347
    """
    return QPseudoSpike(alpha)(x)


class LeakyRelu(Surrogate):
    """Leaky ReLU gradient: g = α for x < 0, β for x ≥ 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧α⋅x  for x < 0
            ⎨
            ⎩β⋅x  otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧α  for x < 0
            ⎨
            ⎩β  otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, >= 0, default 0.1. gradient for x < 0.
        beta: float or array, >= 0, default 1.0. gradient for x >= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        braintools LeakyRelu; SpikingJelly LeakyKReLU

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import LeakyRelu
        >>> spike = LeakyRelu()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_leakyrelu'
    _catalog_name = 'LeakyRelu'
    _params = (Param('alpha', 0.1, 'nonnegative', False, 'gradient for x < 0'), Param('beta', 1.0, 'nonnegative', False, 'gradient for x >= 0'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.1, beta: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, beta, autodiff=autodiff, param_grad=param_grad, precision=precision)


def leaky_relu(x: jax.Array, alpha: float | jax.Array = 0.1, beta: float | jax.Array = 1.0) -> jax.Array:
    """Leaky ReLU gradient: g = α for x < 0, β for x ≥ 0.

    The spike function of :class:`LeakyRelu` as a function: ``LeakyRelu(alpha, beta)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧α  for x < 0
            ⎨
            ⎩β  otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, >= 0, default 0.1. gradient for x < 0.
        beta: float or array, >= 0, default 1.0. gradient for x >= 0.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import leaky_relu
        >>> leaky_relu(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(leaky_relu)(0.25)):.4g}")  # g(0.25)
        1
    """
    return LeakyRelu(alpha, beta)(x)


class LogTailedRelu(Surrogate):
    """Log-tailed ReLU gradient: α for x ≤ 0, 1 on (0, 1], 1/x beyond.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧log(x) + 1  for x > 1
            ⎪
            ⎨    x       for x > 0
            ⎪
            ⎩   α⋅x      otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧1
            ⎪─  for x > 1
            ⎪x
            ⎨
            ⎪1  for x > 0
            ⎪
            ⎩α  otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧-1
            ⎪───  for x > 1
            ⎪ 2
            ⎨x
            ⎪
            ⎪ 0   otherwise
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.

    Args:
        alpha: float or array, >= 0, default 0.0. gradient for x <= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Cai et al. 2017, Deep learning with low precision by half-wave Gaussian quantization,
            CVPR

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import LogTailedRelu
        >>> spike = LogTailedRelu()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_logtailedrelu'
    _catalog_name = 'LogTailedRelu'
    _params = (Param('alpha', 0.0, 'nonnegative', False, 'gradient for x <= 0'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def log_tailed_relu(x: jax.Array, alpha: float | jax.Array = 0.0) -> jax.Array:
    """Log-tailed ReLU gradient: α for x ≤ 0, 1 on (0, 1], 1/x beyond.

    The spike function of :class:`LogTailedRelu` as a function: ``LogTailedRelu(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧1
            ⎪─  for x > 1
            ⎪x
            ⎨
            ⎪1  for x > 0
            ⎪
            ⎩α  otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, >= 0, default 0.0. gradient for x <= 0.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import log_tailed_relu
        >>> log_tailed_relu(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(log_tailed_relu)(0.25)):.4g}")  # g(0.25)
        1
    """
    return LogTailedRelu(alpha)(x)


class ReluGrad(Surrogate):
    """Triangle surrogate: g = max(α·width − α|x|, 0).

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧             0               for width ≤ -x
            ⎪
            ⎪       2                  2
            ⎪α⋅width                α⋅x
            ⎪──────── + α⋅width⋅x + ────    for x < 0
            ⎪   2                    2
            ⎪
            ⎨       2                  2
            ⎪α⋅width                α⋅x
            ⎪──────── + α⋅width⋅x - ────  for width ≥ x
            ⎪   2                    2
            ⎪
            ⎪                2
            ⎪         α⋅width               otherwise
            ⎩

    Surrogate gradient g, used in the backward pass:

        g(x) = Max(0, alpha*width - alpha*Abs(x))

    Its derivative g' (what second-order autodiff sees):

        g'(x) = -α⋅θ(α⋅width - α⋅│x│)⋅sign(x)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.3.

    Args:
        alpha: float or array, > 0, default 0.3. slope of the sides; the peak is alpha*width.
        width: float or array, > 0, default 1.0. half width of the support.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Neftci, Mostafa & Zenke 2019, Surrogate gradient learning in spiking neural networks,
            IEEE Signal Processing Magazine 36(6)
        Bellec et al. 2018, Long short-term memory and learning-to-learn in networks of spiking
            neurons, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import ReluGrad
        >>> spike = ReluGrad()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.225
    """

    _formulas_name = 'symsurrogate._generated.formulas_relugrad'
    _catalog_name = 'ReluGrad'
    _params = (Param('alpha', 0.3, 'positive', False, 'slope of the sides; the peak is alpha*width'), Param('width', 1.0, 'positive', False, 'half width of the support'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.3, width: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, width, autodiff=autodiff, param_grad=param_grad, precision=precision)


def relu_grad(x: jax.Array, alpha: float | jax.Array = 0.3, width: float | jax.Array = 1.0) -> jax.Array:
    """Triangle surrogate: g = max(α·width − α|x|, 0).

    The spike function of :class:`ReluGrad` as a function: ``ReluGrad(alpha, width)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = Max(0, alpha*width - alpha*Abs(x))

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.3.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 0.3. slope of the sides; the peak is alpha*width.
        width: float or array, > 0, default 1.0. half width of the support.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import relu_grad
        >>> relu_grad(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(relu_grad)(0.25)):.4g}")  # g(0.25)
        0.225
    """
    return ReluGrad(alpha, width)(x)


class GaussianGrad(Surrogate):
    """Gaussian surrogate: g = α·N(x; 0, σ), a normal density scaled by α.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                 ⎛√2⋅x⎞
            α⋅erf⎜────⎟
                 ⎝2⋅σ ⎠   α
            ─────────── + ─
                 2        2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                    2
                  -x
                  ────
                     2
                  2⋅σ
            √2⋅α⋅ℯ
            ──────────
              2⋅√π⋅σ

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                       2
                     -x
                     ────
                        2
                     2⋅σ
            -√2⋅α⋅x⋅ℯ
            ──────────────
                     3
               2⋅√π⋅σ

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.3989.

    Args:
        sigma: float or array, > 0, default 0.5. standard deviation.
        alpha: float or array, > 0, default 0.5. scale; the integral of g is alpha.
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
        >>> from symsurrogate import GaussianGrad
        >>> spike = GaussianGrad()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.3521
    """

    _formulas_name = 'symsurrogate._generated.formulas_gaussiangrad'
    _catalog_name = 'GaussianGrad'
    _params = (Param('sigma', 0.5, 'positive', False, 'standard deviation'), Param('alpha', 0.5, 'positive', False, 'scale; the integral of g is alpha'),)
    _repr_order = ('alpha', 'sigma')

    def __init__(
        self, sigma: float | jax.Array = 0.5, alpha: float | jax.Array = 0.5, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(sigma, alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def gaussian_grad(x: jax.Array, sigma: float | jax.Array = 0.5, alpha: float | jax.Array = 0.5) -> jax.Array:
    """Gaussian surrogate: g = α·N(x; 0, σ), a normal density scaled by α.

    The spike function of :class:`GaussianGrad` as a function: ``GaussianGrad(sigma,
        alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                    2
                  -x
                  ────
                     2
                  2⋅σ
            √2⋅α⋅ℯ
            ──────────
              2⋅√π⋅σ

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.3989.

    Args:
        x: the membrane potential minus the threshold (any float array).
        sigma: float or array, > 0, default 0.5. standard deviation.
        alpha: float or array, > 0, default 0.5. scale; the integral of g is alpha.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import gaussian_grad
        >>> gaussian_grad(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(gaussian_grad)(0.25)):.4g}")  # g(0.25)
        0.3521
    """
    return GaussianGrad(sigma, alpha)(x)


class MultiGaussianGrad(Surrogate):
    """Multi-Gaussian surrogate: a central Gaussian minus two wide negative side lobes.

    Soft step (primitive) G, whose derivative is g:

        G(x) = -scale*(h - 1)/2 + scale*(-h*erf(sqrt(2)*(-sigma + x)/(2*s*sigma))/2 -
            h*erf(sqrt(2)*(sigma + x)/(2*s*sigma))/2 + (h + 1)*erf(sqrt(2)*x/(2*sigma))/2)

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  ⎛                2                   2                  2 ⎞
                  ⎜        -(σ + x)           -(-σ + x)                 -x  ⎟
                  ⎜        ──────────         ───────────               ────⎟
                  ⎜            2  2                2  2                    2⎟
                  ⎜         2⋅s ⋅σ              2⋅s ⋅σ                  2⋅σ ⎟
                  ⎜  √2⋅h⋅ℯ             √2⋅h⋅ℯ              √2⋅(h + 1)⋅ℯ    ⎟
            scale⋅⎜- ──────────────── - ───────────────── + ────────────────⎟
                  ⎝      2⋅√π⋅s⋅σ           2⋅√π⋅s⋅σ             2⋅√π⋅σ     ⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) = scale*(sqrt(2)*h*(-2*sigma + 2*x)*exp(-(-sigma +
            x)**2/(2*s**2*sigma**2))/(4*sqrt(pi)*s**3*sigma**3) + sqrt(2)*h*(2*sigma +
            2*x)*exp(-(sigma + x)**2/(2*s**2*sigma**2))/(4*sqrt(pi)*s**3*sigma**3) -
            sqrt(2)*x*(h + 1)*exp(-x**2/(2*sigma**2))/(2*sqrt(pi)*sigma**3))

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.4391.

    Args:
        h: float or array, >= 0, default 0.15. weight of the negative side lobes.
        s: float or array, > 0, default 6.0. width of the side lobes relative to sigma.
        sigma: float or array, > 0, default 0.5. standard deviation of the central Gaussian; the
            lobes sit at ±sigma.
        scale: float or array, > 0, default 0.5. overall scale.
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
        >>> from symsurrogate import MultiGaussianGrad
        >>> spike = MultiGaussianGrad()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.3853
    """

    _formulas_name = 'symsurrogate._generated.formulas_multigaussiangrad'
    _catalog_name = 'MultiGaussianGrad'
    _params = (Param('h', 0.15, 'nonnegative', False, 'weight of the negative side lobes'), Param('s', 6.0, 'positive', False, 'width of the side lobes relative to sigma'), Param('sigma', 0.5, 'positive', False, 'standard deviation of the central Gaussian; the lobes sit at ±sigma'), Param('scale', 0.5, 'positive', False, 'overall scale'),)
    _repr_order = None

    def __init__(
        self, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, sigma: float | jax.Array = 0.5, scale: float | jax.Array = 0.5, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(h, s, sigma, scale, autodiff=autodiff, param_grad=param_grad, precision=precision)


def multi_gaussian_grad(x: jax.Array, h: float | jax.Array = 0.15, s: float | jax.Array = 6.0, sigma: float | jax.Array = 0.5, scale: float | jax.Array = 0.5) -> jax.Array:
    """Multi-Gaussian surrogate: a central Gaussian minus two wide negative side lobes.

    The spike function of :class:`MultiGaussianGrad` as a function: ``MultiGaussianGrad(h, s,
        sigma, scale)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  ⎛                2                   2                  2 ⎞
                  ⎜        -(σ + x)           -(-σ + x)                 -x  ⎟
                  ⎜        ──────────         ───────────               ────⎟
                  ⎜            2  2                2  2                    2⎟
                  ⎜         2⋅s ⋅σ              2⋅s ⋅σ                  2⋅σ ⎟
                  ⎜  √2⋅h⋅ℯ             √2⋅h⋅ℯ              √2⋅(h + 1)⋅ℯ    ⎟
            scale⋅⎜- ──────────────── - ───────────────── + ────────────────⎟
                  ⎝      2⋅√π⋅s⋅σ           2⋅√π⋅s⋅σ             2⋅√π⋅σ     ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.4391.

    Args:
        x: the membrane potential minus the threshold (any float array).
        h: float or array, >= 0, default 0.15. weight of the negative side lobes.
        s: float or array, > 0, default 6.0. width of the side lobes relative to sigma.
        sigma: float or array, > 0, default 0.5. standard deviation of the central Gaussian; the
            lobes sit at ±sigma.
        scale: float or array, > 0, default 0.5. overall scale.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import multi_gaussian_grad
        >>> multi_gaussian_grad(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(multi_gaussian_grad)(0.25)):.4g}")  # g(0.25)
        0.3853
    """
    return MultiGaussianGrad(h, s, sigma, scale)(x)


class InvSquareGrad(Surrogate):
    """Inverse-square (SuperSpike / fast sigmoid) surrogate: g = 1/(α|x|+1)².

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧     -1
            ⎪   ────────     for x < 0
            ⎪    2
            ⎪   α ⋅x - α
            ⎨
            ⎪     1       2
            ⎪- ──────── + ─  otherwise
            ⎪   2         α
            ⎩  α ⋅x + α

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 1
            ────────────
                       2
            (α⋅│x│ + 1)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            -2⋅α⋅sign(x)
            ─────────────
                       3
            (α⋅│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 100.0. steepness; the integral of g is 2/alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Zenke & Ganguli 2018, SuperSpike: supervised learning in multilayer spiking neural
            networks, Neural Computation 30(6)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import InvSquareGrad
        >>> spike = InvSquareGrad()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.001479
    """

    _formulas_name = 'symsurrogate._generated.formulas_invsquaregrad'
    _catalog_name = 'InvSquareGrad'
    _params = (Param('alpha', 100.0, 'positive', False, 'steepness; the integral of g is 2/alpha'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def inv_square_grad(x: jax.Array, alpha: float | jax.Array = 100.0) -> jax.Array:
    """Inverse-square (SuperSpike / fast sigmoid) surrogate: g = 1/(α|x|+1)².

    The spike function of :class:`InvSquareGrad` as a function: ``InvSquareGrad(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 1
            ────────────
                       2
            (α⋅│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 100.0. steepness; the integral of g is 2/alpha.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import inv_square_grad
        >>> inv_square_grad(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(inv_square_grad)(0.25)):.4g}")  # g(0.25)
        0.001479
    """
    return InvSquareGrad(alpha)(x)


class SlayerGrad(Surrogate):
    """SLAYER surrogate: g = e^{−α|x|}.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧   α⋅x
            ⎪  ℯ
            ⎪  ────     for x < 0
            ⎪   α
            ⎨
            ⎪     -α⋅x
            ⎪2   ℯ
            ⎪─ - ─────  otherwise
            ⎩α     α

    Surrogate gradient g, used in the backward pass:

        g(x) =

             -α⋅│x│
            ℯ

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                -α⋅│x│
            -α⋅ℯ      ⋅sign(x)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 1.0. decay rate; the integral of g is 2/alpha.
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
        >>> from symsurrogate import SlayerGrad
        >>> spike = SlayerGrad()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.7788
    """

    _formulas_name = 'symsurrogate._generated.formulas_slayergrad'
    _catalog_name = 'SlayerGrad'
    _params = (Param('alpha', 1.0, 'positive', False, 'decay rate; the integral of g is 2/alpha'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def slayer_grad(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """SLAYER surrogate: g = e^{−α|x|}.

    The spike function of :class:`SlayerGrad` as a function: ``SlayerGrad(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

             -α⋅│x│
            ℯ

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. decay rate; the integral of g is 2/alpha.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import slayer_grad
        >>> slayer_grad(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(slayer_grad)(0.25)):.4g}")  # g(0.25)
        0.7788
    """
    return SlayerGrad(alpha)(x)
