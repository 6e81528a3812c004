"""Generated from catalog/presets/spyx.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'superspike',
    'superspike_spike',
    'arctan',
    'arctan_spike',
    'tanh',
    'tanh_spike',
    'triangular',
    'triangular_spike',
    'boxcar',
    'boxcar_spike',
    'abs_linear',
    'abs_linear_spike',
]


class superspike(Surrogate):
    """spyx superspike: 1/(1+k|x|)², spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧     -1
            ⎪   ────────     for x < 0
            ⎪    2
            ⎪   k ⋅x - k
            ⎨
            ⎪     1       2
            ⎪- ──────── + ─  otherwise
            ⎪   2         k
            ⎩  k ⋅x + k

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 1
            ────────────
                       2
            (k⋅│x│ + 1)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            -2⋅k⋅sign(x)
            ─────────────
                       3
            (k⋅│x│ + 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        k: float or array, > 0, default 25.0. steepness.
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
        >>> from symsurrogate.presets.spyx import superspike
        >>> spike = superspike()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.01902
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__superspike'
    _catalog_name = 'spyx.superspike'
    _params = (Param('k', 25.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 25.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def superspike_spike(x: jax.Array, k: float | jax.Array = 25.0) -> jax.Array:
    """spyx superspike: 1/(1+k|x|)², spike at x > 0.

    The spike function of :class:`superspike` as a function: ``superspike(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 1
            ────────────
                       2
            (k⋅│x│ + 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 25.0. steepness.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import superspike_spike
        >>> superspike_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(superspike_spike)(0.25)):.4g}")  # g(0.25)
        0.01902
    """
    return superspike(k)(x)


class arctan(Surrogate):
    """spyx arctan: (1/π)/(1+(kπx)²) (peak 1/π, area 1/(πk)), spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            atan(π⋅k⋅x)     1
            ─────────── + ─────
                2         2⋅π⋅k
               π ⋅k

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   1
            ────────────────
              ⎛ 2  2  2    ⎞
            π⋅⎝π ⋅k ⋅x  + 1⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                    2
              -2⋅π⋅k ⋅x
            ───────────────
                          2
            ⎛ 2  2  2    ⎞
            ⎝π ⋅k ⋅x  + 1⎠

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.3183.

    Args:
        k: float or array, > 0, default 2.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import arctan
        >>> spike = arctan()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.0918
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__arctan'
    _catalog_name = 'spyx.arctan'
    _params = (Param('k', 2.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def arctan_spike(x: jax.Array, k: float | jax.Array = 2.0) -> jax.Array:
    """spyx arctan: (1/π)/(1+(kπx)²) (peak 1/π, area 1/(πk)), spike at x > 0.

    The spike function of :class:`arctan` as a function: ``arctan(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                   1
            ────────────────
              ⎛ 2  2  2    ⎞
            π⋅⎝π ⋅k ⋅x  + 1⎠

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.3183.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 2.0. steepness.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import arctan_spike
        >>> arctan_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(arctan_spike)(0.25)):.4g}")  # g(0.25)
        0.0918
    """
    return arctan(k)(x)


class tanh(Surrogate):
    """spyx tanh: 4/(e^(−kx)+e^(kx))² = sech²(kx), spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                 2⋅k⋅x
              2⋅ℯ
            ────────────
               2⋅k⋅x
            k⋅ℯ      + k

    Surrogate gradient g, used in the backward pass:

        g(x) =

                1
            ──────────
                2
            cosh (k⋅x)

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

            -2⋅k⋅sinh(k⋅x)
            ───────────────
                  3
              cosh (k⋅x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        k: float or array, > 0, default 1.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import tanh
        >>> spike = tanh()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.94
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__tanh'
    _catalog_name = 'spyx.tanh'
    _params = (Param('k', 1.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 1.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def tanh_spike(x: jax.Array, k: float | jax.Array = 1.0) -> jax.Array:
    """spyx tanh: 4/(e^(−kx)+e^(kx))² = sech²(kx), spike at x > 0.

    The spike function of :class:`tanh` as a function: ``tanh(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                1
            ──────────
                2
            cosh (k⋅x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 1.0. steepness.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import tanh_spike
        >>> tanh_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(tanh_spike)(0.25)):.4g}")  # g(0.25)
        0.94
    """
    return tanh(k)(x)


class triangular(Surrogate):
    """spyx triangular: max(0, 1−|kx|), a triangle of height 1 and half-width 1/k, spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                          -1
            ⎪       0          for x ≤ ───
            ⎪                           k
            ⎪
            ⎪    2
            ⎪ k⋅x         1
            ⎪ ──── + x + ───    for x < 0
            ⎪  2         2⋅k
            ⎨
            ⎪     2
            ⎪  k⋅x         1            1
            ⎪- ──── + x + ───   for x ≤ ─
            ⎪   2         2⋅k           k
            ⎪
            ⎪       1
            ⎪       ─           otherwise
            ⎩       k

    Surrogate gradient g, used in the backward pass:

        g(x) = Max(0, -k*Abs(x) + 1)

    Its derivative g' (what second-order autodiff sees):

        g'(x) = -k⋅θ(-k⋅│x│ + 1)⋅sign(x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        k: float or array, > 0, default 2.0. inverse half-width.
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
        >>> from symsurrogate.presets.spyx import triangular
        >>> spike = triangular()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__triangular'
    _catalog_name = 'spyx.triangular'
    _params = (Param('k', 2.0, 'positive', False, 'inverse half-width'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 2.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def triangular_spike(x: jax.Array, k: float | jax.Array = 2.0) -> jax.Array:
    """spyx triangular: max(0, 1−|kx|), a triangle of height 1 and half-width 1/k, spike at x > 0.

    The spike function of :class:`triangular` as a function: ``triangular(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = Max(0, -k*Abs(x) + 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 2.0. inverse half-width.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import triangular_spike
        >>> triangular_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(triangular_spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """
    return triangular(k)(x)


class boxcar(Surrogate):
    """spyx boxcar: height where |x| < width/2, else 0, spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                                    -width
            ⎪           0                for x ≤ ───────
            ⎪                                       2
            ⎪
            ⎨height⋅width                             width
            ⎪──────────── + height⋅x  for x ≤ 0 ∨ x < ─────
            ⎪     2                                     2
            ⎪
            ⎩     height⋅width              otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧                  width
            ⎪height  for │x│ < ─────
            ⎨                    2
            ⎪
            ⎩  0        otherwise

    Its derivative g' (what second-order autodiff sees):

        g'(x) = 0

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.5.

    Args:
        width: float or array, > 0, default 2.0. total width of the window, centred on 0.
        height: float or array, > 0, default 0.5. gradient inside the window.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import boxcar
        >>> spike = boxcar()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__boxcar'
    _catalog_name = 'spyx.boxcar'
    _params = (Param('width', 2.0, 'positive', False, 'total width of the window, centred on 0'), Param('height', 0.5, 'positive', False, 'gradient inside the window'),)
    _repr_order = None

    def __init__(
        self, width: float | jax.Array = 2.0, height: float | jax.Array = 0.5, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(width, height, autodiff=autodiff, param_grad=param_grad, precision=precision)


def boxcar_spike(x: jax.Array, width: float | jax.Array = 2.0, height: float | jax.Array = 0.5) -> jax.Array:
    """spyx boxcar: height where |x| < width/2, else 0, spike at x > 0.

    The spike function of :class:`boxcar` as a function: ``boxcar(width, height)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

            ⎧                  width
            ⎪height  for │x│ < ─────
            ⎨                    2
            ⎪
            ⎩  0        otherwise

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.5.

    Args:
        x: the membrane potential minus the threshold (any float array).
        width: float or array, > 0, default 2.0. total width of the window, centred on 0.
        height: float or array, > 0, default 0.5. gradient inside the window.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import boxcar_spike
        >>> boxcar_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(boxcar_spike)(0.25)):.4g}")  # g(0.25)
        0.5
    """
    return boxcar(width, height)(x)


class abs_linear(Surrogate):
    """spyx abs_linear (Bellec et al.'s LSNN pseudo-derivative): dampening_factor·max(1−|x|, 0),
        spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧                              0                                for x ≤ -1
            ⎪
            ⎪                   2
            ⎪ dampening_factor⋅x                         dampening_factor
            ⎪ ─────────────────── + dampening_factor⋅x + ────────────────   for x < 0
            ⎪          2                                        2
            ⎨
            ⎪                    2
            ⎪  dampening_factor⋅x                         dampening_factor
            ⎪- ─────────────────── + dampening_factor⋅x + ────────────────  for x ≤ 1
            ⎪           2                                        2
            ⎪
            ⎩                      dampening_factor                         otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) = dampening_factor⋅Max(0, 1 - Abs(x))

    Its derivative g' (what second-order autodiff sees):

        g'(x) = -dampening_factor⋅θ(1 - │x│)⋅sign(x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.3.

    Args:
        dampening_factor: float or array, > 0, default 0.3. height of the triangle.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Bellec et al. 2018, Long short-term memory and learning-to-learn in networks of spiking
            neurons, NeurIPS

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import abs_linear
        >>> spike = abs_linear()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.225
    """

    _formulas_name = 'symsurrogate._generated.formulas_spyx__abs_linear'
    _catalog_name = 'spyx.abs_linear'
    _params = (Param('dampening_factor', 0.3, 'positive', False, 'height of the triangle'),)
    _repr_order = None

    def __init__(
        self, dampening_factor: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(dampening_factor, autodiff=autodiff, param_grad=param_grad, precision=precision)


def abs_linear_spike(x: jax.Array, dampening_factor: float | jax.Array = 0.3) -> jax.Array:
    """spyx abs_linear (Bellec et al.'s LSNN pseudo-derivative): dampening_factor·max(1−|x|, 0),
        spike at x > 0.

    The spike function of :class:`abs_linear` as a function:
        ``abs_linear(dampening_factor)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = dampening_factor⋅Max(0, 1 - Abs(x))

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.3.

    Args:
        x: the membrane potential minus the threshold (any float array).
        dampening_factor: float or array, > 0, default 0.3. height of the triangle.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.spyx import abs_linear_spike
        >>> abs_linear_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(abs_linear_spike)(0.25)):.4g}")  # g(0.25)
        0.225
    """
    return abs_linear(dampening_factor)(x)
