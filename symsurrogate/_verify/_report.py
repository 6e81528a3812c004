"""Check results, the per-surrogate Report, and their table and JSON renderings."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from ._compare import fmt as fmt
from ._registry import cell_numbers, headers


@dataclass(frozen=True)
class CheckResult:
    """One check of one surrogate: what was expected, what was found, and how it was decided.

    ``method`` says how: ``symbolic`` (SymPy decided), ``numeric`` (mpmath at 30 digits, or the
    generated JAX code against it), or both when they agree. ``declared`` is True when the
    expectation comes from the catalog entry's ``expect`` table rather than from the rules
    every surrogate must obey.
    """

    surrogate: str
    check: str
    ok: bool
    expected: str
    found: str
    method: str
    declared: bool = False

    def __str__(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        return f"{mark} {self.check}: expected {self.expected}; found {self.found} ({self.method})"


@dataclass
class Report:
    """The outcome of :func:`symsurrogate.check`: per-check results and measured properties.

    ``properties`` holds numbers at the default parameters: ``integral`` (``math.inf`` when it
    diverges, ``math.nan`` when it does not exist), ``peak`` and ``peak_at``, ``symmetric``,
    ``nonnegative``, ``support`` (``(lo, hi)``, infinite ends for unbounded support), ``tail``
    (per side: ``"none"``, ``"exponential(rate)"``, ``"gaussian"``, ``"power(p)"``,
    ``"constant"``, ``"oscillating"``), ``limits`` of G at ±∞, and accuracy figures per dtype.
    """

    surrogate: str
    results: list[CheckResult] = field(default_factory=list)
    properties: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(r.ok for r in self.results)

    @property
    def failures(self) -> list[CheckResult]:
        return [r for r in self.results if not r.ok]

    def add(self, check: str, ok: bool, expected: str, found: str, method: str, declared: bool = False) -> None:
        self.results.append(CheckResult(self.surrogate, check, bool(ok), expected, found, method, declared))

    def result(self, check: str) -> CheckResult | None:
        """The result of the check named ``check`` (None when it was not run)."""
        return next((r for r in self.results if r.check == check), None)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: surrogate, ok, properties, checks."""
        return {
            "surrogate": self.surrogate,
            "ok": self.ok,
            "properties": {k: _jsonable(v) for k, v in self.properties.items()},
            "checks": [asdict(r) for r in self.results],
        }

    def __str__(self) -> str:
        head = f"{self.surrogate}: {'all checks passed' if self.ok else 'CHECKS FAILED'}"
        props = ", ".join(f"{k}={fmt(v)}" for k, v in self.properties.items())
        return "\n".join([head, *(f"  {r}" for r in self.results), f"  properties: {props}"])


def _jsonable(value: object) -> object:
    # JSON has no inf/nan: write them as strings so every consumer can parse the output.
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def to_json(reports: Iterable[Report]) -> str:
    """All reports as one JSON array."""
    return json.dumps([r.to_dict() for r in reports], indent=2, allow_nan=False)


# Key numbers shown in a table cell next to pass/fail, by check name (properties: the registry's).
_CELL_NUMBERS = {
    **cell_numbers(),
    "accuracy float32": ("ulp_float32",),
    "accuracy float64": ("ulp_float64",),
    "accuracy bfloat16": ("relerr_bfloat16",),
    "accuracy float16": ("relerr_float16",),
}


def _column(check: str) -> str:
    return "vmap θ" if check.startswith("vmap over ") else check


def _cell(report: Report, check: str) -> str:
    results = [r for r in report.results if _column(r.check) == check]
    if not results:
        return "-"
    mark = "ok" if all(r.ok for r in results) else "FAIL"
    numbers = [fmt(report.properties[k]) for k in _CELL_NUMBERS.get(check, ()) if k in report.properties]
    return " ".join([mark, *numbers])


_HEADERS = {
    **headers(),
    "accuracy float32": "ulp f32",
    "accuracy float64": "ulp f64",
    "accuracy bfloat16": "rel bf16",
    "accuracy float16": "rel f16",
    "jit(grad(sum))": "jit",
    "vmap(grad)": "vmap",
}


def table(reports: Sequence[Report]) -> str:
    """One row per surrogate, one column per check (pass/fail and the key numbers).

    The parameter sweeps (``vmap over <param>``) share one column, ``vmap θ``.
    """
    columns: list[str] = []
    for report in reports:
        columns.extend(_column(r.check) for r in report.results if _column(r.check) not in columns)
    rows = [["surrogate", "ok", *(_HEADERS.get(c, c) for c in columns)]]
    rows += [[r.surrogate, "ok" if r.ok else "FAIL", *(_cell(r, c) for c in columns)] for r in reports]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    failures = [f"  {res.surrogate}: {res}" for r in reports for res in r.failures]
    return "\n".join(lines + (["", "failed checks:", *failures] if failures else []))


def vertical(report: Report) -> str:
    """One surrogate as ``check: ok`` and ``property: value`` lines (what ``check NAME`` prints).

    >>> r = Report("Demo")
    >>> r.add("derivative", True, "dG/dx = g", "dG/dx = g", "symbolic")
    >>> r.properties["integral"] = 1.0
    >>> print(vertical(r))
    Demo: all checks passed
    checks:
      dG/dx=g:  ok
    properties:
      integral: 1
    """
    columns: list[str] = []
    for result in report.results:
        if _column(result.check) not in columns:
            columns.append(_column(result.check))
    checks = [
        (_HEADERS.get(c, c), "ok" if all(r.ok for r in report.results if _column(r.check) == c) else "FAIL")
        for c in columns
    ]
    props = [(key, fmt(value)) for key, value in report.properties.items() if key != "nonfinite_inputs"]
    width = max((len(key) for key, _ in checks + props), default=0) + 1
    lines = [f"{report.surrogate}: {'all checks passed' if report.ok else 'CHECKS FAILED'}", "checks:"]
    lines += [f"  {key + ':':<{width}} {value}" for key, value in checks]
    lines += ["properties:", *(f"  {key + ':':<{width}} {value}" for key, value in props)]
    if report.failures:
        lines += ["failed checks:", *(f"  {failure}" for failure in report.failures)]
    return "\n".join(lines)
