"""Checks: every property decided symbolically where SymPy can and numerically always.

:func:`check_spec` runs three kinds of check on one surrogate at its default parameters:

* rules every surrogate obeys (fail whatever the entry declares): ``soft step`` (g ≥ 0 and
  ∫g finite and positive, unless the entry declares ``nonnegative = false``, ``normalized =
  false`` or an ``integral``), ``real`` (g is real and
  defined), ``params used`` (every declared parameter changes g; a parameter only in G is
  reported as such), ``dG/dx = g``, ``continuity`` (G is continuous; g may jump only where
  declared, when the entry declares ``jumps`` or ``continuous``), ``accuracy <dtype>`` and
  ``finite`` (see :mod:`._numerics`), the JAX transformations (see :mod:`._transforms`), and
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
from collections.abc import Callable, Mapping

import sympy as sp

from ._numerics import DTYPES, measure
from ._parse import parse_formula
from ._properties import Finding, analyse
from ._report import CheckResult, Report, fmt
from ._spec import Spec

EXPECT_KEYS = (
    "normalized", "integral", "symmetric", "nonnegative", "peak", "peak_at", "support", "tail",
    "limits", "jumps", "continuous", "step", "primitive_jumps", "derivative_error",
)  # fmt: skip

__all__ = ["EXPECT_KEYS", "CheckResult", "Report", "check_spec"]


def check_spec(spec: Spec, runtime: Callable | type | None = None, *, numerics: bool = True) -> Report:
    """Check ``spec`` at its default parameters.

    Args:
        spec: the surrogate.
        runtime: its Surrogate class (or an instance); generated from ``spec`` when omitted.
        numerics: False skips the generated-code checks (accuracy, finite, transformations).
    """
    report = Report(spec.name)
    found = analyse(spec)
    _rules(report, spec, found)
    _fill_properties(report, found)
    _declared(report, spec, found)
    _property_checks(report, found)
    if numerics:
        cls = _runtime_class(spec, runtime)
        _numerics(report, spec, found, cls)
    return report


def _runtime_class(spec: Spec, runtime: Callable | type | None) -> type:
    if runtime is None:
        from ._api import surrogate_class

        return surrogate_class(spec)
    return runtime if isinstance(runtime, type) else type(runtime)


def _two_ways(f: Finding) -> tuple[bool, str]:
    """(agree, method): False when SymPy and the numbers contradict each other."""
    if f.symbolic is None or f.numeric is None:
        return True, "numeric" if f.symbolic is None else "symbolic"
    return _same(f.symbolic, f.numeric), "symbolic and numeric"


def _same(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, sp.Basic) or isinstance(b, sp.Basic):
        return _same(float(a), float(b))  # type: ignore[arg-type]
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    return a == b


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
        agree, method = _two_ways(d)
        ok = bool(d.numeric) and d.symbolic is not False and agree
        if "derivative_error" in spec.expect:  # a deliberately perturbed G: the error bound decides
            ok = d.extra["error"] <= _value(spec, spec.expect["derivative_error"])
        report.add("derivative", ok, "dG/dx = g", "equal" if ok else f"different: {d.detail}", f"{method}; {d.detail}")
    cont = found["continuity"]
    allowed = [_value(spec, j) for j in spec.expect.get("primitive_jumps", [])]  # type: ignore[attr-defined]
    G_jumps = [
        j for j in (cont.numeric or {}).get("G", []) if not any(math.isclose(j, a, abs_tol=1e-9) for a in allowed)
    ]
    agree, method = _two_ways(cont)
    text = (
        f"G jumps at {G_jumps}" if G_jumps else f"g jumps at {cont.numeric['g']}" if cont.numeric["g"] else "continuous"
    )
    where = f" but at {allowed} (declared)" if allowed else ""
    report.add("continuity", not G_jumps and agree, f"G continuous at every knot{where}", text, method)
    if "step_limit" in found and spec.expect.get("step", True):
        step = found["step_limit"]
        agree, method = _two_ways(step)
        report.add("step limit", bool(step.numeric) and step.symbolic is not False and agree,
                   f"G tends to a step as {spec.steepness} grows", step.detail, method)  # fmt: skip


_PROPERTY_CHECKS = ("symmetric", "nonnegative", "peak", "support", "tail", "limits", "integral")


def _fill_properties(report: Report, found: dict[str, Finding]) -> None:
    props = report.properties
    props["integral"] = float(found["integral"].numeric)
    location, value = found["peak"].numeric
    props["peak"], props["peak_at"] = value, location
    props["symmetric"] = bool(found["symmetric"].numeric)
    props["nonnegative"] = bool(found["nonnegative"].numeric)
    props["support"] = found["support"].numeric
    props["tail"] = found["tail"].numeric
    if found["limits"].numeric is not None:
        props["limits"] = found["limits"].numeric
    props["jumps"] = found["continuity"].numeric["g"]


def _property_checks(report: Report, found: dict[str, Finding]) -> None:
    """A check per property not already decided by a declared expectation."""
    props = report.properties
    declared = {r.check for r in report.results if r.declared}
    for name in _PROPERTY_CHECKS:
        f = found[name]
        if f.numeric is None:
            continue
        agree, method = _two_ways(f)
        shown = props.get(name, f.numeric)
        expected = "symbolic and numeric agree"
        if not agree:
            report.add(
                name, False, expected, f"symbolic {fmt(_plain(f.symbolic))}, numeric {fmt(_plain(f.numeric))}", method
            )
        elif name not in declared:
            report.add(name, True, "(reported)", fmt(shown), method)


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, sp.Basic):
        return float(value)  # type: ignore[arg-type]
    return value


def _value(spec: Spec, text: object) -> float:
    if isinstance(text, bool):
        raise ValueError(f"{spec.name}: expected a number or formula, got {text!r}")
    if isinstance(text, int | float):
        return float(text)
    if isinstance(text, str) and text.strip() in ("inf", "-inf", "+inf", "oo", "-oo", "+oo"):
        return float(text.strip().replace("oo", "inf"))
    expr = parse_formula(str(text), spec.symbols)
    return float(spec.at(expr))


def _declared(report: Report, spec: Spec, found: dict[str, Finding]) -> None:
    expect: Mapping[str, object] = spec.expect
    props = report.properties

    def add(check: str, ok: bool, expected: object, got: object, name: str) -> None:
        agree, method = _two_ways(found[name])
        report.add(check, ok and agree, fmt(expected), fmt(got), method, declared=True)

    for key in sorted(set(expect) - set(EXPECT_KEYS)):
        report.add("expect", False, f"keys among {', '.join(EXPECT_KEYS)}", f"unknown key {key!r}", "catalog", True)
    integral = props["integral"]
    if "integral" in expect or "normalized" in expect:
        ok, wants = True, []
        if "normalized" in expect:
            ok = math.isclose(integral, 1.0, rel_tol=1e-9) == bool(expect["normalized"])
            wants.append("1" if expect["normalized"] else "not 1")
        if "integral" in expect:
            want = _value(spec, expect["integral"])
            ok = ok and (_same(want, integral) or want == integral)
            wants.append(fmt(want))
        add("integral", ok, " and ".join(wants), integral, "integral")
    for key in ("symmetric", "nonnegative"):
        if key in expect:
            add(key, bool(expect[key]) == props[key], bool(expect[key]), props[key], key)
    if "peak" in expect or "peak_at" in expect:
        want_value = _value(spec, expect["peak"]) if "peak" in expect else props["peak"]
        want_at = _value(spec, expect["peak_at"]) if "peak_at" in expect else props["peak_at"]
        ok = math.isclose(props["peak"], want_value, rel_tol=1e-9, abs_tol=1e-12)  # type: ignore[arg-type]
        ok = ok and math.isclose(props["peak_at"], want_at, rel_tol=1e-6, abs_tol=1e-6)  # type: ignore[arg-type]
        add(
            "peak",
            ok,
            f"{fmt(want_value)} at x = {fmt(want_at)}",
            f"{fmt(props['peak'])} at x = {fmt(props['peak_at'])}",
            "peak",
        )
    if "support" in expect:
        want = expect["support"]
        lo, hi = props["support"]  # type: ignore[misc]
        compact = math.isfinite(lo) and math.isfinite(hi)
        if want in ("compact", "unbounded"):
            ok = compact == (want == "compact")
        else:
            ok = _same(tuple(_value(spec, w) for w in want), (lo, hi))  # type: ignore[union-attr]
        add("support", ok, want, props["support"], "support")
    if "tail" in expect:
        want = expect["tail"]
        wants = want if isinstance(want, Mapping) else {"left": want, "right": want}
        tails = props["tail"]
        ok = all(_tail_matches(str(wants[s]), tails[s]) for s in ("left", "right"))  # type: ignore[index]
        add("tail", ok, dict(wants), tails, "tail")
    if "limits" in expect:
        want = tuple(_value(spec, w) for w in expect["limits"])  # type: ignore[union-attr]
        got = props.get("limits")
        add("limits", got is not None and _same(want, got), want, got, "limits")
    if "jumps" in expect or "continuous" in expect:
        allowed = [_value(spec, j) for j in expect.get("jumps", [])] if "jumps" in expect else []
        if expect.get("continuous") is False and "jumps" not in expect:
            allowed = list(props["jumps"])  # type: ignore[arg-type]
        ok = all(any(math.isclose(j, a, abs_tol=1e-9) for a in allowed) for j in props["jumps"])  # type: ignore[union-attr]
        add("jumps", ok, allowed, props["jumps"], "continuity")


def _tail_matches(want: str, got: str) -> bool:
    if "(" not in want:
        return got.split("(")[0] == want
    if got.split("(")[0] != want.split("(")[0]:
        return False
    return math.isclose(float(want[want.index("(") + 1 : -1]), float(got[got.index("(") + 1 : -1]), rel_tol=1e-3)


def _g_limits(spec: Spec, found: dict[str, Finding]) -> tuple[float, float]:
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


def _numerics(report: Report, spec: Spec, found: dict[str, Finding], cls: type) -> None:
    from ._mpref import numeric_knots
    from ._transforms import transform_checks

    knots = sorted(set(numeric_knots(spec.at(spec.grad))))
    results = measure(spec, cls(**spec.defaults), knots, _g_limits(spec, found))
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
        report.add(f"accuracy {dtype}", r["excess"] <= 1.0, "within budget (see symsurrogate._numerics)", found_text,
                   "numeric: generated code vs mpmath")  # fmt: skip
        nonfinite += [f"{dtype} x={x:.6g}" for x in r["nonfinite"]]
        if not r["inf_ok"]:
            nonfinite.append(f"{dtype} at ±inf gives {r['at_inf']}")
        edges[dtype] = {"at_inf": r["at_inf"], "at_nan": r["nan_value"]}
    report.properties["nonfinite_inputs"] = edges
    report.add("finite", not nonfinite, "finite gradient for finite input; lim g at ±inf",
               "; ".join(nonfinite[:6]) or "all finite", "numeric, 4 dtypes incl. ±max")  # fmt: skip
    for name, ok, text in transform_checks(spec, cls):
        report.add(name, ok, "g(x) from mpmath", text, "numeric, float32")
