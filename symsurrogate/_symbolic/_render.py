"""One renderer for a surrogate's documentation: the pieces every output format shares.

A class docstring, a Markdown page and a LaTeX section all show the same things, taken
from the Spec: summary, formulas, parameters, the convention at 0, a runnable example and
references. This module builds those pieces once; :func:`docstring` assembles them as
plain text (what ``help()`` shows), :func:`latex_formulas` as LaTeX strings (``ss.latex``), and
``symsurrogate._docs`` as Markdown pages and ``catalog.tex``.
"""

from __future__ import annotations

import functools
import re
import textwrap
from dataclasses import dataclass

import sympy as sp

from .._params import DOMAINS
from .._support._budget import OutOfTime, time_limit
from ._calculus import X
from ._spec import Spec

EXAMPLE_XS = (0.25, 0.05, 0.01, 0.002)  # where the example evaluates g: the first that is telling


class sigma(sp.Function):  # lower case: it prints as the usual σ
    """Display-only logistic σ(z) = 1/(1 + e^{−z}); never used for computation."""

    nargs = 1

    def _latex(self, printer: sp.printing.latex.LatexPrinter, exp: str | None = None) -> str:
        body = rf"\sigma\left({printer._print(self.args[0])}\right)"
        return body if exp is None else rf"{body}^{{{exp}}}"

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sigma(self.args[0]) * (1 - sigma(self.args[0]))

    def _sympystr(self, printer: sp.printing.str.StrPrinter) -> str:
        return f"sigmoid({printer._print(self.args[0])})"

    def _pretty(self, printer: sp.printing.pretty.pretty.PrettyPrinter) -> object:
        return printer._print_Function(sp.Function("σ")(*self.args))


def _logistic_power(term: sp.Expr) -> sp.Expr | None:
    """``(1 + e^{−z})^{−n}`` as ``σ(z)^n`` (None when ``term`` is not of that form)."""
    if not (isinstance(term, sp.Pow) and term.exp.is_integer and term.exp.is_negative):
        return None
    base = term.base
    if not (isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.One in base.args):
        return None
    other = base.args[0] if base.args[1] == 1 else base.args[1]
    if not isinstance(other, sp.exp):
        return None
    return sigma(-other.args[0]) ** (-term.exp)


def display(expr: sp.Expr) -> sp.Expr:
    """An equal expression that reads better: logistic terms written as σ(z).

    The rewrite is an identity, so what is shown is exactly what is computed.
    """
    if any(s.name == "sigma" for s in expr.free_symbols):
        return expr  # a parameter named sigma would make σ(·) ambiguous
    return expr.replace(lambda e: _logistic_power(e) is not None, _logistic_power)


def latex_symbol(name: str) -> str:
    """LaTeX of a parameter name: Greek letters as such, words upright (``scale`` is not s·c·a·l·e).

    ``t_period`` → t_{period}, ``beta_1`` → β_1, ``dampening_factor`` → dampening_factor (upright).
    """
    base, _, sub = name.partition("_")
    simple = len(base) == 1 or sp.latex(sp.Symbol(base)) != base  # one letter or a Greek name
    if not simple:
        return r"\mathrm{" + name.replace("_", r"\_") + "}"
    base_tex = sp.latex(sp.Symbol(base))
    if not sub:
        return base_tex
    sub_tex = sp.latex(sp.Symbol(sub)) if len(sub) == 1 or sp.latex(sp.Symbol(sub)) != sub else rf"\mathrm{{{sub}}}"
    return f"{base_tex}_{{{sub_tex}}}"


def latex_math(expr: sp.Expr) -> str:
    """LaTeX of ``expr`` in its display form."""
    shown = display(expr)
    names = {s: latex_symbol(s.name) for s in shown.free_symbols if isinstance(s, sp.Symbol)}
    return sp.latex(shown, symbol_names=names)


@functools.lru_cache(maxsize=512)
def text_math(expr: sp.Expr, width: int = 84) -> str:
    """Unicode text of ``expr`` for docstrings: 2-D when it fits, else one line."""
    shown = display(expr)
    pretty = "\n".join(line.rstrip() for line in sp.pretty(shown, use_unicode=True, wrap_line=False).splitlines())
    if max(len(line) for line in pretty.splitlines()) <= width:
        return pretty
    return sp.sstr(shown)


@dataclass(frozen=True)
class Formula:
    """One displayed formula: ``key`` (forward, primitive, grad, grad_derivative)."""

    key: str
    title: str
    lhs: str
    expr: sp.Expr


def step_expr(spec: Spec) -> sp.Expr:
    return sp.Piecewise((1, X > 0 if spec.strict else X >= 0), (0, True))


def formulas(spec: Spec) -> list[Formula]:
    """Forward H, primitive G (when it has a closed form), gradient g and its derivative g'."""
    op = ">" if spec.strict else "≥"
    items = [Formula("forward", f"Forward pass: the Heaviside step (spike where x {op} 0)", "H(x)", step_expr(spec))]
    if spec.primitive is not None:
        items.append(Formula("primitive", "Soft step (primitive) G, whose derivative is g", "G(x)", spec.primitive))
    items.append(Formula("grad", "Surrogate gradient g, used in the backward pass", "g(x)", spec.grad))
    items.append(
        Formula(
            "grad_derivative", "Its derivative g' (what second-order autodiff sees)", "g'(x)", grad_derivative(spec)
        )
    )
    return items


def latex_formulas(spec: Spec) -> dict[str, str]:
    """LaTeX of ``forward``, ``primitive`` (empty when G has no closed form) and ``grad``.

    The same display forms as the docs pages and ``catalog.tex``: logistic terms as σ(z),
    parameters as their Greek letters (``alpha`` → ``\\alpha``), word names upright.
    """
    shown = {item.key: f"{item.lhs} = {latex_math(item.expr)}" for item in formulas(spec)}
    return {"forward": shown["forward"], "primitive": shown.get("primitive", ""), "grad": shown["grad"]}


def grad_derivative(spec: Spec) -> sp.Expr:
    """g' for display: differentiated in σ form where g has σ terms (shorter), else the Spec's."""
    shown = display(spec.grad)
    if not shown.has(sigma):
        return spec.grad_derivative
    derived = sp.diff(shown, X)
    try:
        return sp.factor(derived)
    except (sp.PolynomialError, NotImplementedError, TypeError):  # Piecewise and friends
        return derived


def value_at(spec: Spec, expr: sp.Expr, x: float) -> float:
    """``expr`` at default parameters and ``x``, to 30 digits; NaN where undefined or too slow.

    x enters as a 30-digit Float through ``evalf(subs=...)``, never as an exact Rational:
    SymPy simplifies an exact rational power such as (999999/4000000)^(7/3) by factoring
    integers, which a formula's nested powers can make take minutes.
    """
    try:
        with time_limit(VALUE_SECONDS):
            value = complex(spec.at(expr).evalf(30, subs={X: sp.Float(repr(x), 30)}))
    except (ValueError, TypeError, ArithmeticError, OutOfTime):  # undefined there: 1/x² or Max(x, log(x)) at 0
        return float("nan")
    return value.real if value.imag == 0 else float("nan")  # log(x) at x < 0: no real value


VALUE_SECONDS = 5.0  # one value for a docstring or a page: milliseconds unless SymPy stalls


def convention(spec: Spec) -> str:
    """The value of the forward pass and of g at x = 0."""
    h0 = 0 if spec.strict else 1
    rule = "x > 0" if spec.strict else "x ≥ 0"
    g0 = fmt_number(value_at(spec, spec.grad, 0.0))
    return f"H(0) = {h0} (a spike where {rule}); at the default parameters g(0) = {g0}."


def fmt_number(value: float | int) -> str:
    """A short, exact-looking number: 4 significant digits, no trailing zeros."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    text = f"{value:.4g}"
    return text.replace("e-0", "e-").replace("e+0", "e")


def import_line(spec: Spec, twin: bool = False) -> str | None:
    """How users import the class (or its function twin), or None for a user-defined surrogate."""
    name = spec.function_name if twin else spec.name
    if spec.group.startswith("presets:"):
        return f"from symsurrogate.presets.{spec.group.split(':')[1]} import {name}"
    if spec.group == "user":
        return None
    if spec.group.startswith("user:"):  # an entry of the user's own catalog file
        path = spec.group.partition(":")[2]
        attribute = ".function" if twin else ""
        return f"from symsurrogate import load_catalog; {name} = load_catalog({path!r})[{spec.name!r}]{attribute}"
    return f"from symsurrogate import {name}"


def example_x(spec: Spec) -> float:
    """The first candidate x where g is clearly non-zero in float32 and not at a knot.

    Narrow surrogates (Norse's erfc with k = 100) underflow at x = 0.25; a knot there
    (a boxcar edge) would make the printed value depend on which branch wins.
    """
    peak = max(abs(value_at(spec, spec.grad, x)) for x in (0.0, 1e-9, -1e-9))
    for x in EXAMPLE_XS:
        g = value_at(spec, spec.grad, x)
        near = [value_at(spec, spec.grad, x * (1 + d)) for d in (-1e-6, 1e-6)]
        smooth = all(abs(v - g) <= 1e-4 * max(abs(g), 1e-300) for v in near)
        if abs(g) >= max(1e-3 * peak, 1e-30) and smooth:
            return x
    return EXAMPLE_XS[0]


def example(spec: Spec, twin: bool = False) -> list[str]:
    """Doctest lines: the forward step and one gradient value, the latter from SymPy."""
    lines = [">>> import jax", ">>> import jax.numpy as jnp"]
    if (line := import_line(spec, twin)) is not None:
        lines.append(f">>> {line}")
    x = example_x(spec)
    fn = spec.function_name if twin else "spike"
    if not twin:
        lines.append(f">>> spike = {spec.name}()")
    lines += [
        f">>> {fn}(jnp.array([-1.0, 0.0, 1.0]))",
        f"Array([0., {'0.' if spec.strict else '1.'}, 1.], dtype=float32)",
        f'>>> print(f"{{float(jax.grad({fn})({x})):.4g}}")  # g({x})',
        f"{value_at(spec, spec.grad, x):.4g}",
    ]
    return lines


def param_rows(spec: Spec) -> list[tuple[str, str, str, str, str]]:
    """(name, default, domain, kind, description) per parameter."""
    return [
        (
            p.name,
            repr(p.default),
            DOMAINS[p.domain],
            "static int" if p.static else "float or array",
            p.description,
        )
        for p in spec.params
    ]


def short_reference(reference: str) -> str:
    """``Neftci, Mostafa & Zenke 2019`` from a full reference (authors up to the year)."""
    match = re.match(r"(.*?\b(?:19|20)\d\d[a-z]?)\b", reference)
    return match.group(1) if match else reference.split(",")[0]


def docstring(spec: Spec, twin: bool = False) -> str:
    """A class docstring: summary, formulas, parameters, convention at 0, example, references.

    With ``twin``, the shorter docstring of the function twin: summary, g, convention,
    arguments and an example calling the function.
    """
    blocks = [[spec.summary or f"{spec.name} surrogate spike function."]]
    if twin:
        call = f"{spec.name}({', '.join(spec.param_names)})(x)"
        blocks.append([f"The spike function of :class:`{spec.name}` as a function: ``{call}``."])
    for item in formulas(spec):
        if item.key == "forward" or (twin and item.key != "grad"):
            continue
        blocks.append([f"{item.title}:", "", textwrap.indent(f"{item.lhs} = ", "    ")])
        math = text_math(item.expr)
        if "\n" in math:
            blocks[-1][-1] = textwrap.indent(f"{item.lhs} =", "    ")
            blocks[-1] += ["", textwrap.indent(math, "        ")]
        else:
            blocks[-1][-1] += math
    if spec.primitive is None and not twin:
        blocks.append(["The primitive G has no closed form."])
    blocks.append([f"Convention at 0: {convention(spec)}"])
    args = ["Args:"] + (["    x: the membrane potential minus the threshold (any float array)."] if twin else [])
    for name, default, domain, kind, description in param_rows(spec):
        args.append(f"    {name}: {kind}, {domain}, default {default}." + (f" {description}." if description else ""))
    if not twin:
        args.append("    autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).")
        args.append("    param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),")
        args.append("        'primitive' (ct·∂G/∂θ) or 'zero'.")
        args.append("    precision: 'accurate' (default: double-float exponent arguments, ≤ 8 ULP) or")
        args.append("        'fast' (plain exponent arguments: braintools' arithmetic and speed).")
    blocks.append(args)
    if spec.references and not twin:
        blocks.append(["References:", *(f"    {ref}" for ref in spec.references)])
    blocks.append(["Example:", "", *(f"    {line}" for line in example(spec, twin))])
    out: list[str] = []
    for block in blocks:
        for line in block:
            if line.startswith("    >>>") or "\n" in line or set(line) & set("⎛⎝⎞⎠─│"):
                out.extend(line.splitlines() or [""])
                continue
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(textwrap.wrap(line, 92, subsequent_indent=indent + "    ") or [""])
        out.append("")
    return "\n".join(out).rstrip()
