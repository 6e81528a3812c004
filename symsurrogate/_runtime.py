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
from jax.custom_derivatives import SymbolicZero

from ._errors import NoPrimitiveError
from ._params import Param

AUTODIFF_MODES = ("vjp", "jvp")
PARAM_GRAD_MODES = ("grad", "primitive", "zero")


def _compute_dtype(x: jax.Array) -> jnp.dtype:
    # Half precision is computed in float32: more accurate, and on CPU faster.
    return jnp.promote_types(x.dtype, jnp.float32)


@functools.cache
def spike_function(formulas: ModuleType, autodiff: str, param_grad: str) -> Callable[..., jax.Array]:
    """Build the spike function ``f(x, *params)`` over a generated formulas module.

    Args:
        formulas: a module from :func:`codegen` (``grad``, optionally ``primitive``, ``PARAMS``,
            ``STATIC``, ``STRICT``).
        autodiff: ``"vjp"`` (``jax.custom_vjp``: reverse mode) or ``"jvp"`` (``jax.custom_jvp``:
            forward and reverse mode, ``jacfwd``, ``hessian``).
        param_grad: what a traced parameter θ receives: ``"grad"`` gives ``ct · ∂g/∂θ``
            (braintools' convention), ``"primitive"`` gives ``ct · ∂G/∂θ`` (as if the forward
            were the soft step G), ``"zero"`` gives 0 (the true derivative of a step).
    """
    names = formulas.PARAMS
    static = tuple(i + 1 for i, name in enumerate(names) if name in formulas.STATIC)
    traced_index = [i for i, name in enumerate(names) if name not in formulas.STATIC]
    strict = formulas.STRICT
    param_source = {"grad": formulas.grad, "primitive": getattr(formulas, "primitive", None)}.get(param_grad)

    def forward(x: jax.Array) -> jax.Array:
        return (x > 0 if strict else x >= 0).astype(x.dtype)

    def split(args: tuple) -> tuple[list, list]:
        """(static values, traced values) from the parameter arguments."""
        return [args[i - 1] for i in static], [args[i] for i in traced_index]

    def call(fn: Callable, x: jax.Array, static_values: list, traced_values: list) -> jax.Array:
        dtype = _compute_dtype(x)
        values = iter(static_values)
        traced = iter(traced_values)
        full = [next(values) if name in formulas.STATIC else jnp.asarray(next(traced), dtype) for name in names]
        return fn(x.astype(dtype), *full)

    def derivatives(x: jax.Array, static_values: list, traced_values: list) -> tuple[jax.Array, Callable]:
        g = call(formulas.grad, x, static_values, traced_values)
        if param_source is None or not traced_values:
            return g, lambda ct: [jnp.zeros_like(jnp.asarray(v)) for v in traced_values]
        _, pullback = jax.vjp(lambda *p: call(param_source, x, static_values, list(p)), *traced_values)
        # g is computed in float32 for half-precision x; its pullback wants a cotangent of that dtype.
        return g, lambda ct: list(pullback(ct.astype(g.dtype)))

    if autodiff == "vjp":

        def spike(x: jax.Array, *params: Any) -> jax.Array:
            return forward(x)

        vjp_spike = jax.custom_vjp(spike, nondiff_argnums=static)

        def fwd(x: jax.Array, *params: Any) -> tuple[jax.Array, tuple]:
            return forward(x), (x, split(params)[1])

        # One compiled program for the whole backward pass, also when it runs eagerly
        # (op-by-op it would compile every primitive separately: seconds on first use).
        @functools.partial(jax.jit, static_argnums=0)
        def backward(static_values: tuple, x: jax.Array, traced_values: list, ct: jax.Array) -> tuple:
            g, param_cotangents = derivatives(x, list(static_values), traced_values)
            return ((ct * g).astype(x.dtype), *param_cotangents(ct))

        def bwd(*args: Any) -> tuple:
            *static_values, (x, traced_values), ct = args
            return backward(tuple(static_values), x, traced_values, ct)

        vjp_spike.defvjp(fwd, bwd)
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
        tangent = jnp.zeros(x.shape, _compute_dtype(x))
        if x_dot is not None:
            tangent = call(formulas.grad, x, list(static_values), traced_values) * x_dot
        moving = [i for i, dot in enumerate(traced_dots) if dot is not None]
        if param_source is not None and moving:

            def of(*moved: jax.Array) -> jax.Array:
                values = list(traced_values)
                for i, value in zip(moving, moved, strict=True):
                    values[i] = value
                return call(param_source, x, list(static_values), values)

            _, param_tangent = jax.jvp(
                of, tuple(traced_values[i] for i in moving), tuple(traced_dots[i] for i in moving)
            )
            tangent = tangent + param_tangent
        return tangent.astype(x.dtype)

    jvp_spike.defjvp(rule, symbolic_zeros=True)
    return jvp_spike


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
def _soft_step(formulas: ModuleType, static: tuple[int, ...]) -> Callable[..., jax.Array]:
    """G(x, *params) whose x-derivative is the generated (stabilised) g, not autodiff of G.

    dG/dx = g is proven symbolically by the checks; differentiating G's own formula instead
    can give NaN where a special function's derivative is singular (γ(¼, x⁴) at 0) or a
    removable singularity cancels. Parameter tangents are autodiff of G.
    """
    primitive, grad = formulas.primitive, formulas.grad

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
        if owner._spec is None:
            from ._catalog import load_spec

            owner._spec = load_spec(owner._catalog_name or owner.__name__)
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
    spec = _SpecAttribute()

    def __init__(self, *args: Any, autodiff: str = "vjp", param_grad: str = "grad", **kwargs: Any) -> None:
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
        if param_grad == "primitive" and not self.formulas().HAS_PRIMITIVE:
            raise ValueError(f"{self._no_primitive()}; param_grad='primitive' needs one")
        for param in self._params:
            setattr(self, param.name, param.validate(values[param.name]))
        self.autodiff = autodiff
        self.param_grad = param_grad

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        jax.tree_util.register_pytree_node(cls, cls._tree_flatten, cls._tree_unflatten)

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
        fn = spike_function(self.formulas(), self.autodiff, self.param_grad)
        return fn(jnp.asarray(x), *self._values())

    def _evaluate(self, fn: Callable, x: Any) -> jax.Array:
        x = jnp.asarray(x)
        static = tuple(i for i, p in enumerate(self._params, start=1) if p.static)
        return _evaluate(fn, static)(x, *self._values())

    def surrogate_fun(self, x: Any) -> jax.Array:
        """The soft step G(x) whose derivative is the surrogate gradient."""
        formulas = self.formulas()
        if not formulas.HAS_PRIMITIVE:
            raise NoPrimitiveError(self._no_primitive())
        static = tuple(i for i, p in enumerate(self._params, start=1) if p.static)
        return self._evaluate(_soft_step(formulas, static), x)

    @classmethod
    def _no_primitive(cls) -> str:
        reason = getattr(cls.formulas(), "NO_PRIMITIVE", "")
        return f"{cls.__name__} has no closed-form primitive" + (f": {reason}" if reason else "")

    def surrogate_grad(self, x: Any) -> jax.Array:
        """The surrogate gradient g(x) used in the backward pass."""
        return self._evaluate(self.formulas().grad, x)

    def _options(self) -> list[str]:
        options = []
        if self.autodiff != "vjp":
            options.append(f"autodiff={self.autodiff!r}")
        if self.param_grad != "grad":
            options.append(f"param_grad={self.param_grad!r}")
        return options

    def __repr__(self) -> str:
        order = self._repr_order or tuple(p.name for p in self._params)
        shown = [f"{name}={getattr(self, name)}" for name in order]
        return f"{type(self).__name__}({', '.join(shown + self._options())})"

    def _key(self) -> tuple:
        values = tuple(
            v if isinstance(v, numbers.Number) and not isinstance(v, bool) else ("id", id(v)) for v in self._values()
        )
        return (type(self), values, self.autodiff, self.param_grad)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def _tree_flatten(self) -> tuple[tuple, tuple]:
        traced = tuple(getattr(self, p.name) for p in self._params if not p.static)
        static = tuple(getattr(self, p.name) for p in self._params if p.static)
        return traced, (static, self.autodiff, self.param_grad)

    @classmethod
    def _tree_unflatten(cls, aux: tuple, children: tuple) -> Surrogate:
        static, autodiff, param_grad = aux
        self = object.__new__(cls)
        traced, fixed = iter(children), iter(static)
        for p in cls._params:
            setattr(self, p.name, next(fixed) if p.static else next(traced))
        self.autodiff, self.param_grad = autodiff, param_grad
        return self
