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

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                    2
            ⎪                   α
            ⎪   ───────────────────────────────────     for x < 0
            ⎪        _________ ⎛   _________      ⎞
            ⎪       ╱  2    2  ⎜  ╱  2    2       ⎟
            ⎪   2⋅╲╱  α  + x  ⋅⎝╲╱  α  + x   + │x│⎠
            ⎨
            ⎪                   2
            ⎪                  α
            ⎪- ─────────────────────────────────── + 1  otherwise
            ⎪       _________ ⎛   _________      ⎞
            ⎪      ╱  2    2  ⎜  ╱  2    2       ⎟
            ⎩  2⋅╲╱  α  + x  ⋅⎝╲╱  α  + x   + │x│⎠

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   2
                  α
            ──────────────
                       3/2
              ⎛ 2    2⎞
            2⋅⎝α  + x ⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                   2
               -3⋅α ⋅x
            ──────────────
                       5/2
              ⎛ 2    2⎞
            2⋅⎝α  + x ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        alpha: float or array, > 0, default 1.0. width (a length in units of x); the peak is
            1/(2*alpha).
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
        >>> from symsurrogate import Circ
        >>> spike = Circ()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.4565
    """

    _formulas_name = 'symsurrogate._generated.formulas_circ'
    _catalog_name = 'Circ'
    _params = (Param('alpha', 1.0, 'positive', False, 'width (a length in units of x); the peak is 1/(2*alpha)'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def circ(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Algebraic (circular) surrogate: g = (α²/2)/(α² + x²)^{3/2}, G = ½ + x/(2√(x² + α²)).

    The spike function of :class:`Circ` as a function: ``Circ(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   2
                  α
            ──────────────
                       3/2
              ⎛ 2    2⎞
            2⋅⎝α  + x ⎠

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. width (a length in units of x); the peak is
            1/(2*alpha).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import circ
        >>> circ(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(circ)(0.25)):.4g}")  # g(0.25)
        0.4565
    """
    return Circ(alpha)(x)


class Tanh(Surrogate):
    """Hyperbolic-tangent surrogate: g = (α/2)·sech²(αx), G = (1 + tanh(αx))/2 = σ(2αx).

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            tanh(α⋅x)   1
            ───────── + ─
                2       2

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  2
            α⋅sech (α⋅x)
            ────────────
                 2

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

              2               2
            -α ⋅tanh(α⋅x)⋅sech (α⋅x)

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
        >>> from symsurrogate import Tanh
        >>> spike = Tanh()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.47
    """

    _formulas_name = 'symsurrogate._generated.formulas_tanh'
    _catalog_name = 'Tanh'
    _params = (Param('alpha', 1.0, 'positive', False, 'steepness; the peak is alpha/2'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def tanh(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Hyperbolic-tangent surrogate: g = (α/2)·sech²(αx), G = (1 + tanh(αx))/2 = σ(2αx).

    The spike function of :class:`Tanh` as a function: ``Tanh(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  2
            α⋅sech (α⋅x)
            ────────────
                 2

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 1.0. steepness; the peak is alpha/2.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import tanh
        >>> tanh(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(tanh)(0.25)):.4g}")  # g(0.25)
        0.47
    """
    return Tanh(alpha)(x)


class Rect(Surrogate):
    """Rectangular (boxcar) surrogate: g = α on |x| < 1/(2α), 0 outside.

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
        alpha: float or array, > 0, default 1.0. height; the window is |x| < 1/(2*alpha), so the
            area is 1.
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

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import Rect
        >>> spike = Rect()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_rect'
    _catalog_name = 'Rect'
    _params = (Param('alpha', 1.0, 'positive', False, 'height; the window is |x| < 1/(2*alpha), so the area is 1'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def rect(x: jax.Array, alpha: float | jax.Array = 1.0) -> jax.Array:
    """Rectangular (boxcar) surrogate: g = α on |x| < 1/(2α), 0 outside.

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
        alpha: float or array, > 0, default 1.0. height; the window is |x| < 1/(2*alpha), so the
            area is 1.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import rect
        >>> rect(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(rect)(0.25)):.4g}")  # g(0.25)
        1
    """
    return Rect(alpha)(x)


class StraightThrough(Surrogate):
    """Straight-through estimator: g = 1 everywhere.

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

    References:
        Bengio, Léonard & Courville 2013, Estimating or propagating gradients through stochastic
            neurons for conditional computation, arXiv:1308.3432

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import StraightThrough
        >>> spike = StraightThrough()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_straightthrough'
    _catalog_name = 'StraightThrough'
    _params = ()
    _repr_order = None

    def __init__(
        self, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(autodiff=autodiff, param_grad=param_grad, precision=precision)


def straight_through(x: jax.Array) -> jax.Array:
    """Straight-through estimator: g = 1 everywhere.

    The spike function of :class:`StraightThrough` as a function: ``StraightThrough()(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = 1

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import straight_through
        >>> straight_through(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(straight_through)(0.25)):.4g}")  # g(0.25)
        1
    """
    return StraightThrough()(x)


class FakeNumericalGradient(Surrogate):
    """Fake numerical gradient: g = min(1/|x|, α), the slope of the secant from the origin to the
        step.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                        -1
            ⎪-log(-α⋅x) - 1  for x < ───
            ⎪                         α
            ⎪
            ⎨                         1
            ⎪ log(α⋅x) + 1    for x > ─
            ⎪                         α
            ⎪
            ⎩     α⋅x         otherwise

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
        alpha: float or array, > 0, default 0.3. cap of the gradient near 0.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        SpikingJelly FakeNumericalGradient (no paper)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import FakeNumericalGradient
        >>> spike = FakeNumericalGradient()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.3
    """

    _formulas_name = 'symsurrogate._generated.formulas_fakenumericalgradient'
    _catalog_name = 'FakeNumericalGradient'
    _params = (Param('alpha', 0.3, 'positive', False, 'cap of the gradient near 0'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def fake_numerical_gradient(x: jax.Array, alpha: float | jax.Array = 0.3) -> jax.Array:
    """Fake numerical gradient: g = min(1/|x|, α), the slope of the secant from the origin to the
        step.

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
        alpha: float or array, > 0, default 0.3. cap of the gradient near 0.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import fake_numerical_gradient
        >>> fake_numerical_gradient(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(fake_numerical_gradient)(0.25)):.4g}")  # g(0.25)
        0.3
    """
    return FakeNumericalGradient(alpha)(x)


class SparseFastSigmoid(Surrogate):
    """Sparse fast sigmoid: g = 1/(α|x| + 1)² for x > bound, 0 elsewhere.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧             0               for bound ≥ x
            ⎪
            ⎨      bound           x
            ⎪- ───────────── + ─────────    otherwise
            ⎩  α⋅│bound│ + 1   α⋅│x│ + 1

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧     1
            ⎪────────────  for bound < x
            ⎪           2
            ⎨(α⋅│x│ + 1)
            ⎪
            ⎪     0          otherwise
            ⎩

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            ⎧-2⋅α⋅sign(x)
            ⎪─────────────  for bound < x
            ⎪           3
            ⎨(α⋅│x│ + 1)
            ⎪
            ⎪      0          otherwise
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.

    Args:
        alpha: float or array, > 0, default 25.0. slope, as in InvSquareGrad (snnTorch's slope).
        bound: float or array, any real number, default 1.0. the gradient is zero for x <= bound
            (snnTorch's B).
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
        >>> from symsurrogate import SparseFastSigmoid
        >>> spike = SparseFastSigmoid()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0
    """

    _formulas_name = 'symsurrogate._generated.formulas_sparsefastsigmoid'
    _catalog_name = 'SparseFastSigmoid'
    _params = (Param('alpha', 25.0, 'positive', False, "slope, as in InvSquareGrad (snnTorch's slope)"), Param('bound', 1.0, 'real', False, "the gradient is zero for x <= bound (snnTorch's B)"),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 25.0, bound: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, bound, autodiff=autodiff, param_grad=param_grad, precision=precision)


def sparse_fast_sigmoid(x: jax.Array, alpha: float | jax.Array = 25.0, bound: float | jax.Array = 1.0) -> jax.Array:
    """Sparse fast sigmoid: g = 1/(α|x| + 1)² for x > bound, 0 elsewhere.

    The spike function of :class:`SparseFastSigmoid` as a function: ``SparseFastSigmoid(alpha,
        bound)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧     1
            ⎪────────────  for bound < x
            ⎪           2
            ⎨(α⋅│x│ + 1)
            ⎪
            ⎪     0          otherwise
            ⎩

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 0.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 25.0. slope, as in InvSquareGrad (snnTorch's slope).
        bound: float or array, any real number, default 1.0. the gradient is zero for x <= bound
            (snnTorch's B).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import sparse_fast_sigmoid
        >>> sparse_fast_sigmoid(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(sparse_fast_sigmoid)(0.25)):.4g}")  # g(0.25)
        0
    """
    return SparseFastSigmoid(alpha, bound)(x)


class SpikeRateEscape(Surrogate):
    """Spike-rate escape: g = slope·e^{−β|x − 1|}, a Laplace bump centred at x = 1.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧            β⋅(x - 1)
            ⎪     slope⋅ℯ
            ⎪     ────────────────        for x < 1
            ⎪            β
            ⎨
            ⎪                 -β⋅(x - 1)
            ⎪2⋅slope   slope⋅ℯ
            ⎪─────── - ─────────────────  otherwise
            ⎩   β              β

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   -β⋅│x - 1│
            slope⋅ℯ

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                      -β⋅│x - 1│
            -β⋅slope⋅ℯ          ⋅sign(x - 1)

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 9.197.

    Args:
        beta: float or array, > 0, default 1.0. decay rate of the escape rate away from x = 1.
        slope: float or array, > 0, default 25.0. height of the peak at x = 1.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Gerstner, Kistler, Naud & Paninski 2014, Neuronal Dynamics, Cambridge University Press
            (escape noise)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import SpikeRateEscape
        >>> spike = SpikeRateEscape()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        11.81
    """

    _formulas_name = 'symsurrogate._generated.formulas_spikerateescape'
    _catalog_name = 'SpikeRateEscape'
    _params = (Param('beta', 1.0, 'positive', False, 'decay rate of the escape rate away from x = 1'), Param('slope', 25.0, 'positive', False, 'height of the peak at x = 1'),)
    _repr_order = None

    def __init__(
        self, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(beta, slope, autodiff=autodiff, param_grad=param_grad, precision=precision)


def spike_rate_escape(x: jax.Array, beta: float | jax.Array = 1.0, slope: float | jax.Array = 25.0) -> jax.Array:
    """Spike-rate escape: g = slope·e^{−β|x − 1|}, a Laplace bump centred at x = 1.

    The spike function of :class:`SpikeRateEscape` as a function: ``SpikeRateEscape(beta,
        slope)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   -β⋅│x - 1│
            slope⋅ℯ

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 9.197.

    Args:
        x: the membrane potential minus the threshold (any float array).
        beta: float or array, > 0, default 1.0. decay rate of the escape rate away from x = 1.
        slope: float or array, > 0, default 25.0. height of the peak at x = 1.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import spike_rate_escape
        >>> spike_rate_escape(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike_rate_escape)(0.25)):.4g}")  # g(0.25)
        11.81
    """
    return SpikeRateEscape(beta, slope)(x)


class StepWindow(Surrogate):
    """One-sided window: g = height for x ≥ −window, 0 below.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧         0           for window < -x
            ⎨
            ⎩height⋅(window + x)     otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧  0     for window < -x
            ⎨
            ⎩height     otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        window: float or array, > 0, default 1.0. how far below the threshold the gradient
            starts.
        height: float or array, > 0, default 1.0. gradient value inside the window (sinabs:
            1/threshold).
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        sinabs Heaviside surrogate; rockpool StepPWL (no paper)

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import StepWindow
        >>> spike = StepWindow()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_stepwindow'
    _catalog_name = 'StepWindow'
    _params = (Param('window', 1.0, 'positive', False, 'how far below the threshold the gradient starts'), Param('height', 1.0, 'positive', False, 'gradient value inside the window (sinabs: 1/threshold)'),)
    _repr_order = None

    def __init__(
        self, window: float | jax.Array = 1.0, height: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(window, height, autodiff=autodiff, param_grad=param_grad, precision=precision)


def step_window(x: jax.Array, window: float | jax.Array = 1.0, height: float | jax.Array = 1.0) -> jax.Array:
    """One-sided window: g = height for x ≥ −window, 0 below.

    The spike function of :class:`StepWindow` as a function: ``StepWindow(window, height)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧  0     for window < -x
            ⎨
            ⎩height     otherwise

    Convention at 0: H(0) = 1 (a spike where x ≥ 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        window: float or array, > 0, default 1.0. how far below the threshold the gradient
            starts.
        height: float or array, > 0, default 1.0. gradient value inside the window (sinabs:
            1/threshold).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate import step_window
        >>> step_window(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 1., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(step_window)(0.25)):.4g}")  # g(0.25)
        1
    """
    return StepWindow(window, height)(x)
