"""The SymPy-side public functions: define, check, generate and render surrogates."""

from __future__ import annotations

import dataclasses
import importlib
import numbers
import types
from typing import Any

from ._catalog import load_spec
from ._checks import Report, check_spec
from ._classgen import RUNTIME_IMPORTS, class_source
from ._codegen import codegen as _codegen
from ._latex import latex_of
from ._runtime import Surrogate
from ._spec import Formula, ParamsLike, Spec, make_spec

SpecLike = Spec | Surrogate | type[Surrogate] | str


def as_spec(obj: SpecLike) -> Spec:
    """The Spec behind a Spec, a surrogate class or instance, or a catalog name.

    An instance's Python-number parameter values replace the defaults.
    """
    if isinstance(obj, Spec):
        return obj
    if isinstance(obj, str):
        return load_spec(obj)
    if isinstance(obj, type) and issubclass(obj, Surrogate):
        return obj.spec
    if isinstance(obj, Surrogate):
        spec = type(obj).spec
        params = tuple(
            dataclasses.replace(p, default=value)
            if isinstance(value := obj.params[p.name], numbers.Real) and not isinstance(value, bool)
            else p
            for p in spec.params
        )
        return dataclasses.replace(spec, params=params)
    raise TypeError(f"expected a Spec, surrogate class or instance, or catalog name; got {type(obj).__name__}")


def codegen(obj: SpecLike) -> str:
    """The standalone JAX module (source text) of a surrogate; its only import is JAX.

    >>> source = codegen("Sigmoid")
    >>> "@jax.custom_vjp" in source and "import sympy" not in source
    True
    """
    return _codegen(as_spec(obj))


def check(obj: SpecLike) -> Report:
    """Check a surrogate: dG/dx = g, properties, and the runtime gradient against mpmath.

    A catalog name is checked on its committed generated code (see :func:`shipped_class`).

    >>> report = check("Sigmoid")
    >>> report.ok, round(report.properties["integral"], 12), report.properties["peak"]
    (True, 1.0, 1.0)
    """
    spec = as_spec(obj)
    if isinstance(obj, str):
        return check_entry(obj, spec)
    if isinstance(obj, Surrogate):
        runtime = obj
    elif isinstance(obj, type) and issubclass(obj, Surrogate):
        runtime = obj(**spec.defaults)  # the class just defined: its code is not generated again
    else:
        runtime = surrogate_class(spec)(**spec.defaults)
    return check_spec(spec, runtime)


def check_entry(name: str, spec: Spec) -> Report:
    """Check ``spec``, the catalog entry ``name``, on its committed code when that is current."""
    cls = shipped_class(name, spec) or surrogate_class(spec)
    return check_spec(spec, cls(**spec.defaults))


def shipped_class(name: str, spec: Spec) -> type[Surrogate] | None:
    """The committed class of catalog entry ``name``, if its generated code is from ``spec``.

    Checking a catalog name checks the code users import; a generated module whose header
    records another spec hash (a catalog edited but not regenerated) is not used.

    >>> shipped_class("Sigmoid", load_spec("Sigmoid")).__module__
    'symsurrogate._generated.braintools'
    """
    library, _, short = name.rpartition(".")
    try:
        module = importlib.import_module(f"symsurrogate.presets.{library}" if library else "symsurrogate")
    except ImportError:
        return None
    cls = getattr(module, short, None)
    if not (isinstance(cls, type) and issubclass(cls, Surrogate)):
        return None
    header = cls.formulas().__doc__ or ""
    return cls if f"from spec {spec.hash[:16]}." in header else None


def latex(obj: SpecLike) -> dict[str, str]:
    """LaTeX strings for ``forward``, ``primitive`` and ``grad``.

    >>> latex("Sigmoid")["primitive"]
    'G(x) = \\\\frac{1}{1 + e^{- \\\\alpha x}}'
    """
    return latex_of(as_spec(obj))


def surrogate_class(spec: Spec) -> type[Surrogate]:
    """A Surrogate class generated from ``spec`` (the same code path as the catalog's)."""
    formulas = types.ModuleType(f"symsurrogate.user.{spec.name}")
    exec(compile(_codegen(spec), f"<symsurrogate {spec.name}>", "exec"), formulas.__dict__)  # generated code
    namespace: dict[str, Any] = {}
    source = RUNTIME_IMPORTS + class_source(spec, "", None, None)
    exec(compile(source, f"<symsurrogate class {spec.name}>", "exec"), namespace)  # generated code
    cls = namespace[spec.name]
    cls._module = formulas
    cls._spec = spec
    cls.__module__ = "symsurrogate.user"
    cls.function = staticmethod(namespace[spec.function_name])
    return cls


def surrogate(
    name: str,
    *,
    primitive: Formula | None = None,
    grad: Formula | None = None,
    params: ParamsLike | None = None,
    **metadata: Any,
) -> type[Surrogate]:
    """Define a new surrogate from formulas; returns a class like the catalog's.

    Args:
        name: class name (a Python identifier).
        primitive: the soft step G as a string or SymPy expression in ``x`` and the parameters.
        grad: the surrogate gradient g (optional when G is given; kept as written when both are).
        params: parameter defaults, ``{"alpha": 2.0}``, or full declarations
            ``{"n": {"default": 2, "domain": "positive_integer", "static": True}}``.
        **metadata: ``summary``, ``references``, ``strict`` (spike at x > 0), ``steepness``, …

    >>> MyAtan = surrogate("MyAtan", primitive="1/2 + atan(pi*alpha*x/2)/pi", params={"alpha": 2.0})
    >>> MyAtan(alpha=2.0)
    MyAtan(alpha=2.0)
    >>> float(MyAtan().surrogate_grad(0.0))
    1.0
    """
    spec = make_spec(name, primitive=primitive, grad=grad, params=params, **metadata)
    return surrogate_class(spec)


def spec(
    name: str,
    *,
    primitive: Formula | None = None,
    grad: Formula | None = None,
    params: ParamsLike | None = None,
    **metadata: Any,
) -> Spec:
    """The symbolic :class:`Spec` of a new surrogate (see :func:`surrogate`)."""
    return make_spec(name, primitive=primitive, grad=grad, params=params, **metadata)
