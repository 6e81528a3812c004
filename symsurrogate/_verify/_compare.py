"""Comparing what was found with what was expected: two ways, and against declared values."""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._symbolic._spec import Spec
    from ._properties import Finding


def _is_sympy(value: object) -> bool:
    # No SymPy object exists before SymPy is imported: rendering a report (the parent process
    # of a parallel check) need not import it.
    sympy = sys.modules.get("sympy")
    return sympy is not None and isinstance(value, sympy.Basic)


def two_ways(f: Finding) -> tuple[bool, str]:
    """(agree, method): False when SymPy and the numbers contradict each other."""
    if f.symbolic is None or f.numeric is None:
        return True, "numeric" if f.symbolic is None else "symbolic"
    uncertainty = f.extra.get("uncertainty")
    if uncertainty is not None and isinstance(f.numeric, float) and math.isfinite(f.numeric):
        # A quadrature that reports its own error (an oscillating tail) agrees within 3 times it.
        agree = math.isclose(float(f.symbolic), f.numeric, rel_tol=1e-6, abs_tol=max(1e-9, 3 * uncertainty))
        return agree, f"symbolic and numeric (± {uncertainty:.1g})"
    return same(f.symbolic, f.numeric), "symbolic and numeric"


def same(a: object, b: object) -> bool:
    """Equal, element by element, to 1e-6 relative (1e-9 absolute); NaN equals NaN."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if _is_sympy(a) or _is_sympy(b):
        return same(float(a), float(b))  # type: ignore[arg-type]
    if "unknown" in (a, b):
        # An inconclusive numeric tail (a power with a log factor: 1/(x·log²x)) contradicts nothing.
        return True
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def plain(value: object) -> object:
    """SymPy numbers (also inside tuples) as floats, for display."""
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if _is_sympy(value):
        return float(value)  # type: ignore[arg-type]
    return value


def declared_value(spec: Spec, text: object) -> float:
    """A declared number: a float, ``inf``/``oo``, or a formula in the parameters (at their defaults)."""
    if isinstance(text, bool):
        raise ValueError(f"{spec.name}: expected a number or formula, got {text!r}")
    if isinstance(text, int | float):
        return float(text)
    if isinstance(text, str) and text.strip() in ("inf", "-inf", "+inf", "oo", "-oo", "+oo"):
        return float(text.strip().replace("oo", "inf"))
    from .._symbolic._parse import parse_formula

    expr = parse_formula(str(text), spec.symbols)
    return float(spec.at(expr))


def tail_matches(want: str, got: str) -> bool:
    """A tail class matches a declared one: same kind, and the same rate to 1e-3 when one is given."""
    if "(" not in want:
        return got.split("(")[0] == want
    if got.split("(")[0] != want.split("(")[0]:
        return False
    return math.isclose(float(want[want.index("(") + 1 : -1]), float(got[got.index("(") + 1 : -1]), rel_tol=1e-3)


def fmt(value: object) -> str:
    """A short rendering of a property value."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return "inf" if value == math.inf else "-inf" if value == -math.inf else f"{value:.4g}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(fmt(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {fmt(v)}" for k, v in value.items()) + "}"
    return str(value)
