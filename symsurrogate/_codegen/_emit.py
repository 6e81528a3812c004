"""Code generation: a Spec becomes a readable, self-contained Python module over JAX."""

from __future__ import annotations

import textwrap

import sympy as sp

from .._errors import FormulaError
from .._support._budget import bounded
from .._support._source import FORMULA_MODULE_NAMES, renamed_params, string_literal
from .._symbolic._calculus import X
from .._symbolic._nodes import CompensatedExp, ExpErfc, StableSigmoid, Vanishing
from .._symbolic._spec import Spec, param_symbol
from ._doublefloat import compensable
from ._infinity import unclipped_at_infinity
from ._inline import helper_source
from ._printer import SurrogatePrinter
from ._stabilize import stabilize

GENERATOR_VERSION = "7"

# A Sum with integer limits is written out term by term up to this many terms: each term is
# then stabilised on its own and the module needs no loop over the index.
MAX_EXPANDED_TERMS = 64
# Constants beyond float32's normal range are folded into an exponential (or refused):
# printed as they are, they would be inf or 0 in the float32 computation.
_FLOAT32_RANGE = (sp.Float("1.2e-38"), sp.Float("3.4e38"))


def generator_version() -> str:
    """Version of the code generator, recorded in every generated module's header."""
    return GENERATOR_VERSION


PRECISIONS = ("accurate", "fast")


def module_printer(precision: str = "accurate") -> SurrogatePrinter:
    """The printer of generated modules: the helpers of ``symsurrogate._jaxops``; exponent
    arguments in double-float (``"accurate"``) or plain (``"fast"``, see ``Surrogate``)."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, got {precision!r}")
    return SurrogatePrinter(sigmoid="_sigmoid", reduce="_reduce", double_float=precision == "accurate", helpers=True)


def function_body(expr: sp.Expr, spec: Spec, printer: SurrogatePrinter | None = None) -> list[str]:
    """Lines computing ``expr`` (stabilised, common subexpressions named) ending in ``return``.

    ``printer`` (default: :func:`module_printer`) records the helpers and modules the lines use.
    """
    return function_bodies(expr, spec, [printer or module_printer()])[0]


def function_bodies(expr: sp.Expr, spec: Spec, printers: list[SurrogatePrinter]) -> list[list[str]]:
    """:func:`function_body` printed by each of ``printers`` (one stabilisation, one CSE)."""
    return _printed(_stable(expr, spec), spec, printers)


def _stable(expr: sp.Expr, spec: Spec) -> sp.Expr:
    defaults = {param_symbol(p): spec.at(param_symbol(p)) for p in spec.params}
    return stabilize(_fold_extreme_constants(_expand_finite_sums(expr), spec), defaults)


def _printed(stable: sp.Expr, spec: Spec, printers: list[SurrogatePrinter]) -> list[list[str]]:
    # Parameters named like the generated code's own identifiers (jnp, grad, ct, ...) are renamed.
    renamed = renamed_params(spec.param_names)
    stable = stable.xreplace(
        {
            param_symbol(p): sp.Symbol(renamed[p.name], **param_symbol(p).assumptions0)
            for p in spec.params
            if renamed[p.name] != p.name
        }
    )
    # A Sum index is a loop variable in the generated code: the same rule applies to it.
    indices = {limit[0] for s in stable.atoms(sp.Sum) for limit in s.limits}
    stable = stable.xreplace(
        {i: sp.Symbol(f"_i_{i.name}", **i.assumptions0) for i in indices if i.name in FORMULA_MODULE_NAMES}
    )
    # A Sum's term uses its bound index, and a compensated exponential's argument must not
    # be rounded into plain temporaries: both are printed whole, never split by CSE.
    sums = {s: sp.Symbol(f"_s{i}") for i, s in enumerate(sorted(stable.atoms(sp.Sum), key=sp.default_sort_key))}
    # A Vanishing product re-evaluates both factors at a guarded x: printed whole too (the
    # outermost ones, outside any Sum).
    products = stable.xreplace(sums).atoms(Vanishing)
    products = [v for v in products if not any(v != w and w.has(v) for w in products)]
    vanishing = {v: i for i, v in enumerate(sorted(products, key=sp.default_sort_key))}
    sums.update({v: sp.Symbol(f"_v{i}") for v, i in vanishing.items()})
    # Exponentials inside a Sum use its index: they stay inside the Sum's loop. A logistic or
    # an e^a·erfc(z) whose arguments are printed in double-float is such an exponential too:
    # CSE would round a factor of an argument (1/s in x/s) into a plain temporary.
    exps = sorted(
        (
            e
            for e in stable.xreplace(sums).atoms(CompensatedExp, StableSigmoid, ExpErfc)
            if isinstance(e, CompensatedExp) or all(a.has(X) and compensable(a, X) for a in e.args)
        ),
        key=sp.default_sort_key,
    )
    sums.update({e: sp.Symbol(f"_e{i}") for i, e in enumerate(exps)})
    temporaries, (result,) = sp.cse([stable.xreplace(sums)], symbols=sp.numbered_symbols("_t"), order="none")
    bodies = []
    for printer in printers:
        lines = []
        for value, name in sums.items():
            if value in vanishing:
                lines += _vanishing_lines(printer, value, vanishing[value])
            else:
                lines.append(f"{name} = {printer.doprint(value)}")
        lines += [f"{name} = {printer.doprint(value)}" for name, value in temporaries]
        text = printer.doprint(result)
        if not stable.has(X):
            # A gradient constant in x (straight-through) must still have x's shape.
            text = f"jnp.full_like(x, {text})"
        lines.append(f"return {text}")
        bodies.append(lines)
    return bodies


def _vanishing_lines(printer: SurrogatePrinter, product: Vanishing, i: int) -> list[str]:
    """f·d as 0 where d is 0, with both factors evaluated at a guarded x (see Vanishing)."""
    factor, decaying = product.args
    guarded = sp.Symbol(f"_x{i}", real=True)
    printer.inputs.add(guarded)
    value = printer.doprint((factor * decaying).xreplace({X: guarded}))
    return [
        f"_d{i} = {printer.doprint(decaying)}",
        f"{guarded} = jnp.where(_d{i} != 0, x, 0)",
        f"_v{i} = jnp.where(_d{i} != 0, {value}, 0)",
    ]


def _expand_finite_sums(expr: sp.Expr) -> sp.Expr:
    """Each Sum with integer limits (at most MAX_EXPANDED_TERMS terms) as its explicit terms.

    >>> k = sp.Symbol("k", integer=True)
    >>> expanded = _expand_finite_sums(sp.Sum(sp.exp(-(X - k) ** 2), (k, -1, 1)))
    >>> expanded == sp.exp(-((X + 1) ** 2)) + sp.exp(-(X**2)) + sp.exp(-((X - 1) ** 2))
    True
    """

    def expand(total: sp.Sum) -> sp.Expr:
        term, (index, start, stop) = total.args[0], total.args[1]
        if not (start.is_Integer and stop.is_Integer) or stop - start + 1 > MAX_EXPANDED_TERMS:
            return total  # symbolic limits (a static parameter): printed as a loop
        return sp.Add(*(term.subs(index, k) for k in range(int(start), int(stop) + 1)))

    return expr.replace(lambda e: isinstance(e, sp.Sum), expand)


def _fold_extreme_constants(expr: sp.Expr, spec: Spec) -> sp.Expr:
    """``c·exp(u)`` with c outside float32's range as ``±exp(u + log|c|)``, exactly.

    A constant such as exp(1000) cannot be printed as a float (it is inf even in float64);
    next to an exponential it is folded into the exponent. One with no exponential to join
    is refused, naming it.

    >>> _fold_extreme_constants(sp.exp(1000) * sp.exp(-X**2 - 1000), None)
    exp(-x**2)
    """
    low, high = _FLOAT32_RANGE

    def extreme(value: sp.Expr) -> bool:
        magnitude = abs(value.evalf(30))
        return bool(magnitude > high or (magnitude != 0 and magnitude < low))

    def fold(mul: sp.Mul) -> sp.Expr:
        constant = sp.Mul(*[f for f in mul.args if f.is_number])
        rest = sp.Mul(*[f for f in mul.args if not f.is_number])
        exps = [f for f in sp.Mul.make_args(rest) if isinstance(f, sp.exp)]
        if not exps:
            return mul
        others = [f for f in sp.Mul.make_args(rest) if f is not exps[0]]
        sign = -1 if constant.is_negative else 1
        return sign * sp.Mul(*others) * sp.exp(exps[0].args[0] + sp.expand_log(sp.log(abs(constant)), force=True))

    folded = expr.replace(lambda e: isinstance(e, sp.Mul) and any(f.is_number and extreme(f) for f in e.args), fold)
    for number in folded.atoms(sp.Number, sp.exp, sp.Pow):
        if number.is_number and number.is_finite is not False and extreme(number):
            culprit = f"{spec.name}: " if spec is not None else ""
            raise FormulaError(f"{culprit}constant {number} is outside float32's range; write it inside an exponent")
    return folded


def codegen(
    spec: Spec,
    *,
    catalog: bool = False,
    regenerate: str = "symsurrogate codegen",
    precision: str = "accurate",
    with_primitive: bool = True,
) -> str:
    """Emit the module for ``spec``: its formulas, and (standalone) custom_vjp and custom_jvp spike functions.

    A standalone module's only import is JAX: it carries the source of the helpers it calls.
    Its ``spike`` and ``spike_jvp`` take the parameters as ordinary (traceable) arguments and
    return, for each parameter, ``ct · ∂g/∂θ`` as cotangent (braintools' convention); static
    integer parameters are ``nondiff_argnums``.

    Args:
        spec: the surrogate.
        catalog: a formula module for a runtime class instead: it imports the helpers from
            ``symsurrogate._jaxops`` and ends after ``grad``/``primitive`` (the runtime builds
            the spike functions from them).
        regenerate: the command a standalone module's header names to regenerate it.
        precision: a standalone module's arithmetic: ``"accurate"`` (double-float exponent
            arguments, ≤ 8 ULP) or ``"fast"`` (plain exponent arguments). A catalog module
            holds both: ``grad_fast``/``primitive_fast`` follow where they differ.
        with_primitive: False leaves out G and everything said about it (``HAS_PRIMITIVE``,
            ``NO_PRIMITIVE``, ``primitive``): a catalog module of g alone, for a run-time
            class whose primitive is not searched for yet.
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, got {precision!r}")
    command = "symsurrogate generate" if catalog else regenerate
    if with_primitive:
        # A primitive still to be found is searched for under its own time limit, not
        # within code generation's (where running out would read as "no closed form").
        spec.primitive  # noqa: B018
    try:
        return bounded("codegen", spec.name, lambda: _module(spec, catalog, command, precision, with_primitive))
    except FormulaError:
        raise
    except (TypeError, ValueError, NotImplementedError, AttributeError) as err:
        raise FormulaError(f"{spec.name}: cannot generate code: {_first_line(err)}") from None


def _first_line(err: Exception) -> str:
    # SymPy's printer errors add a second line of advice that does not apply here.
    return (str(err).splitlines() or [type(err).__name__])[0]


def _module(spec: Spec, catalog: bool, regenerate: str, precision: str, with_primitive: bool = True) -> str:
    renamed = renamed_params(spec.param_names)
    names = [renamed[n] for n in spec.param_names]  # the identifiers inside this module
    signature = ", ".join(["x", *names])
    static = [i + 1 for i, p in enumerate(spec.params) if p.static]
    traced = [renamed[p.name] for p in spec.params if not p.static]
    op = ">" if spec.strict else ">="
    printer = module_printer("accurate" if catalog else precision)
    # A catalog module also carries the fast variants, only where they differ (where an
    # exponent argument is compensated); the runtime picks them for precision="fast".
    printers = [printer, module_printer("fast")] if catalog else [printer]
    stable_g = _stable(spec.grad, spec)
    body_g, fast_g = [*_indented(_printed(stable_g, spec, printers)), None][:2]
    body_G = fast_G = None
    no_primitive = (spec.primitive_note or "SymPy finds no closed form for ∫g") if with_primitive else ""
    if with_primitive and spec.primitive is not None:
        try:
            body_G, fast_G = [*_bodies(spec.primitive, spec, printers), None][:2]
        except (FormulaError, TypeError, ValueError, NotImplementedError, AttributeError) as err:
            # A primitive is optional: the backward pass needs g only. The module says why G is missing.
            shown = textwrap.shorten(sp.sstr(spec.primitive), 160, placeholder=" …")
            no_primitive = f"JAX cannot evaluate G = {shown}: {_first_line(err)}"
    if catalog:
        printer.helpers |= printers[1].helpers
        printer.module_imports.update(printers[1].module_imports)
    imports = ["import jax", "import jax.numpy as jnp"]
    imports += [f"import {m}" for m in sorted(printer.module_imports) if m.startswith("jax.") and m != "jax.numpy"]
    if printer.helpers and catalog:
        imports.append(f"from symsurrogate._jaxops import {', '.join(sorted(printer.helpers))}")
    header = _header(spec, regenerate, with_primitive)
    parts = [header, *(["import functools", ""] if static and not catalog else []), *imports, ""]
    parts.append(f"NAME = {spec.name!r}")
    parts.append(f"PARAMS = {spec.param_names!r}")
    parts.append(f"STATIC = {tuple(p.name for p in spec.params if p.static)!r}")
    parts.append(f"STRICT = {spec.strict!r}")
    if catalog:
        # Read by the runtime: in fast mode, with parameters within these intervals, g then
        # takes x as it is, without the clip to ±max; None: always with the clip.
        parts.append(f"FAST_GRAD_AT_INFINITY = {unclipped_at_infinity(stable_g)!r}")
    if with_primitive:
        parts.append(f"HAS_PRIMITIVE = {body_G is not None!r}")
    if with_primitive and body_G is None:
        parts.append(f"NO_PRIMITIVE = {no_primitive!r}")
    if body_G is not None:
        parts.append(f'\n\ndef primitive({signature}):\n    """G(x): the soft step."""\n{body_G}')
    parts.append(f'\n\ndef grad({signature}):\n    """g(x) = dG/dx: the surrogate gradient."""\n{body_g}')
    if fast_G is not None and fast_G != body_G:
        parts.append(f'\n\ndef primitive_fast({signature}):\n    """G(x) with plain exponent arguments."""\n{fast_G}')
    if fast_g is not None and fast_g != body_g:
        parts.append(f'\n\ndef grad_fast({signature}):\n    """g(x) with plain exponent arguments."""\n{fast_g}')
    if not catalog:
        # Helpers the formulas (and the spike functions) call come after them: the module
        # reads formulas first.
        parts.append("\n\n" + helper_source({*printer.helpers, "_compute_input"}))
        parts.append(_spike_functions(signature, names, traced, static, op))
    return "\n".join(parts) + "\n"


def _bodies(expr: sp.Expr, spec: Spec, printers: list[SurrogatePrinter]) -> list[str | None]:
    return _indented(function_bodies(expr, spec, printers))


def _indented(bodies: list[list[str]]) -> list[str | None]:
    return [textwrap.indent("\n".join(lines), "    ") for lines in bodies]


def _header(spec: Spec, regenerate: str, with_primitive: bool = True) -> str:
    lines = [f"{spec.name}: {spec.summary}" if spec.summary else f"{spec.name} surrogate spike function."]
    lines.append("")
    lines.append(f"    forward   H(x) = 1 if x {'>' if spec.strict else '>='} 0 else 0")
    if with_primitive and spec.primitive is not None:
        lines.append(f"    primitive G(x) = {sp.sstr(spec.primitive)}")
    lines.append(f"    gradient  g(x) = {sp.sstr(spec.grad)}")
    lines.append("")
    lines.append(f"Generated by symsurrogate (generator {GENERATOR_VERSION}) from spec {spec.hash}.")
    wrapped = []
    for line in lines:
        wrapped.extend(textwrap.wrap(line, 96, subsequent_indent="        ") or [""])
    wrapped.append(f"Do not edit: regenerate with `{regenerate}`.")
    return string_literal("\n".join(wrapped) + "\n") + "\n"


def _spike_functions(signature: str, names: list[str], traced: list[str], static: list[int], op: str) -> str:
    traced_args = ", ".join(traced)
    static_names = [names[i - 1] for i in static]
    lam = f"lambda {traced_args}: " if traced else "lambda: "
    call = ", ".join(["x32", *[n if n in static_names else f"jnp.asarray({n}, dtype)" for n in names]])
    vjp_decorator = (
        "@jax.custom_vjp" if not static else f"@functools.partial(jax.custom_vjp, nondiff_argnums={tuple(static)!r})"
    )
    jvp_decorator = (
        "@jax.custom_jvp" if not static else f"@functools.partial(jax.custom_jvp, nondiff_argnums={tuple(static)!r})"
    )
    residual = ", ".join(["x", *traced])
    bwd_args = ", ".join([*static_names, "residual", "ct"])
    jvp_args = ", ".join([*static_names, "primals", "tangents"])
    unpack_traced = f"    x, {traced_args} = residual" if traced else "    (x,) = residual"
    # g is computed in float32 for half-precision x: its pullback wants a float32 cotangent.
    param_cts = "*param_vjp(ct.astype(g.dtype))" if traced else ""
    primal_tangents = (
        f"    x, {traced_args} = primals\n    x_dot, {', '.join(t + '_dot' for t in traced)} = tangents"
        if traced
        else "    (x,) = primals\n    (x_dot,) = tangents"
    )
    jvp_inner = (
        f"    g, param_tangent = jax.jvp({lam}grad({call}), ({traced_args},), "
        f"({', '.join(t + '_dot' for t in traced)},))\n"
        if traced
        else f"    g, param_tangent = grad({call}), 0.0\n"
    )
    text = f'''

{vjp_decorator}
def spike({signature}):
    """Heaviside step H(x) forward; surrogate gradient g(x) backward."""
    return (x {op} 0).astype(jnp.result_type(x))


def _spike_fwd({signature}):
    return spike({signature}), ({residual},)


def _spike_bwd({bwd_args}):
{unpack_traced}
    x32 = _compute_input(x)
    dtype = x32.dtype
    g, param_vjp = jax.vjp({lam}grad({call}){", " + traced_args if traced else ""})
    return ((ct * g).astype(x.dtype), {param_cts})


spike.defvjp(_spike_fwd, _spike_bwd)


{jvp_decorator}
def spike_jvp({signature}):
    """Heaviside step H(x) forward; tangent g(x)·ẋ (+ ∂g/∂θ·θ̇) in forward mode."""
    return (x {op} 0).astype(jnp.result_type(x))


@spike_jvp.defjvp
def _spike_jvp_rule({jvp_args}):
{primal_tangents}
    x32 = _compute_input(x)
    dtype = x32.dtype
{jvp_inner}    out = spike_jvp({signature})
    return out, (g * x_dot + param_tangent).astype(out.dtype)
'''
    return text
