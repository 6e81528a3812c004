"""The symbolic definition of a surrogate: the one source everything else is derived from."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import keyword
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import sympy as sp

from .._errors import FormulaError
from .._params import Param, nfkc_changed
from .._support._budget import bounded
from .._support._jsondata import register_dataclass
from .._support._source import CLASS_MODULE_NAMES, CLASS_PARAM_NAMES
from ._calculus import X, canonicalize, derivative, derivative_of_primitive, find_primitive
from ._parse import CONSTANTS, SPECIAL_FORMS, parse_formula
from ._removable import fill_removable

_ASSUMPTIONS = {
    "positive": {"positive": True},
    "nonnegative": {"nonnegative": True},
    "real": {"real": True},
    "positive_integer": {"integer": True, "positive": True},
}
# Function names are free: a parameter shadows the function of its name (see _parse).
_RESERVED = {"x", *CONSTANTS, *SPECIAL_FORMS, *CLASS_PARAM_NAMES}

Formula = str | sp.Expr
ParamsLike = Mapping[str, float | int | Mapping[str, object] | Param] | Iterable[Param]


def param_symbol(param: Param) -> sp.Symbol:
    """The SymPy symbol of a parameter, with assumptions from its domain."""
    return sp.Symbol(param.name, **_ASSUMPTIONS[param.domain])


register_dataclass(Param)  # cached Specs hold their parameter declarations


class FromGrad:
    """The value of a primitive not yet found: G = ∫g, searched for on first read.

    The search takes seconds for some g (and up to the integration budget when SymPy finds
    nothing), while the backward pass needs g only: defining a gradient-only surrogate and
    training with it need not wait for it.
    """

    def __init__(self, values: Mapping[sp.Symbol, sp.Expr]) -> None:
        self.values = dict(values)  # the parameter defaults the candidate G is verified at


class _Derived:
    """A Spec field that may hold :class:`FromGrad` until first read: ``primitive`` and
    ``primitive_note``, found together (a dataclass field whose default is a descriptor)."""

    def __init__(self, default: object = dataclasses.MISSING) -> None:
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_value"

    def __get__(self, spec: Spec | None, owner: type | None = None) -> object:
        if spec is None:
            if self.default is dataclasses.MISSING:
                raise AttributeError(self.slot)  # the field has no default
            return self.default
        value = self.stored(spec)
        if isinstance(value, FromGrad):
            _find_primitive(spec, value)
            value = self.stored(spec)
        return value

    def __set__(self, spec: Spec, value: object) -> None:
        spec.__dict__[self.slot] = value

    def stored(self, spec: Spec) -> object:
        """The value as held: :class:`FromGrad` while not searched for yet."""
        return spec.__dict__[self.slot]


def _find_primitive(spec: Spec, pending: FromGrad) -> None:
    G, note = bounded("spec", spec.name, lambda: find_primitive(spec.grad, pending.values))
    # Through the fields' descriptors (a frozen dataclass allows it only this way); the
    # primitive last, so that a spec no longer pending already has its note.
    object.__setattr__(spec, "primitive_note", note)
    # sin²x/x² at 0: the value meant there, not the 0/0 written.
    object.__setattr__(spec, "primitive", fill_removable(G) if G is not None else None)


@register_dataclass
@dataclass(frozen=True, eq=False)
class Spec:
    """A surrogate, symbolically: primitive G(x; θ), gradient g = dG/dx, and parameters.

    Build one with :func:`make_spec` (or load one from the catalog); every other stage
    (checks, code generation, LaTeX, docs) reads from it. A primitive derived from g is
    found when first read (see :class:`FromGrad`).
    """

    name: str
    params: tuple[Param, ...]
    grad: sp.Expr
    primitive: sp.Expr | None = _Derived()  # type: ignore[assignment]
    function_name: str
    summary: str = ""
    strict: bool = False
    group: str = "user"
    references: tuple[str, ...] = ()
    libraries: tuple[str, ...] = ()
    expect: Mapping[str, object] = field(default_factory=dict)
    steepness: str | None = None
    notes: str = ""
    source: Mapping[str, str] = field(default_factory=dict)
    # Why ``primitive`` is None (the surrogate is gradient-only), in one line.
    primitive_note: str = _Derived("")  # type: ignore[assignment]

    @property
    def primitive_pending(self) -> bool:
        """True while the primitive derived from g has not been searched for yet."""
        return isinstance(vars(Spec)["primitive"].stored(self), FromGrad)

    @property
    def symbols(self) -> dict[str, sp.Symbol]:
        return {"x": X, **{p.name: param_symbol(p) for p in self.params}}

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    @property
    def defaults(self) -> dict[str, float | int]:
        return {p.name: p.default for p in self.params}

    def at(self, expr: sp.Expr, values: Mapping[str, float | int] | None = None) -> sp.Expr:
        """``expr`` with parameters replaced by ``values`` (defaults where not given), exactly."""
        values = {**self.defaults, **(values or {})}
        subs = {param_symbol(p): _exact(values[p.name]) for p in self.params}
        result = expr.subs(subs)
        return result.doit() if result.has(sp.Sum) else result

    @cached_property
    def grad_derivative(self) -> sp.Expr:
        """g'(x) = dg/dx (what second-order differentiation of the backward pass yields)."""
        return derivative(self.grad)

    @cached_property
    def hash(self) -> str:
        """A stable digest of everything that determines the generated code. A primitive
        derived from g counts as g's (the hash need not wait for it); :attr:`formula_hash`
        holds G itself."""
        return self._digest(_primitive_key(self))

    def written_hash(self) -> str:
        """The digest with a derived primitive written out, as :attr:`hash` was before
        primitives were found on first use (pickles made then carry it)."""
        return self._digest(_primitive_key(self, written=True))

    def _digest(self, primitive: str | None) -> str:
        return _sha(
            {
                **self._formulas_payload(primitive),
                "name": self.name,
                "function": self.function_name,
                "strict": self.strict,
                "summary": self.summary,
                "references": list(self.references),
            }
        )

    def _formulas_payload(self, primitive: str | None) -> dict[str, object]:
        return {
            "params": [[p.name, p.default, p.domain, p.static] for p in self.params],
            "grad": sp.srepr(self.grad),
            "primitive": primitive,
        }

    @cached_property
    def formula_hash(self) -> str:
        """A stable digest of the formulas and parameters alone: what the analyses and the
        mpmath references depend on. Catalog entries that differ only in name or texts
        (a library's copy of another entry) share it, and so share their cached analyses.
        It holds G itself, found first where it is derived: a cached analysis is of this G."""
        return _sha(self._formulas_payload(_primitive_key(self, written=True)))


def with_source(spec: Spec, **texts: str) -> Spec:
    """``spec`` with more source texts (which no hash depends on). A primitive still to be
    derived stays pending: ``dataclasses.replace`` would read every field, and so derive it."""
    extended = copy.copy(spec)
    object.__setattr__(extended, "source", {**spec.source, **texts})
    return extended


def _sha(payload: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def _primitive_key(spec: Spec, written: bool = False) -> str | None:
    # A primitive derived from g is determined by g (``written``: as the hash had it before
    # the primitive was found on first use, for pickles made then).
    if not written and "primitive" not in spec.source and "grad" in spec.source:
        return "derived from grad"
    return sp.srepr(spec.primitive) if spec.primitive is not None else None


def _exact(value: float | int) -> sp.Expr:
    if isinstance(value, numbers.Integral):
        return sp.Integer(int(value))
    return sp.Rational(repr(float(value)))


def _to_params(params: ParamsLike | None) -> tuple[Param, ...]:
    if params is None:
        return ()
    if isinstance(params, Mapping):
        result = []
        for name, value in params.items():
            if isinstance(value, Param):
                result.append(value)
            elif isinstance(value, Mapping):
                result.append(Param(name=name, **value))  # type: ignore[arg-type]
            elif isinstance(value, numbers.Real) and not isinstance(value, bool):
                domain = "positive" if value > 0 else "real"
                result.append(Param(name=name, default=float(value), domain=domain))
            else:
                raise ValueError(f"parameter {name!r}: default must be a number, got {value!r}")
        return tuple(result)
    return tuple(params)


def _to_expr(formula: Formula, symbols: Mapping[str, sp.Symbol], role: str) -> sp.Expr:
    if isinstance(formula, str):
        return parse_formula(formula, symbols)
    if not isinstance(formula, sp.Expr):
        raise FormulaError(f"{role} must be a string or SymPy expression, not {type(formula).__name__}")
    by_name = {s.name: s for s in formula.free_symbols}
    unknown = sorted(set(by_name) - set(symbols))
    if unknown:
        raise FormulaError(f"{role} uses undeclared symbol(s) {', '.join(unknown)}", token=unknown[0])
    return formula.xreplace({by_name[n]: symbols[n] for n in by_name})


def make_spec(
    name: str,
    *,
    primitive: Formula | None = None,
    grad: Formula | None = None,
    params: ParamsLike | None = None,
    function_name: str | None = None,
    summary: str = "",
    strict: bool = False,
    group: str = "user",
    references: Iterable[str] = (),
    libraries: Iterable[str] = (),
    expect: Mapping[str, object] | None = None,
    steepness: str | None = None,
    notes: str = "",
) -> Spec:
    """Build a :class:`Spec` from formulas, deriving what is not given.

    Given only the primitive G, the gradient is g = dG/dx. Given only g, G is found by
    integration with G(−∞) = 0 where SymPy finds a closed form (else ``primitive`` is
    None). Given both, g is kept as written (it decides the values at Piecewise knots)
    and the checks prove that dG/dx = g.

    Raises:
        FormulaError: a formula is malformed, uses unknown names, or ignores a parameter.
        ValueError: a parameter declaration is invalid.
    """
    check_class_name(name)
    if function_name is not None:
        check_class_name(function_name, what="function name")
        if function_name == name or function_name in {"jax", "annotations"}:
            raise ValueError(f"function name {function_name!r} would hide the class or the jax module")
    declared = _to_params(params)
    names = [p.name for p in declared]
    for duplicate in {n for n in names if names.count(n) > 1}:
        raise ValueError(f"parameter {duplicate!r} is declared twice")
    for reserved in sorted(set(names) & _RESERVED):
        raise ValueError(f"parameter name {reserved!r} is reserved")
    for member in sorted(set(names) & _surrogate_members()):
        raise ValueError(f"parameter name {member!r} is taken by the surrogate classes' {member!r} attribute")
    if steepness is not None and steepness not in names:
        raise ValueError(f"steepness parameter {steepness!r} is not declared")
    if primitive is None and grad is None:
        raise FormulaError(f"{name}: give a primitive, a gradient, or both")
    symbols = {"x": X, **{p.name: param_symbol(p) for p in declared}}
    G, g, source, primitive_note = bounded("spec", name, lambda: _formulas(name, primitive, grad, symbols, declared))
    # A primitive derived from g uses no symbol g does not.
    used = {s.name for s in g.free_symbols} | ({s.name for s in G.free_symbols} if isinstance(G, sp.Expr) else set())
    for p in declared:
        if p.name not in used:
            raise FormulaError(f"{name}: parameter {p.name!r} is declared but never used", token=p.name)
    defaults = {param_symbol(p): _exact(p.default) for p in declared}
    if g.subs(defaults).has(sp.zoo, sp.nan, sp.oo):
        # −log(α − 1.5) at α = 1.5: no value to check, differentiate or print.
        raise FormulaError(f"{name}: g is not finite at the default parameters ({_defaults_text(declared)})")
    return Spec(
        name=name,
        params=declared,
        grad=g,
        primitive=G,
        function_name=function_name or twin_name(name),
        summary=summary,
        strict=strict,
        group=group,
        references=tuple(references),
        libraries=tuple(libraries),
        expect=dict(expect or {}),
        steepness=steepness,
        notes=notes,
        source=source,
        primitive_note=primitive_note,
    )


def _defaults_text(declared: tuple[Param, ...]) -> str:
    return ", ".join(f"{p.name} = {p.default!r}" for p in declared) or "none"


def _formulas(
    name: str,
    primitive: Formula | None,
    grad: Formula | None,
    symbols: Mapping[str, sp.Symbol],
    declared: tuple[Param, ...],
) -> tuple[sp.Expr | FromGrad | None, sp.Expr, dict[str, str], str | FromGrad]:
    """(G, g, source texts, why G is missing): the formulas parsed, and g derived from G
    where not given (G from g is found on first read: :class:`FromGrad`)."""
    source: dict[str, str] = {}
    G = g = None
    primitive_note = ""
    if primitive is not None:
        G = canonicalize(_to_expr(primitive, symbols, "primitive"))
        source["primitive"] = primitive if isinstance(primitive, str) else str(primitive)
    if grad is not None:
        g = canonicalize(_to_expr(grad, symbols, "gradient"))
        source["grad"] = grad if isinstance(grad, str) else str(grad)
    if g is None:
        g = derivative_of_primitive(G)
        if g.has(sp.Heaviside, sp.DiracDelta):
            shifted = [e for e in G.atoms(sp.sign) if e.has(X) and e.args[0] != X]
            kinks = shifted or [e for e in G.atoms(sp.Max, sp.Min) if e.has(X)]
            culprit = min(map(str, kinks), key=len, default="G")
            raise FormulaError(
                f"{name}: the primitive's {culprit} differentiates to a step or a point mass; "
                "write G with Piecewise (sign only of x itself, at most 4 Max and Min)"
            )
    elif G is None:
        G = primitive_note = FromGrad({symbols[p.name]: _exact(p.default) for p in declared})
    if not g.has(X):
        # A constant gradient is fine (straight-through), but it must still be a number.
        if g.free_symbols - set(symbols.values()):
            raise FormulaError(f"{name}: gradient has unknown symbols")
    if g.is_real is False:
        raise FormulaError(f"{name}: gradient is not real-valued: {g}")
    # sin²x/x² at 0: the value meant there, not the 0/0 written.
    return (fill_removable(G) if isinstance(G, sp.Expr) else G), fill_removable(g), source, primitive_note


def _surrogate_members() -> set[str]:
    # Parameters are instance attributes: one named like a method or property would hide it.
    from .._runtime import Surrogate

    return {n for n in dir(Surrogate) if not n.startswith("_")} | {"function"}


def check_class_name(name: object, what: str = "surrogate name") -> None:
    """Refuse a surrogate name that is not a public identifier, or that Python would change.

    Raises:
        ValueError: one line naming the culprit (an NFKC-folded character by its code point).
    """
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise ValueError(f"{what} {name!r} must be a public Python identifier")
    if (char := nfkc_changed(name)) is not None:
        raise ValueError(
            f"{what} {name!r}: character {char!r} (U+{ord(char):04X}) is not allowed; "
            "Python would read it as a different name"
        )
    if name in CLASS_MODULE_NAMES:
        raise ValueError(f"{what} {name!r} is used by the generated code; choose another")


def twin_name(name: str) -> str:
    """The function twin's name: snake_case of ``name``, never the class name or a keyword.

    >>> twin_name("MyAtan"), twin_name("mine"), twin_name("Jax"), twin_name("Lambda")
    ('my_atan', 'mine_function', 'jax_function', 'lambda_function')
    """
    snake = _snake(name)
    clash = snake == name or keyword.iskeyword(snake) or snake in {"jax", *CLASS_MODULE_NAMES}
    return f"{snake}_function" if clash else snake


def _snake(name: str) -> str:
    out = []
    for i, char in enumerate(name):
        if char.isupper() and i and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(char.lower())
    return "".join(out)
