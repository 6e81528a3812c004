"""The SymPy-side public functions: define, check, generate and render surrogates."""

from __future__ import annotations

from typing import Any

from ._codegen._emit import codegen as _codegen
from ._codegen._resolve import shipped_class as shipped_class
from ._codegen._resolve import surrogate_class as surrogate_class
from ._codegen._userclass import register
from ._runtime import Surrogate
from ._symbolic._catalog import SpecLike as SpecLike
from ._symbolic._catalog import as_spec as as_spec
from ._symbolic._render import latex_formulas
from ._symbolic._spec import Formula, ParamsLike, Spec, make_spec
from ._verify._checks import Report, check_spec


def codegen(obj: SpecLike, *, regenerate: str = "symsurrogate codegen", precision: str = "accurate") -> str:
    """The standalone JAX module (source text) of a surrogate; its only import is JAX.

    ``regenerate`` is the command its header names for regenerating it; ``precision`` is
    ``"accurate"`` (double-float exponent arguments) or ``"fast"`` (plain ones).

    Examples:
        >>> source = codegen("Sigmoid")
        >>> "@jax.custom_vjp" in source and "import sympy" not in source
        True
        >>> "_dd_" in codegen("Sigmoid", precision="fast")
        False
    """
    return _codegen(as_spec(obj), regenerate=regenerate, precision=precision)


def check(obj: SpecLike) -> Report:
    """Check a surrogate: dG/dx = g, properties, and the runtime gradient against mpmath.

    A catalog name is checked on its committed generated code (see :func:`shipped_class`).

    Examples:
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


def latex(obj: SpecLike) -> dict[str, str]:
    """LaTeX strings for ``forward``, ``primitive`` and ``grad``.

    Examples:
        >>> latex("Sigmoid")["primitive"]
        'G(x) = \\\\sigma\\\\left(\\\\alpha x\\\\right)'
    """
    return latex_formulas(as_spec(obj))


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

    Examples:
        >>> MyAtan = surrogate("MyAtan", primitive="1/2 + atan(pi*alpha*x/2)/pi", params={"alpha": 2.0})
        >>> MyAtan(alpha=2.0)
        MyAtan(alpha=2.0)
        >>> float(MyAtan().surrogate_grad(0.0))
        1.0
    """
    spec = make_spec(name, primitive=primitive, grad=grad, params=params, **metadata)
    return register(surrogate_class(spec))  # instances pickle by spec; unpickling finds this class again


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
