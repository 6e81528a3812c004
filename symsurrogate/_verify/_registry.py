"""The registry of properties: one record per property, iterated by the checks, the report and the docs.

A record says how a property is analysed (on the :class:`~._properties.Analysis` of a
Spec), what it adds to ``Report.properties``, how the docs and the report table name it,
which catalog ``expect`` keys declare it and how a declaration is compared. Adding a
property is adding a record here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._support._budget import bounded
from .._support._cache import cached
from ._compare import declared_value, fmt, same, tail_matches

if TYPE_CHECKING:  # the records are read without SymPy (a parallel check's parent renders the table)
    from .._symbolic._spec import Spec
    from ._properties import Analysis, Finding

Found = Mapping[str, "Finding"]
Values = Mapping[str, object]


@dataclass(frozen=True)
class Declared:
    """One declared expectation, compared: the check it is reported under, and its verdict."""

    check: str
    ok: bool
    expected: object
    got: object


@dataclass(frozen=True)
class Property:
    """One property of a surrogate.

    Attributes:
        name: its key in the analysis (``Finding`` by name).
        analyse: computes its Finding from the analysis and the findings before it.
        check: the name of its check in a Report; None when a rule of ``_checks`` judges it.
        reported: its value is reported as a check of its own ("symbolic and numeric agree").
        values: the entries it adds to ``Report.properties``.
        labels: how the docs name each of those entries (the key itself when absent).
        yes: how the docs word a True value.
        header: the report table's column header (the check name when None).
        cell: the ``Report.properties`` keys shown in its table cell.
        expect: the catalog ``expect`` keys that declare it.
        declared: compares a declaration with the values; None when nothing is declared.
        applies: whether the property exists for a Spec.
        position: where its values stand in ``Report.properties`` and on the docs pages.
    """

    name: str
    analyse: Callable[[Analysis, Found], Finding]
    check: str | None = None
    reported: bool = False
    values: Callable[[Finding], dict[str, object]] = lambda f: {}
    labels: Mapping[str, str] = field(default_factory=dict)
    yes: str = "yes"
    header: str | None = None
    cell: tuple[str, ...] = ()
    expect: tuple[str, ...] = ()
    declared: Callable[[Spec, Values, Values], Declared | None] | None = None
    applies: Callable[[Spec], bool] = lambda spec: True
    position: int = 0


def _declared_integral(spec: Spec, expect: Values, props: Values) -> Declared | None:
    if "integral" not in expect and "normalized" not in expect:
        return None
    integral = props["integral"]
    ok, wants = True, []
    if "normalized" in expect:
        ok = math.isclose(integral, 1.0, rel_tol=1e-9) == bool(expect["normalized"])  # type: ignore[arg-type]
        wants.append("1" if expect["normalized"] else "not 1")
    if "integral" in expect:
        want = declared_value(spec, expect["integral"])
        ok = ok and (same(want, integral) or want == integral)
        wants.append(want)
    return Declared("integral", ok, " and ".join(str(w) if isinstance(w, str) else fmt(w) for w in wants), integral)


def _declared_flag(key: str) -> Callable[[Spec, Values, Values], Declared | None]:
    def compare(spec: Spec, expect: Values, props: Values) -> Declared | None:
        if key not in expect:
            return None
        return Declared(key, bool(expect[key]) == props[key], bool(expect[key]), props[key])

    return compare


def _declared_peak(spec: Spec, expect: Values, props: Values) -> Declared | None:
    if "peak" not in expect and "peak_at" not in expect:
        return None
    want_value = declared_value(spec, expect["peak"]) if "peak" in expect else props["peak"]
    want_at = declared_value(spec, expect["peak_at"]) if "peak_at" in expect else props["peak_at"]
    ok = math.isclose(props["peak"], want_value, rel_tol=1e-9, abs_tol=1e-12)  # type: ignore[arg-type]
    ok = ok and math.isclose(props["peak_at"], want_at, rel_tol=1e-6, abs_tol=1e-6)  # type: ignore[arg-type]
    return Declared(
        "peak", ok, f"{fmt(want_value)} at x = {fmt(want_at)}", f"{fmt(props['peak'])} at x = {fmt(props['peak_at'])}"
    )


def _declared_support(spec: Spec, expect: Values, props: Values) -> Declared | None:
    if "support" not in expect:
        return None
    want = expect["support"]
    lo, hi = props["support"]  # type: ignore[misc]
    compact = math.isfinite(lo) and math.isfinite(hi)
    if want in ("compact", "unbounded"):
        ok = compact == (want == "compact")
    else:
        ok = same(tuple(declared_value(spec, w) for w in want), (lo, hi))  # type: ignore[union-attr]
    return Declared("support", ok, want, props["support"])


def _declared_tail(spec: Spec, expect: Values, props: Values) -> Declared | None:
    if "tail" not in expect:
        return None
    want = expect["tail"]
    wants = want if isinstance(want, Mapping) else {"left": want, "right": want}
    tails = props["tail"]
    ok = all(tail_matches(str(wants[s]), tails[s]) for s in ("left", "right"))  # type: ignore[index]
    return Declared("tail", ok, dict(wants), tails)


def _declared_limits(spec: Spec, expect: Values, props: Values) -> Declared | None:
    if "limits" not in expect:
        return None
    want = tuple(declared_value(spec, w) for w in expect["limits"])  # type: ignore[union-attr]
    got = props.get("limits")
    return Declared("limits", got is not None and same(want, got), want, got)


def _declared_jumps(spec: Spec, expect: Values, props: Values) -> Declared | None:
    if "jumps" not in expect and "continuous" not in expect:
        return None
    allowed = [declared_value(spec, j) for j in expect.get("jumps", [])] if "jumps" in expect else []  # type: ignore[attr-defined]
    if expect.get("continuous") is False and "jumps" not in expect:
        allowed = list(props["jumps"])  # type: ignore[call-overload]
    ok = all(any(math.isclose(j, a, abs_tol=1e-9) for a in allowed) for j in props["jumps"])  # type: ignore[attr-defined]
    return Declared("jumps", ok, allowed, props["jumps"])


def _peak_values(f: Finding) -> dict[str, object]:
    location, value = f.numeric  # type: ignore[misc]
    return {"peak": value, "peak_at": location}


# In analysis order: a property's analysis may use the findings of those before it.
PROPERTIES: tuple[Property, ...] = (
    Property("real", lambda a, found: a.real(), check="real"),
    Property("params_used", lambda a, found: a.params_used(), check="params used", header="params"),
    Property(
        "derivative",
        lambda a, found: a.derivative(),
        check="derivative",
        header="dG/dx=g",
        expect=("derivative_error",),
    ),
    Property(
        "symmetric",
        lambda a, found: a.symmetric(),
        check="symmetric",
        reported=True,
        values=lambda f: {"symmetric": bool(f.numeric)},
        labels={"symmetric": "symmetry"},
        yes="even",
        header="even",
        expect=("symmetric",),
        declared=_declared_flag("symmetric"),
        position=2,
    ),
    Property(
        "nonnegative",
        lambda a, found: a.nonnegative(),
        check="nonnegative",
        reported=True,
        values=lambda f: {"nonnegative": bool(f.numeric)},
        labels={"nonnegative": "g ≥ 0"},
        header="g>=0",
        expect=("nonnegative",),
        declared=_declared_flag("nonnegative"),
        position=3,
    ),
    Property(
        "peak",
        lambda a, found: a.peak(),
        check="peak",
        reported=True,
        values=_peak_values,
        labels={"peak": "peak value of g", "peak_at": "peak at x ="},
        cell=("peak",),
        expect=("peak", "peak_at"),
        declared=_declared_peak,
        position=1,
    ),
    Property(
        "continuity",
        lambda a, found: a.continuity(),
        check="continuity",
        header="contin.",
        values=lambda f: {"jumps": f.numeric["g"]},  # type: ignore[index]
        expect=("jumps", "continuous", "primitive_jumps"),
        declared=_declared_jumps,
        position=7,
    ),
    Property(
        "support",
        lambda a, found: a.support(),
        check="support",
        reported=True,
        values=lambda f: {"support": f.numeric},
        cell=("support",),
        expect=("support",),
        declared=_declared_support,
        position=4,
    ),
    Property(
        "tail",
        lambda a, found: a.tail(found["support"].numeric),  # type: ignore[arg-type]
        check="tail",
        reported=True,
        values=lambda f: {"tail": f.numeric},
        cell=("tail",),
        expect=("tail",),
        declared=_declared_tail,
        position=5,
    ),
    Property(
        "limits",
        lambda a, found: a.limits(),
        check="limits",
        reported=True,
        values=lambda f: {"limits": f.numeric} if f.numeric is not None else {},
        cell=("limits",),
        expect=("limits",),
        declared=_declared_limits,
        position=6,
    ),
    Property(
        "integral",
        lambda a, found: a.integral(found),
        check="integral",
        reported=True,
        values=lambda f: {"integral": float(f.numeric)},  # type: ignore[arg-type]
        labels={"integral": "∫ g dx"},
        cell=("integral",),
        expect=("integral", "normalized"),
        declared=_declared_integral,
        position=0,
    ),
    Property(
        "step_limit",
        lambda a, found: a.step_limit(),
        check="step limit",
        expect=("step",),
        applies=lambda spec: spec.steepness is not None,
    ),
)

BY_NAME: dict[str, Property] = {p.name: p for p in PROPERTIES}

# In report order: how their values and declared checks are listed.
SHOWN: tuple[Property, ...] = tuple(sorted(PROPERTIES, key=lambda p: p.position))

# Every key a catalog entry may declare under ``expect``.
EXPECT_KEYS: tuple[str, ...] = tuple(key for p in PROPERTIES for key in p.expect)


def analyse(spec: Spec) -> dict[str, Finding]:
    """Every property of ``spec`` at its defaults (cached on disk by formula hash and steepness)."""

    from ._properties import Analysis

    def run() -> dict[str, Finding]:
        analysis = Analysis(spec)
        found: dict[str, Finding] = {}
        for prop in PROPERTIES:
            if prop.applies(spec):
                found[prop.name] = prop.analyse(analysis, found)
        return found

    # The key holds G: one still to be found is searched for here, under its own time
    # limit rather than the analysis's.
    key = (spec.formula_hash, spec.steepness)
    return cached("analysis", key, lambda: bounded("analysis", spec.name, run))


def label(key: str) -> str:
    """How the docs name a ``Report.properties`` entry."""
    return next((p.labels[key] for p in PROPERTIES if key in p.labels), key)


def yes_word(key: str) -> str:
    """How the docs word True for a ``Report.properties`` entry."""
    return next((p.yes for p in PROPERTIES if key in p.labels or key == p.name), "yes")


def headers() -> dict[str, str]:
    """Report table headers of the property checks that have their own."""
    return {p.check: p.header for p in PROPERTIES if p.check and p.header}


def cell_numbers() -> dict[str, tuple[str, ...]]:
    """The ``Report.properties`` keys shown next to each property check in the report table."""
    return {p.check: p.cell for p in PROPERTIES if p.check and p.cell}
