"""Generated from catalog/presets/norse.toml. Do not edit: run `symsurrogate generate`."""

import jax

from symsurrogate._params import Param
from symsurrogate._runtime import Surrogate

__all__ = [
    'super_fn',
    'super_fn_spike',
    'triangle_fn',
    'triangle_fn_spike',
    'heavi_tanh_fn',
    'heavi_tanh_fn_spike',
    'heavi_circ_fn',
    'heavi_circ_fn_spike',
    'heavi_erfc_fn',
    'heavi_erfc_fn_spike',
]


class super_fn(Surrogate):
    """Norse super_fn: SuperSpike's 1/(α|x|+1)², spike at x > 0.

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

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        alpha: float or array, > 0, default 100.0. steepness (SuperSpike's beta).
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
        >>> from symsurrogate.presets.norse import super_fn
        >>> spike = super_fn()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.001479
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__super_fn'
    _catalog_name = 'norse.super_fn'
    _params = (Param('alpha', 100.0, 'positive', False, "steepness (SuperSpike's beta)"),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def super_fn_spike(x: jax.Array, alpha: float | jax.Array = 100.0) -> jax.Array:
    """Norse super_fn: SuperSpike's 1/(α|x|+1)², spike at x > 0.

    The spike function of :class:`super_fn` as a function: ``super_fn(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 1
            ────────────
                       2
            (α⋅│x│ + 1)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 100.0. steepness (SuperSpike's beta).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import super_fn_spike
        >>> super_fn_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(super_fn_spike)(0.25)):.4g}")  # g(0.25)
        0.001479
    """
    return super_fn(alpha)(x)


class triangle_fn(Surrogate):
    """Norse triangle_fn: α·max(1−|x|, 0), a triangle of height α and half-width 1, spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            ⎧       0          for x ≤ -1
            ⎪
            ⎪    2
            ⎪ α⋅x          α
            ⎪ ──── + α⋅x + ─   for x < 0
            ⎪  2           2
            ⎨
            ⎪     2
            ⎪  α⋅x          α
            ⎪- ──── + α⋅x + ─  for x ≤ 1
            ⎪   2           2
            ⎪
            ⎩       α          otherwise

    Surrogate gradient g, used in the backward pass:

        g(x) = α⋅Max(0, 1 - Abs(x))

    Its derivative g' (what second-order autodiff sees):

        g'(x) = -α⋅θ(1 - │x│)⋅sign(x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.3.

    Args:
        alpha: float or array, > 0, default 0.3. height of the triangle.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    References:
        Esser et al. 2016, Convolutional networks for fast, energy-efficient neuromorphic
            computing, PNAS 113(41)
        Bellec et al. 2020, A solution to the learning dilemma for recurrent networks of spiking
            neurons, Nature Communications 11

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import triangle_fn
        >>> spike = triangle_fn()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        0.225
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__triangle_fn'
    _catalog_name = 'norse.triangle_fn'
    _params = (Param('alpha', 0.3, 'positive', False, 'height of the triangle'),)
    _repr_order = None

    def __init__(
        self, alpha: float | jax.Array = 0.3, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(alpha, autodiff=autodiff, param_grad=param_grad, precision=precision)


def triangle_fn_spike(x: jax.Array, alpha: float | jax.Array = 0.3) -> jax.Array:
    """Norse triangle_fn: α·max(1−|x|, 0), a triangle of height α and half-width 1, spike at x > 0.

    The spike function of :class:`triangle_fn` as a function: ``triangle_fn(alpha)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) = α⋅Max(0, 1 - Abs(x))

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 0.3.

    Args:
        x: the membrane potential minus the threshold (any float array).
        alpha: float or array, > 0, default 0.3. height of the triangle.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import triangle_fn_spike
        >>> triangle_fn_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(triangle_fn_spike)(0.25)):.4g}")  # g(0.25)
        0.225
    """
    return triangle_fn(alpha)(x)


class heavi_tanh_fn(Surrogate):
    """Norse heavi_tanh_fn: 1 − tanh²(kx) = sech²(kx) (peak 1, area 2/k), spike at x > 0.

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
        k: float or array, > 0, default 100.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_tanh_fn
        >>> spike = heavi_tanh_fn()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.01)):.4g}")  # g(0.01)
        0.42
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__heavi_tanh_fn'
    _catalog_name = 'norse.heavi_tanh_fn'
    _params = (Param('k', 100.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def heavi_tanh_fn_spike(x: jax.Array, k: float | jax.Array = 100.0) -> jax.Array:
    """Norse heavi_tanh_fn: 1 − tanh²(kx) = sech²(kx) (peak 1, area 2/k), spike at x > 0.

    The spike function of :class:`heavi_tanh_fn` as a function: ``heavi_tanh_fn(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                1
            ──────────
                2
            cosh (k⋅x)

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 100.0. steepness.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_tanh_fn_spike
        >>> heavi_tanh_fn_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(heavi_tanh_fn_spike)(0.01)):.4g}")  # g(0.01)
        0.42
    """
    return heavi_tanh_fn(k)(x)


class heavi_circ_fn(Surrogate):
    """Norse heavi_circ_fn: k³/(k²+x²)^(3/2), the algebraic (circle) surrogate with peak 1, spike
        at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

                k⋅x
            ──────────── + k
               _________
              ╱  2    2
            ╲╱  k  + x

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  3
                 k
            ────────────
                     3/2
            ⎛ 2    2⎞
            ⎝k  + x ⎠

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                  3
              -3⋅k ⋅x
            ────────────
                     5/2
            ⎛ 2    2⎞
            ⎝k  + x ⎠

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        k: float or array, > 0, default 100.0. width of the algebraic step.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_circ_fn
        >>> spike = heavi_circ_fn()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.25)):.4g}")  # g(0.25)
        1
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__heavi_circ_fn'
    _catalog_name = 'norse.heavi_circ_fn'
    _params = (Param('k', 100.0, 'positive', False, 'width of the algebraic step'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def heavi_circ_fn_spike(x: jax.Array, k: float | jax.Array = 100.0) -> jax.Array:
    """Norse heavi_circ_fn: k³/(k²+x²)^(3/2), the algebraic (circle) surrogate with peak 1, spike
        at x > 0.

    The spike function of :class:`heavi_circ_fn` as a function: ``heavi_circ_fn(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                  3
                 k
            ────────────
                     3/2
            ⎛ 2    2⎞
            ⎝k  + x ⎠

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 100.0. width of the algebraic step.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_circ_fn_spike
        >>> heavi_circ_fn_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(heavi_circ_fn_spike)(0.25)):.4g}")  # g(0.25)
        1
    """
    return heavi_circ_fn(k)(x)


class heavi_erfc_fn(Surrogate):
    """Norse heavi_erfc_fn: (2/√π)·e^(−k²x²) (peak 2/√π, area 2/k), spike at x > 0.

    Soft step (primitive) G, whose derivative is g:

        G(x) =

            erf(k⋅x)   1
            ──────── + ─
               k       k

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 2  2
               -k ⋅x
            2⋅ℯ
            ─────────
               √π

    Its derivative g' (what second-order autodiff sees):

        g'(x) =

                       2  2
                2    -k ⋅x
            -4⋅k ⋅x⋅ℯ
            ────────────────
                   √π

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.128.

    Args:
        k: float or array, > 0, default 100.0. steepness.
        autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).
        param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),
            'primitive' (ct·∂G/∂θ) or 'zero'.
        precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or
            'fast' (plain exponent arguments: braintools' arithmetic and speed).

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_erfc_fn
        >>> spike = heavi_erfc_fn()
        >>> spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(spike)(0.01)):.4g}")  # g(0.01)
        0.4151
    """

    _formulas_name = 'symsurrogate._generated.formulas_norse__heavi_erfc_fn'
    _catalog_name = 'norse.heavi_erfc_fn'
    _params = (Param('k', 100.0, 'positive', False, 'steepness'),)
    _repr_order = None

    def __init__(
        self, k: float | jax.Array = 100.0, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__(k, autodiff=autodiff, param_grad=param_grad, precision=precision)


def heavi_erfc_fn_spike(x: jax.Array, k: float | jax.Array = 100.0) -> jax.Array:
    """Norse heavi_erfc_fn: (2/√π)·e^(−k²x²) (peak 2/√π, area 2/k), spike at x > 0.

    The spike function of :class:`heavi_erfc_fn` as a function: ``heavi_erfc_fn(k)(x)``.

    Surrogate gradient g, used in the backward pass:

        g(x) =

                 2  2
               -k ⋅x
            2⋅ℯ
            ─────────
               √π

    Convention at 0: H(0) = 0 (a spike where x > 0); at the default parameters g(0) = 1.128.

    Args:
        x: the membrane potential minus the threshold (any float array).
        k: float or array, > 0, default 100.0. steepness.

    Example:

        >>> import jax
        >>> import jax.numpy as jnp
        >>> from symsurrogate.presets.norse import heavi_erfc_fn_spike
        >>> heavi_erfc_fn_spike(jnp.array([-1.0, 0.0, 1.0]))
        Array([0., 0., 1.], dtype=float32)
        >>> print(f"{float(jax.grad(heavi_erfc_fn_spike)(0.01)):.4g}")  # g(0.01)
        0.4151
    """
    return heavi_erfc_fn(k)(x)
