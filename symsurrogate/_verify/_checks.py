"""Checks: every property decided symbolically where SymPy can and numerically always.

:func:`check_spec` runs three kinds of check on one surrogate at its default parameters:

* rules every surrogate obeys (fail whatever the entry declares): ``soft step`` (g ≥ 0 and
  ∫g finite and positive, unless the entry declares ``nonnegative = false``, ``normalized =
  false`` or an ``integral``), ``real`` (g is real and
  defined), ``params used`` (every declared parameter changes g; a parameter only in G is
  reported as such), ``dG/dx = g``, ``continuity`` (G is continuous; g may jump only where
  declared, when the entry declares ``jumps`` or ``continuous``), ``accuracy <dtype>`` and
  ``finite`` (see :mod:`._numerics`), the JAX transformations (see :mod:`._jaxchecks`), and
  ``step limit`` (for entries with a steepness parameter: G tends to a step as it grows);
* properties, reported always and failed only when the two methods disagree (a bug in one
  of them) or when the entry declares an expectation that does not hold;
* the entry's declared expectations, from the ``expect`` table of the catalog entry.

Expectation vocabulary (keys of ``expect``; formulas are strings in the entry's parameters,
evaluated at the defaults):

==============  ==================================================================
normalized      bool: ∫g over ℝ is 1 (False: it is not 1)
integral        number, formula, or "inf"/"oo" (divergent): the value of ∫g over ℝ
symmetric       bool: g(x) = g(−x)
nonnegative     bool: g ≥ 0
peak            number or formula: the maximum of g
peak_at         number or formula: where g is largest
support         "compact", "unbounded", or [lo, hi] (numbers, formulas, "-inf"/"inf")
tail            class for both sides or {left = ..., right = ...}: "none", "exponential",
                "gaussian", "power", "constant", "oscillating", optionally with the rate or
                exponent, e.g. "power(-2)", "exponential(4)"
limits          [G(−∞), G(+∞)] (numbers, formulas, "-inf"/"inf")
jumps           list of x where g is allowed to jump (declares every discontinuity of g)
continuous      bool: g is continuous (same as ``jumps = []``)
step            bool: G tends to a step as the steepness grows (default: true when the
                entry declares ``steepness``)
primitive_jumps list of x where G is allowed to jump (a primitive perturbed on purpose,
                as S2NN's ε)
derivative_error  number or formula: the largest |dG/dx − g| / max|g| allowed (default
                1e-10; for a G perturbed on purpose)
==============  ==================================================================
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .._codegen._resolve import surrogate_class
from .._support._budget import OutOfTime
from .._symbolic._spec import Spec
from ._compare import declared_value, plain, two_ways
from ._numerics import DTYPES, gradient_inputs, gradients, measure
from ._properties import Finding
from ._registry import EXPECT_KEYS, PROPERTIES, SHOWN, analyse
from ._report import CheckResult, Report, fmt

__all__ = ["EXPECT_KEYS", "CheckResult", "Report", "check_spec"]


def check_spec(spec: Spec, runtime: Callable | type | None = None, *, numerics: bool = True) -> Report:
    """Check ``spec`` at its default parameters.

    Args:
        spec: the surrogate.
        runtime: its Surrogate class (or an instance); generated from ``spec`` when omitted.
        numerics: False skips the generated-code checks (accuracy, finite, transformations).
    """
    report = Report(spec.name)
    try:
        found = analyse(spec)
    except (MemoryError, RecursionError, OutOfTime) as err:
        # The analysis itself failed (mpmath or SymPy out of memory, recursion or time): say so.
        reason = f"undecided: {type(err).__name__} {str(err)[:120]}".rstrip()
        report.add("analysis", False, "the properties of g decided", reason, "symbolic and numeric")
        return report
    _rules(report, spec, found)
    _fill_properties(report, found)
    _declared(report, spec, found)
    _property_checks(report, found)
    if numerics:
        cls = _runtime_class(spec, runtime)
        # An instance's precision is what is checked: ss.check(Sigmoid(precision="fast")) checks the fast code.
        precision = getattr(runtime, "precision", None) if not isinstance(runtime, type) else None
        _numerics(report, spec, found, cls, precision or getattr(cls, "default_precision", "accurate"))
    return report


def _runtime_class(spec: Spec, runtime: Callable | type | None) -> type:
    if runtime is None:
        return surrogate_class(spec)
    return runtime if isinstance(runtime, type) else type(runtime)


def _soft_step(report: Report, spec: Spec, found: dict[str, Finding]) -> None:
    """G must be a soft step: g ≥ 0 (G never decreases) with a finite positive ∫g over ℝ.

    An entry that is not one on purpose says so: ``nonnegative = false`` or a declared
    ``integral`` (such as "oo") or ``normalized = false`` lifts the corresponding half of the rule.
    """
    problems = []
    if not found["nonnegative"].numeric and spec.expect.get("nonnegative", True) is not False:
        problems.append(f"g is negative somewhere, so G decreases ({found['nonnegative'].detail})")
    integral = float(found["integral"].numeric)
    if "integral" not in spec.expect and spec.expect.get("normalized", True) is not False:
        if math.isinf(integral):
            problems.append("∫g over ℝ diverges")
        elif math.isnan(integral):
            problems.append(f"∫g over ℝ does not converge (tails {found['tail'].numeric})")
        elif integral <= 0:
            problems.append(f"∫g over ℝ is {integral:.6g}, not positive")
    report.add("soft step", not problems, "g ≥ 0 and 0 < ∫g < ∞ (or declared otherwise)",
               "; ".join(problems) or "yes", "numeric")  # fmt: skip


def _rules(report: Report, spec: Spec, found: dict[str, Finding]) -> None:
    _basic_rules(report, spec, found)
    _soft_step(report, spec, found)


def _basic_rules(report: Report, spec: Spec, found: dict[str, Finding]) -> None:
    real = found["real"]
    report.add("real", bool(real.numeric) and real.symbolic is not False, "g real and defined for real x",
               real.detail or "real", "symbolic and numeric" if real.symbolic is not None else "numeric")  # fmt: skip
    used = found["params_used"]
    unused = [n for n, where in used.numeric.items() if where == "unused" or used.symbolic[n] == "unused"]
    only_G = [n for n, where in used.symbolic.items() if where == "G only"]
    text = f"never used: {', '.join(unused)}" if unused else "all used"
    text += f" (in G only: {', '.join(only_G)})" if only_G else ""
    report.add("params used", not unused, "every declared parameter appears in g", text,
               "symbolic (free symbols) and numeric (perturbing each changes g)")  # fmt: skip
    d = found["derivative"]
    if d.numeric is not None:
        agree, method = two_ways(d)
        ok = bool(d.numeric) and d.symbolic is not False and agree
        if "derivative_error" in spec.expect:  # a deliberately perturbed G: the error bound decides
            ok = d.extra["error"] <= declared_value(spec, spec.expect["derivative_error"])
        report.add("derivative", ok, "dG/dx = g", "equal" if ok else f"different: {d.detail}", f"{method}; {d.detail}")
    cont = found["continuity"]
    allowed = [declared_value(spec, j) for j in spec.expect.get("primitive_jumps", [])]  # type: ignore[attr-defined]
    G_jumps = [
        j for j in (cont.numeric or {}).get("G", []) if not any(math.isclose(j, a, abs_tol=1e-9) for a in allowed)
    ]
    agree, method = two_ways(cont)
    text = (
        f"G jumps at {G_jumps}" if G_jumps else f"g jumps at {cont.numeric['g']}" if cont.numeric["g"] else "continuous"
    )
    where = f" but at {allowed} (declared)" if allowed else ""
    report.add("continuity", not G_jumps and agree, f"G continuous at every knot{where}", text, method)
    if "step_limit" in found and spec.expect.get("step", True):
        step = found["step_limit"]
        agree, method = two_ways(step)
        report.add("step limit", bool(step.numeric) and step.symbolic is not False and agree,
                   f"G tends to a step as {spec.steepness} grows", step.detail, method)  # fmt: skip


def _fill_properties(report: Report, found: dict[str, Finding]) -> None:
    for prop in SHOWN:
        if prop.name in found:
            report.properties.update(prop.values(found[prop.name]))


def _property_checks(report: Report, found: dict[str, Finding]) -> None:
    """A check per reported property not already decided by a declared expectation."""
    props = report.properties
    declared = {r.check for r in report.results if r.declared}
    for prop in PROPERTIES:
        f = found.get(prop.name)
        if not prop.reported or f is None or f.numeric is None:
            continue
        agree, method = two_ways(f)
        shown = props.get(prop.name, f.numeric)
        if not agree:
            got = f"symbolic {fmt(plain(f.symbolic))}, numeric {fmt(plain(f.numeric))}"
            report.add(prop.check, False, "symbolic and numeric agree", got, method)  # type: ignore[arg-type]
        elif prop.check not in declared:
            report.add(prop.check, True, "(reported)", fmt(shown), method)  # type: ignore[arg-type]


def _declared(report: Report, spec: Spec, found: dict[str, Finding]) -> None:
    for key in sorted(set(spec.expect) - set(EXPECT_KEYS)):
        report.add("expect", False, f"keys among {', '.join(EXPECT_KEYS)}", f"unknown key {key!r}", "catalog", True)
    for prop in SHOWN:
        verdict = prop.declared(spec, spec.expect, report.properties) if prop.declared else None
        if verdict is not None:
            agree, method = two_ways(found[prop.name])
            report.add(verdict.check, verdict.ok and agree, fmt(verdict.expected), fmt(verdict.got), method, True)


def _g_limits(spec: Spec, found: dict[str, Finding]) -> tuple[float, float]:
    from .._support._budget import bounded

    return bounded("reference", spec.name, lambda: _g_limits_unbounded(spec, found))


def _g_limits_unbounded(spec: Spec, found: dict[str, Finding]) -> tuple[float, float]:
    from ._mpref import mp_function, real_value

    g = mp_function(spec.at(spec.grad))
    out = []
    for side, key in ((-1, "left"), (1, "right")):
        tail = found["tail"].numeric[key]
        if tail == "oscillating" or tail == "unknown":
            out.append(math.nan)
        elif tail == "constant" or (tail.startswith("power(") and float(tail[6:-1]) > 0):
            out.append(float(real_value(g(side * 1e300))))
        else:
            out.append(0.0)
    return out[0], out[1]


def _numerics(report: Report, spec: Spec, found: dict[str, Finding], cls: type, precision: str) -> None:
    from ._jaxchecks import transform_cases
    from ._mpref import numeric_knots
    from ._paramknots import knot_checks

    knots = sorted(set(numeric_knots(spec.at(spec.grad))))
    options = {"precision": precision} if precision != "accurate" else {}
    transforms, judge_transforms = transform_cases(spec, cls)
    runtime = cls(**spec.defaults, **options)
    outputs, transformed = gradients(runtime, gradient_inputs(knots), alongside=transforms)
    results = measure(spec, outputs, knots, _g_limits(spec, found), precision)
    nonfinite, edges = [], {}
    for dtype in DTYPES:
        r = results[dtype]
        if "error" in r:
            report.add(f"accuracy {dtype}", False, "the backward pass runs", r["error"], "numeric")
            continue
        unit = "ULP" if dtype in ("float32", "float64") else "relative"
        key = ("ulp_" if unit == "ULP" else "relerr_") + dtype
        report.properties[key] = r["max_error"]
        found_text = f"max {unit} error {r['max_error']:.3g} at x = {r['worst_at']:.6g} ({r['points']} points)"
        if r["excess"] > 1.0:
            found_text += f"; {r['excess']:.3g} × the budget at x = {r['excess_at']:.6g}"
        budget = "within budget (see _verify._numerics)" + (
            " + argument rounding (see _verify._fastbudget)" if r.get("argument_rounding") else ""
        )
        report.add(f"accuracy {dtype}", r["excess"] <= 1.0, budget, found_text,
                   f"numeric: generated code ({precision}) vs mpmath")  # fmt: skip
        nonfinite += [f"{dtype} x={x:.6g}" for x in r["nonfinite"]]
        if not r["inf_ok"]:
            nonfinite.append(f"{dtype} at ±inf gives {r['at_inf']}")
        edges[dtype] = {"at_inf": r["at_inf"], "at_nan": r["nan_value"]}
    report.properties["nonfinite_inputs"] = edges
    report.add("finite", not nonfinite, "finite gradient for finite input; lim g at ±inf",
               "; ".join(nonfinite[:6]) or "all finite", "numeric, 4 dtypes incl. ±max")  # fmt: skip
    for name, ok, text in judge_transforms(transformed):
        report.add(name, ok, "g(x) from mpmath", text, "numeric, float32")
    for name, ok, text in knot_checks(spec, cls):
        report.add(name, ok, "finite derivatives of g and G (x and parameters); g from mpmath", text,
                   "numeric, float32, at a value where a condition on the parameter switches")  # fmt: skip
