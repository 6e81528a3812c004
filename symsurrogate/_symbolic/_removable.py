"""Removable singularities: points where a formula reads 0/0 (sin²x/x² at 0) but has a limit.

A researcher writes the sinc-type surrogates (sin²x/(πx²), (1 − cos x)/x², x/sinh x) as
they appear in papers, undefined at a point where the function they mean is not. There
:func:`fill_removable` gives the formula its limit: ``Piecewise((L, Eq(x, x0)), (f, True))``.
The references then evaluate the function meant, and the code generator (see
``_codegen/_series.py``) replaces the single point by a Taylor polynomial around it, since
next to x0 the quotient as written underflows to 0/0 or cancels.

Candidates are the points where a denominator vanishes: x = 0, and the real roots of a
polynomial denominator with numeric coefficients. Each is kept only when the two one-sided
limits agree and are finite; a pole (1/x) or a jump stays as it is, for the checks to report.
"""

from __future__ import annotations

import sympy as sp

from .._support._budget import OutOfTime, time_limit
from ._calculus import X

# Per candidate point: the two one-sided limits. SymPy decides sin²x/x² in milliseconds; a
# limit it cannot decide quickly is left alone (the point then stays undefined, as written).
LIMIT_SECONDS = 5.0


def fill_removable(expr: sp.Expr) -> sp.Expr:
    """``expr`` with its value at each removable singularity made explicit.

    >>> fill_removable(sp.sin(X) ** 2 / (sp.pi * X**2))
    Piecewise((1/pi, Eq(x, 0)), (sin(x)**2/(pi*x**2), True))
    >>> fill_removable(1 / X)  # a pole is not removable
    1/x
    """
    pieces = []
    for point in _candidates(expr):
        value = _removable_value(expr, point)
        if value is not None:
            pieces.append((value, sp.Eq(X, point)))
    if not pieces:
        return expr
    return sp.piecewise_fold(sp.Piecewise(*pieces, (expr, True)))


def _candidates(expr: sp.Expr) -> list[sp.Expr]:
    points: set[sp.Expr] = set()
    for power in expr.atoms(sp.Pow):
        base = power.base
        if not (power.exp.is_negative and base.has(X)):
            continue
        if base.subs(X, 0) == 0:
            points.add(sp.Integer(0))
        if base.free_symbols == {X} and base.is_polynomial(X):
            poly = sp.Poly(base, X)
            if poly.degree() <= 4:
                points.update(r for r in sp.real_roots(poly) if r.is_real)
    return sorted(points, key=sp.default_sort_key)


def _removable_value(expr: sp.Expr, point: sp.Expr) -> sp.Expr | None:
    try:
        with time_limit(LIMIT_SECONDS):
            at = expr.subs(X, point)
            if at.is_finite and at.is_real:
                return None  # defined there (a Piecewise branch, or a cancelled factor)
            # x = point ∓ u with u > 0: a Piecewise condition (x < 0) then decides itself, which
            # SymPy's one-sided limit of a Piecewise does not always do.
            u = sp.Dummy("u", positive=True)
            left, right = (sp.limit(expr.subs(X, point + side * u), u, 0, "+") for side in (-1, 1))
            if not (left.is_finite and right.is_finite) or left.has(sp.I):
                return None
            if sp.simplify(left - right) != 0:
                return None
            return sp.simplify(right)
    except (OutOfTime, NotImplementedError, ValueError, TypeError, AttributeError, RecursionError):
        return None
