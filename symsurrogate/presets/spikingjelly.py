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

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import Sigmoid
        >>> spike = Sigmoid()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.7864
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__sigmoid'
    _catalog_name = 'spikingjelly.Sigmoid'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness; the peak is alpha/4'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 4.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def sigmoid_spike(x: jax.Array, alpha: float | jax.Array = 4.0) -> jax.Array:
    """SpikingJelly Sigmoid: α·σ(αx)(1−σ(αx)), spike at x >= 0.

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
        >>> from symsurrogate.presets.spikingjelly import sigmoid_spike
        >>> sigmoid_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(sigmoid_spike)(0.25)):.4g}")  # g(0.25)
        0.7864
    """
    return Sigmoid(alpha)(x)


class ATan(Surrogate):
    """SpikingJelly ATan: (α/2)/(1+(παx/2)²), spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                ⎛π⋅α⋅x⎞
            atan⎜─────⎟
                ⎝  2  ⎠   1
            ─────────── + ─
                 π        2

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

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 2.0. steepness; the peak is alpha/2.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Fang et al. 2021, Incorporating learnable membrane time constants to enhance learning of
            spiking neural networks, ICCV

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import ATan
        >>> spike = ATan()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.6185
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__atan'
    _catalog_name = 'spikingjelly.ATan'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def atan_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """SpikingJelly ATan: (α/2)/(1+(παx/2)²), spike at x >= 0.

    The spike function of :class:`ATan` as a function: ``ATan(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   α
            ────────────────
              ⎛ 2  2  2    ⎞
              ⎜π ⋅α ⋅x     ⎟
            2⋅⎜──────── + 1⎟
              ⎝   4        ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 2.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import atan_spike
        >>> atan_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(atan_spike)(0.25)):.4g}")  # g(0.25)
        0.6185
    """
    return ATan(alpha)(x)


class SoftSign(Surrogate):
    """SpikingJelly SoftSign: α/(2(1+α|x|)²), spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                 α⋅x        1
            ───────────── + ─
            2⋅(α⋅│x│ + 1)   2

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

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 2.0. steepness; the peak is alpha/2.
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
        >>> from symsurrogate.presets.spikingjelly import SoftSign
        >>> spike = SoftSign()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.4444
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__softsign'
    _catalog_name = 'spikingjelly.SoftSign'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def soft_sign_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """SpikingJelly SoftSign: α/(2(1+α|x|)²), spike at x >= 0.

    The spike function of :class:`SoftSign` as a function: ``SoftSign(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  α
            ──────────────
                         2
            2⋅(α⋅│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 2.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import soft_sign_spike
        >>> soft_sign_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(soft_sign_spike)(0.25)):.4g}")  # g(0.25)
        0.4444
    """
    return SoftSign(alpha)(x)


class SuperSpike(Surrogate):
    """SpikingJelly SuperSpike: α/(|x|+1)², where α is the height only, spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧    -α
            ⎪   ─────     for x < 0
            ⎪   x - 1
            ⎨
            ⎪        α
            ⎪2⋅α - ─────  otherwise
            ⎩      x + 1

    Surrogate gradient g, used in the backward pass:

        g(x) =

                α
            ──────────
                     2
            (│x│ + 1)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            -2⋅α⋅sign(x)
            ─────────────
                      3
             (│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 1.0. height (not steepness) of the gradient.
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
        >>> from symsurrogate.presets.spikingjelly import SuperSpike
        >>> spike = SuperSpike()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.64
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__superspike'
    _catalog_name = 'spikingjelly.SuperSpike'
    _params = (Param('alpha', 1.0, 'positive', False, 'height (not steepness) of the gradient'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def super_spike_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly SuperSpike: α/(|x|+1)², where α is the height only, spike at x >= 0.

    The spike function of :class:`SuperSpike` as a function: ``SuperSpike(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                α
            ──────────
                     2
            (│x│ + 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. height (not steepness) of the gradient.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import super_spike_spike
        >>> super_spike_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(super_spike_spike)(0.25)):.4g}")  # g(0.25)
        0.64
    """
    return SuperSpike(alpha)(x)


class Erf(Surrogate):
    """SpikingJelly Erf: (α/√π)·e^(−α²x²), the gradient of ½erfc(−αx), spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                erfc(α⋅x)
            1 - ─────────
                    2

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

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.128.

    Args:
        alpha: float or array, > 0, default 2.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Esser et al. 2015, Backpropagation for energy-efficient neuromorphic computing, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import Erf
        >>> spike = Erf()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.8788
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__erf'
    _catalog_name = 'spikingjelly.Erf'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def erf_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """SpikingJelly Erf: (α/√π)·e^(−α²x²), the gradient of ½erfc(−αx), spike at x >= 0.

    The spike function of :class:`Erf` as a function: ``Erf(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 2  2
               -α ⋅x
            α⋅ℯ
            ─────────
               √π

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.128.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 2.0. steepness.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import erf_spike
        >>> erf_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(erf_spike)(0.25)):.4g}")  # g(0.25)
        0.8788
    """
    return Erf(alpha)(x)


class PiecewiseQuadratic(Surrogate):
    """SpikingJelly PiecewiseQuadratic: the triangle α−α²|x| on |x| <= 1/α, spike at x >= 0.

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
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import PiecewiseQuadratic
        >>> spike = PiecewiseQuadratic()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.75
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__piecewisequadratic'
    _catalog_name = 'spikingjelly.PiecewiseQuadratic'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def piecewise_quadratic_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly PiecewiseQuadratic: the triangle α−α²|x| on |x| <= 1/α, spike at x >= 0.

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
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import piecewise_quadratic_spike
        >>> piecewise_quadratic_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(piecewise_quadratic_spike)(0.25)):.4g}")  # g(0.25)
        0.75
    """
    return PiecewiseQuadratic(alpha)(x)


class PiecewiseExp(Surrogate):
    """SpikingJelly PiecewiseExp: (α/2)·e^(−α|x|), spike at x >= 0.

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
        Shrestha & Orchard 2018, SLAYER: spike layer error reassignment in time, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import PiecewiseExp
        >>> spike = PiecewiseExp()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.3894
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__piecewiseexp'
    _catalog_name = 'spikingjelly.PiecewiseExp'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def piecewise_exp_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly PiecewiseExp: (α/2)·e^(−α|x|), spike at x >= 0.

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
        >>> from symsurrogate.presets.spikingjelly import piecewise_exp_spike
        >>> piecewise_exp_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(piecewise_exp_spike)(0.25)):.4g}")  # g(0.25)
        0.3894
    """
    return PiecewiseExp(alpha)(x)


class PiecewiseLeakyReLU(Surrogate):
    """SpikingJelly PiecewiseLeakyReLU: 1/(2w) where |x| < w, c elsewhere (c at |x| = w), spike at
        x >= 0.

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

            ⎧ 1
            ⎪───  for w > │x│
            ⎨2⋅w
            ⎪
            ⎩ c    otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        w: float or array, > 0, default 1.0. half-width of the window.
        c: float or array, any real number, default 0.01. gradient outside the window.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import PiecewiseLeakyReLU
        >>> spike = PiecewiseLeakyReLU()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__piecewiseleakyrelu'
    _catalog_name = 'spikingjelly.PiecewiseLeakyReLU'
    _params = (Param('w', 1.0, 'positive', False, 'half-width of the window'), Param('c', 0.01, 'real', False, 'gradient outside the window'),)
    _repr_order = None

    def __init__(
        self, w: float | jax.Array = 1.0, c: float | jax.Array = 0.01, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(w, c, autodiff=autodiff, param_grad=param_grad, precision=precision)


def piecewise_leaky_relu_spike(x: jax.Array, w: float | jax.Array = 1.0, c: float | jax.Array = 0.01) -> jax.Array:
    """SpikingJelly PiecewiseLeakyReLU: 1/(2w) where |x| < w, c elsewhere (c at |x| = w), spike at
        x >= 0.

    The spike function of :class:`PiecewiseLeakyReLU` as a function: ``PiecewiseLeakyReLU(w,
        c)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧ 1
            ⎪───  for w > │x│
            ⎨2⋅w
            ⎪
            ⎩ c    otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        w: float or array, > 0, default 1.0. half-width of the window.
        c: float or array, any real number, default 0.01. gradient outside the window.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import piecewise_leaky_relu_spike
        >>> piecewise_leaky_relu_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(piecewise_leaky_relu_spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """
    return PiecewiseLeakyReLU(w, c)(x)


class QPseudoSpike(Surrogate):
    """SpikingJelly QPseudoSpike: (1+2|x|/(α−1))^(−α), the paper's q-PseudoSpike with q = α > 1,
        spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧              1 - α
            ⎪ ⎛   2⋅x     ⎞
            ⎪ ⎜- ───── + 1⎟
            ⎪ ⎝  α - 1    ⎠
            ⎪ ──────────────────   for x < 0
            ⎪         2
            ⎨
            ⎪               1 - α
            ⎪    ⎛ 2⋅x     ⎞
            ⎪    ⎜───── + 1⎟
            ⎪    ⎝α - 1    ⎠
            ⎪1 - ────────────────  otherwise
            ⎩           2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                       -α
            ⎛    2⋅│x│⎞
            ⎜1 + ─────⎟
            ⎝    α - 1⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                            -α
                 ⎛    2⋅│x│⎞
            -2⋅α⋅⎜1 + ─────⎟  ⋅sign(x)
                 ⎝    α - 1⎠
            ───────────────────────────
                ⎛    2⋅│x│⎞
                ⎜1 + ─────⎟⋅(α - 1)
                ⎝    α - 1⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 2.0. tail fatness q; must be > 1.
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
        >>> from symsurrogate.presets.spikingjelly import QPseudoSpike
        >>> spike = QPseudoSpike()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.4444
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__qpseudospike'
    _catalog_name = 'spikingjelly.QPseudoSpike'
    _params = (Param('alpha', 2.0, 'positive', False, 'tail fatness q; must be > 1'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def q_pseudo_spike_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """SpikingJelly QPseudoSpike: (1+2|x|/(α−1))^(−α), the paper's q-PseudoSpike with q = α > 1,
        spike at x >= 0.

    The spike function of :class:`QPseudoSpike` as a function: ``QPseudoSpike(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                       -α
            ⎛    2⋅│x│⎞
            ⎜1 + ─────⎟
            ⎝    α - 1⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 2.0. tail fatness q; must be > 1.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import q_pseudo_spike_spike
        >>> q_pseudo_spike_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(q_pseudo_spike_spike)(0.25)):.4g}")  # g(0.25)
        0.4444
    """
    return QPseudoSpike(alpha)(x)


class LeakyKReLU(Surrogate):
    """SpikingJelly LeakyKReLU: leak below 0, k from 0 up, spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧leak⋅x  for x < 0
            ⎨
            ⎩ k⋅x    otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧leak  for x < 0
            ⎨
            ⎩ k    otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        leak: float or array, any real number, default 0.0. gradient where x < 0.
        k: float or array, any real number, default 1.0. gradient where x >= 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import LeakyKReLU
        >>> spike = LeakyKReLU()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__leakykrelu'
    _catalog_name = 'spikingjelly.LeakyKReLU'
    _params = (Param('leak', 0.0, 'real', False, 'gradient where x < 0'), Param('k', 1.0, 'real', False, 'gradient where x >= 0'),)
    _repr_order = None

    def __init__(
        self, leak: float | jax.Array = 0.0, k: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(leak, k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def leaky_k_relu_spike(x: jax.Array, leak: float | jax.Array = 0.0, k: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly LeakyKReLU: leak below 0, k from 0 up, spike at x >= 0.

    The spike function of :class:`LeakyKReLU` as a function: ``LeakyKReLU(leak, k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧leak  for x < 0
            ⎨
            ⎩ k    otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        leak: float or array, any real number, default 0.0. gradient where x < 0.
        k: float or array, any real number, default 1.0. gradient where x >= 0.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import leaky_k_relu_spike
        >>> leaky_k_relu_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(leaky_k_relu_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return LeakyKReLU(leak, k)(x)


class NonzeroSignLogAbs(Surrogate):
    """SpikingJelly NonzeroSignLogAbs: 1/(1/α+|x|), whose primitive is not a soft step, spike at x
        >= 0.

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

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import NonzeroSignLogAbs
        >>> spike = NonzeroSignLogAbs()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.8
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__nonzerosignlogabs'
    _catalog_name = 'spikingjelly.NonzeroSignLogAbs'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def nonzero_sign_log_abs_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly NonzeroSignLogAbs: 1/(1/α+|x|), whose primitive is not a soft step, spike at x
        >= 0.

    The spike function of :class:`NonzeroSignLogAbs` as a function:
        ``NonzeroSignLogAbs(alpha)(x)``.

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
        >>> from symsurrogate.presets.spikingjelly import nonzero_sign_log_abs_spike
        >>> nonzero_sign_log_abs_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(nonzero_sign_log_abs_spike)(0.25)):.4g}")  # g(0.25)
        0.8
    """
    return NonzeroSignLogAbs(alpha)(x)


class LogTailedReLU(Surrogate):
    """SpikingJelly LogTailedReLU: α for x <= 0, 1 on (0, 1], 1/x beyond, spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧   α⋅x      for x ≤ 0
            ⎪
            ⎨    x       for x ≤ 1
            ⎪
            ⎩log(x) + 1  otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧α  for x ≤ 0
            ⎪
            ⎪1  for x ≤ 1
            ⎨
            ⎪1
            ⎪─  otherwise
            ⎩x

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧ 0   for x ≤ 0 ∨ x ≤ 1
            ⎪
            ⎪-1
            ⎨───      otherwise
            ⎪ 2
            ⎪x
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.

    Args:
        alpha: float or array, any real number, default 0.0. gradient where x <= 0.
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
        >>> from symsurrogate.presets.spikingjelly import LogTailedReLU
        >>> spike = LogTailedReLU()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__logtailedrelu'
    _catalog_name = 'spikingjelly.LogTailedReLU'
    _params = (Param('alpha', 0.0, 'real', False, 'gradient where x <= 0'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def log_tailed_relu_spike(x: jax.Array, alpha: float | jax.Array = 0.0) -> jax.Array:
    """SpikingJelly LogTailedReLU: α for x <= 0, 1 on (0, 1], 1/x beyond, spike at x >= 0.

    The spike function of :class:`LogTailedReLU` as a function: ``LogTailedReLU(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧α  for x ≤ 0
            ⎪
            ⎪1  for x ≤ 1
            ⎨
            ⎪1
            ⎪─  otherwise
            ⎩x

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, any real number, default 0.0. gradient where x <= 0.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import log_tailed_relu_spike
        >>> log_tailed_relu_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(log_tailed_relu_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return LogTailedReLU(alpha)(x)


class S2NN(Surrogate):
    """SpikingJelly S2NN: the sigmoid derivative below 0 and β/(x+1) from 0 up, spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧      σ(α⋅x)        for x < 0
            ⎨
            ⎩β⋅log(x + 1) + 1/2  otherwise

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
        alpha: float or array, > 0, default 4.0. steepness of the left (sigmoid) side.
        beta: float or array, > 0, default 1.0. scale of the right (1/(x+1)) side.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Suetake et al. 2023, S2NN: time step reduction of spiking surrogate gradients for
            training energy efficient single-step spiking neural networks, Neural Networks

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import S2NN
        >>> spike = S2NN()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.8
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__s2nn'
    _catalog_name = 'spikingjelly.S2NN'
    _params = (Param('alpha', 4.0, 'positive', False, 'steepness of the left (sigmoid) side'), Param('beta', 1.0, 'positive', False, 'scale of the right (1/(x+1)) side'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, beta, autodiff=autodiff, param_grad=param_grad, precision=precision)


def s2nn_spike(x: jax.Array, alpha: float | jax.Array = 4.0, beta: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly S2NN: the sigmoid derivative below 0 and β/(x+1) from 0 up, spike at x >= 0.

    The spike function of :class:`S2NN` as a function: ``S2NN(alpha, beta)(x)``.

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
        alpha: float or array, > 0, default 4.0. steepness of the left (sigmoid) side.
        beta: float or array, > 0, default 1.0. scale of the right (1/(x+1)) side.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import s2nn_spike
        >>> s2nn_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(s2nn_spike)(0.25)):.4g}")  # g(0.25)
        0.8
    """
    return S2NN(alpha, beta)(x)


class FakeNumericalGradient(Surrogate):
    """SpikingJelly FakeNumericalGradient: min(1/|x|, α), spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧   ⎛-1 ⎞                          -1
            ⎪log⎜───⎟ - log(x) - 1     for x ≤ ───
            ⎪   ⎝ α ⎠                           α
            ⎪
            ⎪                                       1
            ⎨         α⋅x           for x ≤ 0 ∨ x ≤ ─
            ⎪                                       α
            ⎪
            ⎪     ⎛1⎞
            ⎪- log⎜─⎟ + log(x) + 1      otherwise
            ⎩     ⎝α⎠

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧               1
            ⎪ α   for │x│ ≤ ─
            ⎪               α
            ⎨
            ⎪ 1
            ⎪───   otherwise
            ⎩│x│

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧                     1
            ⎪    0      for │x│ ≤ ─
            ⎪                     α
            ⎪
            ⎨-sign(x)
            ⎪─────────   otherwise
            ⎪    2
            ⎪   x
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.3.

    Args:
        alpha: float or array, > 0, default 0.3. cap of the gradient.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import FakeNumericalGradient
        >>> spike = FakeNumericalGradient()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.3
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__fakenumericalgradient'
    _catalog_name = 'spikingjelly.FakeNumericalGradient'
    _params = (Param('alpha', 0.3, 'positive', False, 'cap of the gradient'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def fake_numerical_gradient_spike(x: jax.Array, alpha: float | jax.Array = 0.3) -> jax.Array:
    """SpikingJelly FakeNumericalGradient: min(1/|x|, α), spike at x >= 0.

    The spike function of :class:`FakeNumericalGradient` as a function:
        ``FakeNumericalGradient(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧               1
            ⎪ α   for │x│ ≤ ─
            ⎪               α
            ⎨
            ⎪ 1
            ⎪───   otherwise
            ⎩│x│

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.3.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 0.3. cap of the gradient.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import fake_numerical_gradient_spike
        >>> fake_numerical_gradient_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(fake_numerical_gradient_spike)(0.25)):.4g}")  # g(0.25)
        0.3
    """
    return FakeNumericalGradient(alpha)(x)


class Rect(Surrogate):
    """SpikingJelly Rect: α where |x| < 1/(2α), else 0 (the gradient of clip(αx+½, 0, 1)), spike at
        x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                   -1
            ⎪    0      for x ≤ ───
            ⎪                   2⋅α
            ⎪
            ⎨                    1
            ⎪    1      for x ≥ ───
            ⎪                   2⋅α
            ⎪
            ⎩α⋅x + 1/2   otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧              1
            ⎪α  for │x│ < ───
            ⎨             2⋅α
            ⎪
            ⎩0    otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 1.0. height; the window is 1/alpha wide.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import Rect
        >>> spike = Rect()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__rect'
    _catalog_name = 'spikingjelly.Rect'
    _params = (Param('alpha', 1.0, 'positive', False, 'height; the window is 1/alpha wide'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def rect_spike(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """SpikingJelly Rect: α where |x| < 1/(2α), else 0 (the gradient of clip(αx+½, 0, 1)), spike at
        x >= 0.

    The spike function of :class:`Rect` as a function: ``Rect(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧              1
            ⎪α  for │x│ < ───
            ⎨             2⋅α
            ⎪
            ⎩0    otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. height; the window is 1/alpha wide.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import rect_spike
        >>> rect_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(rect_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return Rect(alpha)(x)


class DeterministicPass(Surrogate):
    """SpikingJelly DeterministicPass: the gradient passes unchanged (g = 1), spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) = x

    Surrogate gradient g, used in the backward pass:

        g(x) = 1

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import DeterministicPass
        >>> spike = DeterministicPass()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__deterministicpass'
    _catalog_name = 'spikingjelly.DeterministicPass'
    _params = ()
    _repr_order = None

    def __init__(
        self, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(autodiff=autodiff, param_grad=param_grad, precision=precision)


def deterministic_pass_spike(x: jax.Array) -> jax.Array:
    """SpikingJelly DeterministicPass: the gradient passes unchanged (g = 1), spike at x >= 0.

    The spike function of :class:`DeterministicPass` as a function: ``DeterministicPass()(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = 1

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import deterministic_pass_spike
        >>> deterministic_pass_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(deterministic_pass_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return DeterministicPass()(x)


class SquarewaveFourierSeries(Surrogate):
    """SpikingJelly SquarewaveFourierSeries: (4/T)·Σ_{i=1}^{n−1} cos((2i−1)2πx/T) (n−1 terms),
        spike at x >= 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

              n - 1
              _____
              ╲
               ╲
                ╲      ⎛π⋅x⋅(4⋅i - 2)⎞
                 ╲  sin⎜─────────────⎟
            2⋅   ╱     ⎝  T_period   ⎠
                ╱   ──────────────────
               ╱         2⋅i - 1
              ╱
              ‾‾‾‾‾
              i = 1                      1
            ────────────────────────── + ─
                        π                2

    Surrogate gradient g, used in the backward pass:

        g(x) =

              n - 1
              ____
              ╲
               ╲
                ╲      ⎛π⋅x⋅(4⋅i - 2)⎞
            4⋅  ╱   cos⎜─────────────⎟
               ╱       ⎝  T_period   ⎠
              ╱
              ‾‾‾‾
              i = 1
            ──────────────────────────
                     T_period

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

              n - 1
              _____
              ╲
               ╲
                ╲                   ⎛π⋅x⋅(4⋅i - 2)⎞
                 ╲  -π⋅(4⋅i - 2)⋅sin⎜─────────────⎟
            4⋅   ╱                  ⎝  T_period   ⎠
                ╱   ────────────────────────────────
               ╱                T_period
              ╱
              ‾‾‾‾‾
              i = 1
            ────────────────────────────────────────
                            T_period

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        n: static int, a positive integer (static), default 2. one more than the number of
            Fourier terms.
        T_period: float or array, > 0, default 8.0. period T of the square wave.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import SquarewaveFourierSeries
        >>> spike = SquarewaveFourierSeries()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.4904
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikingjelly__squarewavefourierseries'
    _catalog_name = 'spikingjelly.SquarewaveFourierSeries'
    _params = (Param('n', 2, 'positive_integer', True, 'one more than the number of Fourier terms'), Param('T_period', 8.0, 'positive', False, 'period T of the square wave'),)
    _repr_order = None

    def __init__(
        self, n: int = 2, T_period: float | jax.Array = 8.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(n, T_period, autodiff=autodiff, param_grad=param_grad, precision=precision)


def squarewave_fourier_series_spike(x: jax.Array, n: int = 2, T_period: float | jax.Array = 8.0) -> jax.Array:
    """SpikingJelly SquarewaveFourierSeries: (4/T)·Σ_{i=1}^{n−1} cos((2i−1)2πx/T) (n−1 terms),
        spike at x >= 0.

    The spike function of :class:`SquarewaveFourierSeries` as a function:
        ``SquarewaveFourierSeries(n, T_period)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

              n - 1
              ____
              ╲
               ╲
                ╲      ⎛π⋅x⋅(4⋅i - 2)⎞
            4⋅  ╱   cos⎜─────────────⎟
               ╱       ⎝  T_period   ⎠
              ╱
              ‾‾‾‾
              i = 1
            ──────────────────────────
                     T_period

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        n: static int, a positive integer (static), default 2. one more than the number of
            Fourier terms.
        T_period: float or array, > 0, default 8.0. period T of the square wave.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spikingjelly import squarewave_fourier_series_spike
        >>> squarewave_fourier_series_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(squarewave_fourier_series_spike)(0.25)):.4g}")  # g(0.25)
        0.4904
    """
    return SquarewaveFourierSeries(n, T_period)(x)
