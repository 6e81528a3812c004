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

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

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
        >>> from symsurrogate.presets.snntorch import atan
        >>> spike = atan()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.6185
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__atan'
    _catalog_name = 'snntorch.atan'
    _params = (Param('alpha', 2.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def atan_spike(x: jax.Array, alpha: float | jax.Array = 2.0) -> jax.Array:
    """snnTorch atan: the arc-tangent surrogate (α/2)/(1+(παx/2)²), spike at x > 0.

    The spike function of :class:`atan` as a function: ``atan(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   α
            ────────────────
              ⎛ 2  2  2    ⎞
              ⎜π ⋅α ⋅x     ⎟
            2⋅⎜──────── + 1⎟
              ⎝   4        ⎠

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 2.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import atan_spike
        >>> atan_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(atan_spike)(0.25)):.4g}")  # g(0.25)
        0.6185
    """
    return atan(alpha)(x)


class fast_sigmoid(Surrogate):
    """snnTorch fast_sigmoid: SuperSpike's 1/(slope·|x|+1)², spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧           -1
            ⎪     ────────────────       for x < 0
            ⎪          2
            ⎪     slope ⋅x - slope
            ⎨
            ⎪         1             2
            ⎪- ──────────────── + ─────  otherwise
            ⎪       2             slope
            ⎩  slope ⋅x + slope

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   1
            ────────────────
                           2
            (slope⋅│x│ + 1)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            -2⋅slope⋅sign(x)
            ─────────────────
                           3
            (slope⋅│x│ + 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        slope: float or array, > 0, default 25.0. steepness k of the fast sigmoid.
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
        >>> from symsurrogate.presets.snntorch import fast_sigmoid
        >>> spike = fast_sigmoid()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.01902
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__fast_sigmoid'
    _catalog_name = 'snntorch.fast_sigmoid'
    _params = (Param('slope', 25.0, 'positive', False, 'steepness k of the fast sigmoid'),)
    _repr_order = None

    def __init__(
        self, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(slope, autodiff=autodiff, param_grad=param_grad, precision=precision)


def fast_sigmoid_spike(x: jax.Array, slope: float | jax.Array = 25.0) -> jax.Array:
    """snnTorch fast_sigmoid: SuperSpike's 1/(slope·|x|+1)², spike at x > 0.

    The spike function of :class:`fast_sigmoid` as a function: ``fast_sigmoid(slope)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   1
            ────────────────
                           2
            (slope⋅│x│ + 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        slope: float or array, > 0, default 25.0. steepness k of the fast sigmoid.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import fast_sigmoid_spike
        >>> fast_sigmoid_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(fast_sigmoid_spike)(0.25)):.4g}")  # g(0.25)
        0.01902
    """
    return fast_sigmoid(slope)(x)


class sigmoid(Surrogate):
    """snnTorch sigmoid: the logistic derivative slope·σ(slope·x)(1−σ(slope·x)), spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) = σ(slope⋅x)

    Surrogate gradient g, used in the backward pass:

        g(x) = slope⋅(1 - σ(slope⋅x))⋅σ(slope⋅x)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                 2
            slope ⋅(σ(slope⋅x) - 1)⋅(2⋅σ(slope⋅x) - 1)⋅σ(slope⋅x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 6.25.

    Args:
        slope: float or array, > 0, default 25.0. steepness k; the peak is slope/4.
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
        >>> from symsurrogate.presets.snntorch import sigmoid
        >>> spike = sigmoid()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.04808
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__sigmoid'
    _catalog_name = 'snntorch.sigmoid'
    _params = (Param('slope', 25.0, 'positive', False, 'steepness k; the peak is slope/4'),)
    _repr_order = None

    def __init__(
        self, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(slope, autodiff=autodiff, param_grad=param_grad, precision=precision)


def sigmoid_spike(x: jax.Array, slope: float | jax.Array = 25.0) -> jax.Array:
    """snnTorch sigmoid: the logistic derivative slope·σ(slope·x)(1−σ(slope·x)), spike at x > 0.

    The spike function of :class:`sigmoid` as a function: ``sigmoid(slope)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = slope⋅(1 - σ(slope⋅x))⋅σ(slope⋅x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 6.25.

    Args:
        x: the membrane potential minus the threshold (any float array).
        slope: float or array, > 0, default 25.0. steepness k; the peak is slope/4.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import sigmoid_spike
        >>> sigmoid_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(sigmoid_spike)(0.25)):.4g}")  # g(0.25)
        0.04808
    """
    return sigmoid(slope)(x)


class triangular(Surrogate):
    """snnTorch triangular: +threshold below 0 and −threshold from 0 up (as its code does), spike
        at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧threshold⋅x   for x < 0
            ⎨
            ⎩-threshold⋅x  otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧threshold   for x < 0
            ⎨
            ⎩-threshold  otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = -1.

    Args:
        threshold: float or array, any real number, default 1.0. gradient magnitude (snnTorch's
            U_thr).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import triangular
        >>> spike = triangular()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        -1
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__triangular'
    _catalog_name = 'snntorch.triangular'
    _params = (Param('threshold', 1.0, 'real', False, "gradient magnitude (snnTorch's U_thr)"),)
    _repr_order = None

    def __init__(
        self, threshold: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(threshold, autodiff=autodiff, param_grad=param_grad, precision=precision)


def triangular_spike(x: jax.Array, threshold: float | jax.Array = 1.0) -> jax.Array:
    """snnTorch triangular: +threshold below 0 and −threshold from 0 up (as its code does), spike
        at x > 0.

    The spike function of :class:`triangular` as a function: ``triangular(threshold)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧threshold   for x < 0
            ⎨
            ⎩-threshold  otherwise

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = -1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        threshold: float or array, any real number, default 1.0. gradient magnitude (snnTorch's
            U_thr).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import triangular_spike
        >>> triangular_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(triangular_spike)(0.25)):.4g}")  # g(0.25)
        -1
    """
    return triangular(threshold)(x)


class spike_rate_escape(Surrogate):
    """snnTorch spike_rate_escape: slope·e^(−β|x−1|), a Boltzmann escape rate peaking at x = 1,
        spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧          -β⋅│x - 1│
            ⎪   slope⋅ℯ
            ⎪   ─────────────────     for x < 1
            ⎪           β
            ⎨
            ⎪      ⎛     -β⋅│x - 1│⎞
            ⎪slope⋅⎝2 - ℯ          ⎠
            ⎪───────────────────────  otherwise
            ⎩           β

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   -β⋅│x - 1│
            slope⋅ℯ

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                      -β⋅│x - 1│
            -β⋅slope⋅ℯ          ⋅sign(x - 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 9.197.

    Args:
        beta: float or array, > 0, default 1.0. decay rate of the escape rate.
        slope: float or array, > 0, default 25.0. height of the escape rate.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Gerstner & Kistler 2002, Spiking Neuron Models, Cambridge University Press

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import spike_rate_escape
        >>> spike = spike_rate_escape()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        11.81
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__spike_rate_escape'
    _catalog_name = 'snntorch.spike_rate_escape'
    _params = (Param('beta', 1.0, 'positive', False, 'decay rate of the escape rate'), Param('slope', 25.0, 'positive', False, 'height of the escape rate'),)
    _repr_order = None

    def __init__(
        self, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(beta, slope, autodiff=autodiff, param_grad=param_grad, precision=precision)


def spike_rate_escape_spike(x: jax.Array, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0) -> jax.Array:
    """snnTorch spike_rate_escape: slope·e^(−β|x−1|), a Boltzmann escape rate peaking at x = 1,
        spike at x > 0.

    The spike function of :class:`spike_rate_escape` as a function: ``spike_rate_escape(beta,
        slope)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   -β⋅│x - 1│
            slope⋅ℯ

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 9.197.

    Args:
        x: the membrane potential minus the threshold (any float array).
        beta: float or array, > 0, default 1.0. decay rate of the escape rate.
        slope: float or array, > 0, default 25.0. height of the escape rate.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import spike_rate_escape_spike
        >>> spike_rate_escape_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike_rate_escape_spike)(0.25)):.4g}")  # g(0.25)
        11.81
    """
    return spike_rate_escape(beta, slope)(x)


class SFS(Surrogate):
    """snnTorch SFS (sparse fast sigmoid): 1/(slope·|x|+1)² where x > B, else 0, spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) = Piecewise((0, B >= x), (-1/(slope**2*x - slope) + 1/(B*slope**2 - slope), x <
            Max(0, B)), (1/(slope**2*Max(0, B) + slope) - 1/(slope**2*Max(0, B) - slope) -
            1/(slope**2*x + slope) + 1/(B*slope**2 - slope), True))

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧       1
            ⎪────────────────  for B < x
            ⎪               2
            ⎨(slope⋅│x│ + 1)
            ⎪
            ⎪       0          otherwise
            ⎩

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧-2⋅slope⋅sign(x)
            ⎪─────────────────  for B < x
            ⎪               3
            ⎨(slope⋅│x│ + 1)
            ⎪
            ⎪        0          otherwise
            ⎩

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.

    Args:
        slope: float or array, > 0, default 25.0. steepness k of the fast sigmoid.
        B: float or array, any real number, default 1.0. sparsity threshold: no gradient at or
            below B.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Perez-Nieves & Goodman 2021, Sparse spiking gradient descent, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import SFS
        >>> spike = SFS()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__sfs'
    _catalog_name = 'snntorch.SFS'
    _params = (Param('slope', 25.0, 'positive', False, 'steepness k of the fast sigmoid'), Param('B', 1.0, 'real', False, 'sparsity threshold: no gradient at or below B'),)
    _repr_order = None

    def __init__(
        self, slope: float | jax.Array = 25.0, B: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(slope, B, autodiff=autodiff, param_grad=param_grad, precision=precision)


def sfs_spike(x: jax.Array, slope: float | jax.Array = 25.0, B: float | jax.Array = 1.0) -> jax.Array:
    """snnTorch SFS (sparse fast sigmoid): 1/(slope·|x|+1)² where x > B, else 0, spike at x > 0.

    The spike function of :class:`SFS` as a function: ``SFS(slope, B)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧       1
            ⎪────────────────  for B < x
            ⎪               2
            ⎨(slope⋅│x│ + 1)
            ⎪
            ⎪       0          otherwise
            ⎩

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.

    Args:
        x: the membrane potential minus the threshold (any float array).
        slope: float or array, > 0, default 25.0. steepness k of the fast sigmoid.
        B: float or array, any real number, default 1.0. sparsity threshold: no gradient at or
            below B.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import sfs_spike
        >>> sfs_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(sfs_spike)(0.25)):.4g}")  # g(0.25)
        0
    """
    return SFS(slope, B)(x)


class straight_through_estimator(Surrogate):
    """snnTorch straight_through_estimator: the gradient passes unchanged (g = 1), spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) = x

    Surrogate gradient g, used in the backward pass:

        g(x) = 1

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import straight_through_estimator
        >>> spike = straight_through_estimator()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_snntorch__straight_through_estimator'
    _catalog_name = 'snntorch.straight_through_estimator'
    _params = ()
    _repr_order = None

    def __init__(
        self, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(autodiff=autodiff, param_grad=param_grad, precision=precision)


def straight_through_estimator_spike(x: jax.Array) -> jax.Array:
    """snnTorch straight_through_estimator: the gradient passes unchanged (g = 1), spike at x > 0.

    The spike function of :class:`straight_through_estimator` as a function:
        ``straight_through_estimator()(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = 1

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.snntorch import straight_through_estimator_spike
        >>> straight_through_estimator_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(straight_through_estimator_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return straight_through_estimator()(x)
