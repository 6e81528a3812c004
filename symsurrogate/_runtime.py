"""The runtime every surrogate class plugs into. Imports JAX only, never SymPy."""

from __future__ import annotations

import functools
import importlib
import numbers
from collections.abc import Callable
from types import ModuleType
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
import numpy as np
from jax.custom_derivatives import CustomVJPPrimal, SymbolicZero

from ._errors import NoPrimitiveError
from ._hooks import symbolic_hooks
from ._jaxops import _compute_dtype, _compute_input
from ._params import Param

AUTODIFF_MODES = ("vjp", "jvp")
USER_MODULE = "symsurrogate.user"  # the __module__ of classes defined at run time from formulas
PARAM_GRAD_MODES = ("grad", "primitive", "zero")
# "accurate": exponent arguments in double-float (≤ 8 ULP); "fast": plain exponent arguments,
# braintools' arithmetic at its speed (≤ 8 ULP plus the rounding of the argument, see
# _verify._numerics). Every rewrite against overflow, NaN and cancellation is in both.
PRECISION_MODES = ("accurate", "fast")


def formula(formulas: ModuleType, name: str, precision: str) -> Callable[..., jax.Array] | None:
    """``formulas.grad`` or ``formulas.primitive`` (``name``) in ``precision``: the ``_fast``
    variant where the module has one (only where it differs), else the one function."""
    if precision == "fast" and hasattr(formulas, f"{name}_fast"):
        return getattr(formulas, f"{name}_fast")
    return getattr(formulas, name, None)


@functools.cache
def spike_function(
    formulas: ModuleType, autodiff: str, param_grad: str, precision: str = "accurate", clip: bool = True
) -> Callable[..., jax.Array]:
    """Build the spike function ``f(x, *params)`` over a generated formulas module.

    Args:
        formulas: a module from :func:`codegen` (``grad``, optionally ``primitive``, ``PARAMS``,
            ``STATIC``, ``STRICT``).
        autodiff: ``"vjp"`` (``jax.custom_vjp``: reverse mode) or ``"jvp"`` (``jax.custom_jvp``:
            forward and reverse mode, ``jacfwd``, ``hessian``).
        param_grad: what a traced parameter θ receives: ``"grad"`` gives ``ct · ∂g/∂θ``
            (braintools' convention), ``"primitive"`` gives ``ct · ∂G/∂θ`` (as if the forward
            were the soft step G), ``"zero"`` gives 0 (the true derivative of a step).
        precision: ``"accurate"`` or ``"fast"`` (see ``PRECISION_MODES``).
        clip: whether g reads ±inf as ±max (see ``_compute_input``); False only where
            :func:`grad_needs_clip` says the code of g is already right at ±inf. ∂g/∂θ always
            clips: its chain rule can meet ∞·0 where g does not.
    """
    names = formulas.PARAMS
    static = tuple(i + 1 for i, name in enumerate(names) if name in formulas.STATIC)
    traced_index = [i for i, name in enumerate(names) if name not in formulas.STATIC]
    strict = formulas.STRICT
    grad = formula(formulas, "grad", precision)
    param_source = None  # param_grad="zero"
    if param_grad == "grad":
        param_source = grad
    elif param_grad == "primitive":  # only then: a run-time class finds its primitive on first use
        param_source = formula(formulas, "primitive", precision)

    def forward(x: jax.Array) -> jax.Array:
        return (x > 0 if strict else x >= 0).astype(x.dtype)

    def split(args: tuple) -> tuple[list, list]:
        """(static values, traced values) from the parameter arguments."""
        return [args[i - 1] for i in static], [args[i] for i in traced_index]

    def call(fn: Callable, x: jax.Array, static_values: list, traced_values: list, clipped: bool = True) -> jax.Array:
        dtype = _compute_dtype(x)
        values = iter(static_values)
        traced = iter(traced_values)
        full = [next(values) if name in formulas.STATIC else jnp.asarray(next(traced), dtype) for name in names]
        return fn(_compute_input(x) if clipped else x.astype(dtype), *full)

    def of_moving(x: jax.Array, static_values: list, traced_values: list, moving: list | tuple) -> Callable:
        """The source of a parameter gradient as a function of the parameters at ``moving`` alone."""

        def of(*moved: jax.Array) -> jax.Array:
            values = list(traced_values)
            for i, value in zip(moving, moved, strict=True):
                values[i] = value
            return call(param_source, x, static_values, values)

        return of

    def derivatives(
        x: jax.Array, static_values: list, traced_values: list, moving: tuple[int, ...]
    ) -> tuple[jax.Array, Callable]:
        """g, and the pullback to the parameters at the positions ``moving`` (those differentiated)."""
        g = call(grad, x, static_values, traced_values, clipped=clip)
        if param_source is None or not moving:
            return g, lambda ct: [jnp.zeros_like(jnp.asarray(traced_values[i])) for i in moving]
        of = of_moving(x, static_values, traced_values, moving)
        _, pullback = jax.vjp(of, *(traced_values[i] for i in moving))
        # The same per element of x (each parameter broadcast to x's shape), so that an element
        # whose ∂g/∂θ overflowed can be repaired (see _finite_tail) before the sum over x.
        spread = [jnp.broadcast_to(jnp.asarray(traced_values[i], g.dtype), x.shape) for i in moving]
        _, pullback_per_element = jax.vjp(of, *spread)

        def cotangents(ct: jax.Array) -> list[jax.Array]:
            # g is computed in float32 for half-precision x; its pullback wants a cotangent of that dtype.
            ct = ct.astype(g.dtype)
            repaired = [
                _sum_to(_finite_tail(c, x, g, ct), traced_values[i])
                for c, i in zip(pullback_per_element(ct), moving, strict=True)
            ]
            # Where the plain sum is finite it is kept, bit for bit.
            # An integer-valued parameter gets JAX's float0 cotangent, which needs no repair.
            return [
                jnp.where(jnp.isfinite(p), p, r) if jnp.issubdtype(p.dtype, jnp.floating) else p
                for p, r in zip(pullback(ct), repaired, strict=True)
            ]

        return g, cotangents

    if autodiff == "vjp":

        def spike(x: jax.Array, *params: Any) -> jax.Array:
            return forward(x)

        vjp_spike = jax.custom_vjp(spike, nondiff_argnums=static)

        def fwd(x: CustomVJPPrimal, *params: Any) -> tuple[jax.Array, tuple]:
            # With symbolic zeros each differentiable argument arrives as (value, perturbed).
            # The residuals say by their structure which parameters are differentiated: the
            # others get no cotangent, so their ∂g/∂θ is never traced (most of a first call's cost).
            traced = split(params)[1]
            moving = {i: v.value for i, v in enumerate(traced) if v.perturbed}
            fixed = {i: v.value for i, v in enumerate(traced) if not v.perturbed}
            return forward(x.value), (x.value, moving, fixed)

        # One compiled program for the whole backward pass, also when it runs eagerly
        # (op-by-op it would compile every primitive separately: seconds on first use).
        @functools.partial(jax.jit, static_argnums=(0, 1))
        def backward(
            static_values: tuple, moving: tuple[int, ...], x: jax.Array, traced_values: list, ct: jax.Array
        ) -> tuple:
            g, param_cotangents = derivatives(x, list(static_values), traced_values, moving)
            return (ct * g).astype(x.dtype), param_cotangents(ct)

        def bwd(*args: Any) -> tuple:
            *static_values, (x, moving, fixed), ct = args
            count = len(moving) + len(fixed)
            if isinstance(ct, SymbolicZero):  # nothing flows back
                return (None,) * (1 + count)
            values = [moving[i] if i in moving else fixed[i] for i in range(count)]
            at = tuple(sorted(moving))
            x_ct, moved_cts = backward(tuple(static_values), at, x, values, ct)
            cotangents = dict(zip(at, moved_cts, strict=True))
            return (x_ct, *(cotangents.get(i) for i in range(count)))

        vjp_spike.defvjp(fwd, bwd, symbolic_zeros=True)
        return vjp_spike

    def jvp_spike_impl(x: jax.Array, *params: Any) -> jax.Array:
        return forward(x)

    jvp_spike = jax.custom_jvp(jvp_spike_impl, nondiff_argnums=static)

    def rule(*args: Any) -> tuple[jax.Array, jax.Array]:
        *static_values, primals, tangents = args
        # nondiff_argnums are passed separately: primals hold x and the traced parameters only.
        x, *traced_values = primals
        # Symbolic zeros (inputs nobody differentiates, such as a constant alpha) become None:
        # their terms are never computed, so ∂g/∂θ·0 can neither cost time nor turn 0·inf into nan.
        x_dot, *traced_dots = (None if isinstance(t, SymbolicZero) else t for t in tangents)
        out = forward(x)
        return out, tangent_of(tuple(static_values), x, traced_values, x_dot, traced_dots)

    @functools.partial(jax.jit, static_argnums=0)
    def tangent_of(
        static_values: tuple, x: jax.Array, traced_values: list, x_dot: jax.Array | None, traced_dots: list
    ) -> jax.Array:
        moving = [i for i, dot in enumerate(traced_dots) if dot is not None] if param_source is not None else []
        if x_dot is None and not moving:
            return jnp.zeros(x.shape, x.dtype)
        g = call(grad, x, list(static_values), traced_values, clipped=clip)
        tangent = g * x_dot if x_dot is not None else jnp.zeros(x.shape, g.dtype)
        if moving:
            of = of_moving(x, list(static_values), traced_values, moving)
            spread = [jnp.broadcast_to(jnp.asarray(traced_values[i], g.dtype), x.shape) for i in moving]
            # ∂g/∂θ per element and parameter, repaired where it overflowed (see _finite_tail),
            # then times θ̇: the repair depends on primal values only, so the rule stays linear
            # (and its transpose never meets the unrepaired values: no 0·∞ in reverse mode).
            for k, i in enumerate(moving):
                unit = tuple(jnp.ones_like(v) if j == k else jnp.zeros_like(v) for j, v in enumerate(spread))
                _, derivative = jax.jvp(of, tuple(spread), unit)
                dot = jnp.broadcast_to(jnp.asarray(traced_dots[i], g.dtype), x.shape)
                tangent = tangent + _finite_tail(derivative, x, g, 1.0) * dot
        return tangent.astype(x.dtype)

    jvp_spike.defjvp(rule, symbolic_zeros=True)
    return jvp_spike


def grad_needs_clip(formulas: ModuleType, precision: str, values: dict[str, Any]) -> bool:
    """Whether g must read ±inf as ±max, for parameters ``values`` (by name).

    Fast mode reads x as it is where the code of g at ±inf already gives its limit: the clip
    to ±max costs ~7 % of a backward pass. Code generation decides where (see
    ``_codegen._infinity``) and for which parameter values: ``FAST_GRAD_AT_INFINITY`` is None
    (never) or an interval (low, high) for each parameter whose factor meets ∞ there. Only
    concrete values can be checked against them; a traced parameter (trained, swept under
    vmap) keeps the clip.
    Accurate mode always clips: its double-float arguments meet ∞ − ∞ at inf.
    """
    bounds = getattr(formulas, "FAST_GRAD_AT_INFINITY", None)
    if precision != "fast" or bounds is None:
        return True
    return not all(_within(values[name], low, high) for name, (low, high) in bounds.items())


def _within(value: Any, low: float, high: float) -> bool:
    """Whether ``value`` is concrete and each of its elements lies in [low, high]."""
    if isinstance(value, jax.core.Tracer):
        return False
    try:
        concrete = np.asarray(value, np.float64)
    except (TypeError, ValueError):
        return False
    return bool(concrete.size) and bool(np.all((concrete >= low) & (concrete <= high)))


def _finite_tail(derivative: jax.Array, x: jax.Array, g: jax.Array, ct: jax.Array | float) -> jax.Array:
    """``derivative`` (∂g/∂θ per element) with 0 where it overflowed in g's underflowed tail.

    Where g(x) has underflowed to exactly 0 at a finite x, ∂g/∂θ is as negligible as g
    (e^{−x²/2σ²}·x²/σ³ for a Gaussian), but its computation can meet 0·∞ (x² overflows for
    |x| ≳ 1e19 in float32) and give NaN, which would poison a parameter gradient summed
    over a batch. Only there, and only where the cotangent is finite, it is 0.
    """
    repair = (g == 0) & jnp.isfinite(x) & jnp.isfinite(ct) & ~jnp.isfinite(derivative)
    return jnp.where(repair, jnp.zeros((), derivative.dtype), derivative)


def _sum_to(cotangent: jax.Array, value: Any) -> jax.Array:
    """A cotangent of x's shape summed down to the shape (and dtype) of the parameter ``value``."""
    value = jnp.asarray(value)
    lead = cotangent.ndim - value.ndim
    summed = cotangent.sum(axis=tuple(range(lead))) if lead else cotangent
    ones = tuple(i for i, n in enumerate(value.shape) if n == 1 and summed.shape[i] != 1)
    summed = summed.sum(axis=ones, keepdims=True) if ones else summed
    return summed.reshape(value.shape).astype(value.dtype)


def _as_array(x: Any) -> jax.Array:
    """``x`` as a JAX array. A NumPy array is transferred as it is: ``jnp.asarray`` would
    compile a small staging program for each new shape and dtype, tens of milliseconds of
    every eager call on a fresh batch shape."""
    if isinstance(x, np.ndarray) and x.dtype.kind in "fiub":
        return jax.device_put(x)
    return jnp.asarray(x)


def check_params(owner: str, params: tuple[Param, ...], values: tuple[Any, ...], x: jax.Array) -> None:
    """Refuse parameters that do not fit ``x``: a shape that does not broadcast to x's, or a
    value the compute dtype cannot hold (1e300 in float32 is inf, and every gradient NaN).

    Raises:
        ValueError: naming the parameter, its shape and x's shape (or the value and dtype).
    """
    dtype = _compute_dtype(x) if jnp.issubdtype(x.dtype, jnp.floating) else jnp.dtype(jnp.float32)
    largest = float(jnp.finfo(dtype).max)
    for param, value in zip(params, values, strict=True):
        if param.static:
            continue
        shape = jnp.shape(value)
        try:
            fits = jnp.broadcast_shapes(shape, x.shape) == x.shape
        except ValueError:
            fits = False
        if not fits:
            raise ValueError(
                f"{owner}: parameter {param.name!r} has shape {shape}, which does not broadcast to x's shape {x.shape}"
            )
        if isinstance(value, jax.core.Tracer):
            continue
        concrete = np.asarray(value, np.float64)
        if concrete.size and float(np.max(np.abs(concrete))) > largest:
            raise ValueError(
                f"{owner}: parameter {param.name!r} = {value!r} overflows {dtype.name}, the compute dtype of x"
            )


@functools.cache
def _gradient_of(grad: Callable) -> Callable[..., jax.Array]:
    """``grad`` reading x as the backward pass does (±inf as ±max; see ``_compute_input``)."""

    def of(x: jax.Array, *params: Any) -> jax.Array:
        return grad(_compute_input(x), *params)

    return of


@functools.cache
def _evaluate(fn: Callable, static: tuple[int, ...]) -> Callable[..., jax.Array]:
    """``fn(x, *params)`` in the compute dtype, cast back to x's; jitted (one program when eager)."""

    def evaluate(x: jax.Array, *params: Any) -> jax.Array:
        floating = jnp.issubdtype(x.dtype, jnp.floating)
        dtype = _compute_dtype(x) if floating else jnp.float32
        values = [v if i in static else jnp.asarray(v, dtype) for i, v in enumerate(params, start=1)]
        out = fn(x.astype(dtype), *values)
        return out.astype(x.dtype) if floating else out

    return jax.jit(evaluate, static_argnums=static)


@functools.cache
def _soft_step(formulas: ModuleType, static: tuple[int, ...], precision: str) -> Callable[..., jax.Array]:
    """G(x, *params) whose x-derivative is the generated (stabilised) g, not autodiff of G.

    dG/dx = g is proven symbolically by the checks; differentiating G's own formula instead
    can give NaN where a special function's derivative is singular (γ(¼, x⁴) at 0) or a
    removable singularity cancels. Parameter tangents are autodiff of G.
    """
    primitive, grad = formula(formulas, "primitive", precision), formula(formulas, "grad", precision)

    @functools.partial(jax.custom_jvp, nondiff_argnums=static)
    def soft_step(x: jax.Array, *params: Any) -> jax.Array:
        return primitive(x, *params)

    def merge(static_values: tuple, traced: tuple) -> list:
        # Arguments back in declaration order (static ones are passed first to the rule).
        fixed, moving = iter(static_values), iter(traced)
        return [next(fixed) if i in static else next(moving) for i in range(1, len(static_values) + len(traced) + 1)]

    @soft_step.defjvp
    def rule(*args: Any) -> tuple[jax.Array, jax.Array]:
        *static_values, (x, *traced), (x_dot, *traced_dot) = args
        value = soft_step(x, *merge(tuple(static_values), tuple(traced)))
        tangent = grad(x, *merge(tuple(static_values), tuple(traced))) * x_dot
        if traced:
            _, param_tangent = jax.jvp(
                lambda *t: primitive(x, *merge(tuple(static_values), t)), tuple(traced), tuple(traced_dot)
            )
            tangent = tangent + param_tangent
        return value, tangent.astype(value.dtype)

    return soft_step


class _SpecAttribute:
    """``cls.spec``: the symbolic source, loaded (with SymPy) only when asked for."""

    def __get__(self, instance: object, owner: type[Surrogate]) -> Any:
        if owner._spec is None and not owner._formulas_name:
            return self  # the base class has no formula (pydoc reads Surrogate.spec)
        if owner._spec is None:
            owner._spec = symbolic_hooks().catalog_spec(owner._catalog_name or owner.__name__)
        return owner._spec


class Surrogate:
    """Base class of every surrogate: Heaviside forward, surrogate gradient backward.

    Instances are callable on arrays, work under ``jit``, ``vmap`` and ``grad``, compare
    and hash by their parameters (so equal instances do not retrace as static arguments),
    and are pytrees whose leaves are the traced parameters.
    """

    _formulas_name: ClassVar[str] = ""
    _catalog_name: ClassVar[str | None] = None
    _params: ClassVar[tuple[Param, ...]] = ()
    _repr_order: ClassVar[tuple[str, ...] | None] = None
    _spec: ClassVar[Any] = None
    _module: ClassVar[ModuleType | None] = None
    default_precision: ClassVar[str] = "accurate"  # what ``precision=None`` means; a subclass may change it
    spec = _SpecAttribute()

    def __init__(
        self,
        *args: Any,
        autodiff: str = "vjp",
        param_grad: str = "grad",
        precision: str | None = None,
        **kwargs: Any,
    ) -> None:
        names = [p.name for p in self._params]
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes at most {len(names)} positional parameters")
        values = {p.name: p.default for p in self._params}
        for name, value in zip(names, args, strict=False):
            values[name] = value
        for name, value in kwargs.items():
            if name not in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected parameter {name!r}")
            if name in names[: len(args)]:
                raise TypeError(f"{type(self).__name__}() got multiple values for {name!r}")
            values[name] = value
        if autodiff not in AUTODIFF_MODES:
            raise ValueError(f"autodiff must be one of {AUTODIFF_MODES}, got {autodiff!r}")
        if param_grad not in PARAM_GRAD_MODES:
            raise ValueError(f"param_grad must be one of {PARAM_GRAD_MODES}, got {param_grad!r}")
        precision = type(self).default_precision if precision is None else precision
        if precision not in PRECISION_MODES:
            raise ValueError(f"precision must be one of {PRECISION_MODES}, got {precision!r}")
        if param_grad == "primitive" and not self.formulas().HAS_PRIMITIVE:
            raise ValueError(f"{self._no_primitive()}; param_grad='primitive' needs one")
        for param in self._params:
            setattr(self, param.name, param.validate(values[param.name]))
        self.autodiff = autodiff
        self.param_grad = param_grad
        # A static Python attribute: fixed at trace time, part of equality, hash and pytree aux data.
        self.precision = precision

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.default_precision not in PRECISION_MODES:
            raise ValueError(f"{cls.__name__}.default_precision must be one of {PRECISION_MODES}")
        # With keys: parameters show by name (``.alpha``) in tree_flatten_with_path, equinox
        # trees and flax.nnx State, not as positions.
        jax.tree_util.register_pytree_with_keys(
            cls, cls._tree_flatten_with_keys, cls._tree_unflatten, flatten_func=cls._tree_flatten
        )

    @classmethod
    def formulas(cls) -> ModuleType:
        """The generated module holding ``primitive`` and ``grad``."""
        if cls._module is None:
            cls._module = importlib.import_module(cls._formulas_name)
        return cls._module

    @property
    def params(self) -> dict[str, Any]:
        """Parameter values, by name, in positional order."""
        return {p.name: getattr(self, p.name) for p in self._params}

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, p.name) for p in self._params)

    def __call__(self, x: Any) -> jax.Array:
        """Heaviside step of ``x`` (``x >= 0``, or ``x > 0`` where the spec says so)."""
        formulas = self.formulas()
        x = _as_array(x)
        check_params(type(self).__name__, self._params, self._values(), x)
        clip = grad_needs_clip(formulas, self.precision, self.params)
        return spike_function(formulas, self.autodiff, self.param_grad, self.precision, clip)(x, *self._values())

    def _evaluate(self, fn: Callable, x: Any) -> jax.Array:
        x = _as_array(x)
        check_params(type(self).__name__, self._params, self._values(), x)
        static = tuple(i for i, p in enumerate(self._params, start=1) if p.static)
        return _evaluate(fn, static)(x, *self._values())

    def surrogate_fun(self, x: Any) -> jax.Array:
        """The soft step G(x) whose derivative is the surrogate gradient."""
        formulas = self.formulas()
        if not formulas.HAS_PRIMITIVE:
            raise NoPrimitiveError(self._no_primitive())
        static = tuple(i for i, p in enumerate(self._params, start=1) if p.static)
        return self._evaluate(_soft_step(formulas, static, self.precision), x)

    @classmethod
    def _no_primitive(cls) -> str:
        reason = getattr(cls.formulas(), "NO_PRIMITIVE", "")
        return f"{cls.__name__} has no closed-form primitive" + (f": {reason}" if reason else "")

    def surrogate_grad(self, x: Any) -> jax.Array:
        """The surrogate gradient g(x) used in the backward pass."""
        return self._evaluate(_gradient_of(formula(self.formulas(), "grad", self.precision)), x)

    def _options(self) -> list[str]:
        options = []
        if self.autodiff != "vjp":
            options.append(f"autodiff={self.autodiff!r}")
        if self.param_grad != "grad":
            options.append(f"param_grad={self.param_grad!r}")
        if self.precision != type(self).default_precision:
            options.append(f"precision={self.precision!r}")
        return options

    def __repr__(self) -> str:
        order = self._repr_order or tuple(p.name for p in self._params)
        shown = [f"{name}={getattr(self, name)}" for name in order]
        return f"{type(self).__name__}({', '.join(shown + self._options())})"

    def _key(self) -> tuple:
        values = tuple(
            v if isinstance(v, numbers.Number) and not isinstance(v, bool) else ("id", id(v)) for v in self._values()
        )
        return (type(self), values, self.autodiff, self.param_grad, self.precision)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce_ex__(self, protocol: Any) -> Any:
        """Pickle a class made from formulas by its spec (data only), a catalog class by reference.

        A class defined at run time (``symsurrogate.surrogate``, ``load_catalog``) cannot be
        imported by name; unpickling rebuilds it from the formulas as text, through the same
        safe parser, in this process or another one.
        """
        cls = type(self)
        if cls.__module__ != USER_MODULE:
            return super().__reduce_ex__(protocol)
        return (_unpickle_user, (symbolic_hooks().class_data(cls), dict(self.__dict__)))

    def _tree_flatten_with_keys(self) -> tuple[tuple, tuple]:
        traced = tuple((jax.tree_util.GetAttrKey(p.name), getattr(self, p.name)) for p in self._params if not p.static)
        static = tuple(getattr(self, p.name) for p in self._params if p.static)
        return traced, (static, self.autodiff, self.param_grad, self.precision)

    def _tree_flatten(self) -> tuple[tuple, tuple]:
        traced = tuple(getattr(self, p.name) for p in self._params if not p.static)
        static = tuple(getattr(self, p.name) for p in self._params if p.static)
        return traced, (static, self.autodiff, self.param_grad, self.precision)

    @classmethod
    def _tree_unflatten(cls, aux: tuple, children: tuple) -> Surrogate:
        static, autodiff, param_grad, precision = aux
        self = object.__new__(cls)
        traced, fixed = iter(children), iter(static)
        for p in cls._params:
            setattr(self, p.name, next(fixed) if p.static else next(traced))
        self.autodiff, self.param_grad, self.precision = autodiff, param_grad, precision
        return self


def _unpickle_user(data: dict[str, Any], state: dict[str, Any]) -> Surrogate:
    """An instance of the class described by ``data`` (see ``Surrogate.__reduce_ex__``)."""
    instance = object.__new__(symbolic_hooks().class_from_data(data))
    instance.__dict__.update(state)
    return instance
