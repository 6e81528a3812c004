"""Removable singularities in code: a Taylor polynomial around the point, the formula beyond.

The Spec gives a removable singularity its limit, ``Piecewise((L, Eq(x, x0)), (f, True))``
(see ``_symbolic/_removable.py``). Printing that as ``where(x == x0, L, f)`` is right at x0
only: next to it sin²x/x² underflows to 0·inf (a subnormal x), and (1 − cos x)/x² cancels.
So the point becomes an interval |x − x0| < δ on which a Taylor polynomial of f is evaluated,
one per side (the two sides of an antiderivative may differ by a constant).

δ is where the first omitted terms fall below 2⁻⁵⁴ of the leading one: the polynomial is
accurate to float64 rounding inside, and outside the formula is evaluated away from its 0/0.
It is a formula in the parameters when the coefficients hold them (sin²(αx)/x²: δ ∝ 1/α).
"""

from __future__ import annotations

import sympy as sp

from .._support._budget import OutOfTime, time_limit
from .._symbolic._calculus import X

ORDER = 16  # terms of orders 0 … ORDER − 1
_LOOKAHEAD = 4  # orders ORDER … ORDER + 3 estimate the truncation error
_SERIES_SECONDS = 10.0
_TOLERANCE = sp.Rational(1, 2**54)


def series_at_removable_points(expr: sp.Expr) -> sp.Expr:
    """Each ``Eq(x, x0)`` branch of a Piecewise replaced by Taylor polynomials around x0.

    >>> x = X
    >>> f = sp.Piecewise((1 / sp.pi, sp.Eq(x, 0)), (sp.sin(x) ** 2 / (sp.pi * x**2), True))
    >>> polynomial, interval = series_at_removable_points(f).args[0]
    >>> interval
    Abs(x) < 0.448824
    >>> polynomial.coeff(x, 2) * sp.pi  # sin²x/x² = 1 − x²/3 + …
    -1/3
    """
    return expr.replace(lambda e: isinstance(e, sp.Piecewise) and any(_at_a_point(c) for _, c in e.args), _with_series)


def _at_a_point(cond: sp.Basic) -> bool:
    return isinstance(cond, sp.Eq) and X in cond.args


def _with_series(pw: sp.Piecewise) -> sp.Expr:
    pieces: list[tuple[sp.Expr, sp.Basic]] = []
    for i, (value, cond) in enumerate(pw.args):
        if not _at_a_point(cond):
            pieces.append((value, cond))
            continue
        point = cond.args[1] if cond.args[0] == X else cond.args[0]
        rest = sp.Piecewise(*[arg for j, arg in enumerate(pw.args) if j != i])
        # no series: the exact point at least keeps its value
        pieces.extend(_taylor_sides(rest, point) or [(value, cond)])
    return sp.Piecewise(*pieces)


def _taylor_sides(rest: sp.Expr, point: sp.Expr) -> list[tuple[sp.Expr, sp.Basic]] | None:
    u = sp.Dummy("u", positive=True)
    sides = []
    try:
        with time_limit(_SERIES_SECONDS):
            for side in (-1, 1):
                on_side = sp.piecewise_fold(rest.subs(X, point + side * u))
                terms = sp.series(on_side, u, 0, ORDER + _LOOKAHEAD).removeO()
                coefficients = [sp.simplify(terms.coeff(u, k)) for k in range(ORDER + _LOOKAHEAD)]
                if terms.has(sp.Order) or sp.expand(terms - sum(c * u**k for k, c in enumerate(coefficients))) != 0:
                    return None  # fractional or negative powers: not a Taylor series
                radius = _radius(coefficients)
                if radius is None:
                    return None
                polynomial = sum(c * (side * (X - point)) ** k for k, c in enumerate(coefficients[:ORDER]))
                sides.append((side, polynomial, radius))
    except (OutOfTime, sp.PoleError, NotImplementedError, ValueError, TypeError, AttributeError, RecursionError):
        return None  # PoleError: an essential singularity there (sech(α/x) at 0) has no Taylor series
    (_, left, left_radius), (_, right, right_radius) = sides
    if sp.expand(left - right) == 0:
        radius = sp.Min(left_radius, right_radius)
        return [(right, sp.Abs(X - point) < radius)]
    return [(left, (X <= point) & (X > point - left_radius)), (right, (X > point) & (X < point + right_radius))]


def _radius(coefficients: list[sp.Expr]) -> sp.Expr | None:
    """δ with |c_k|·δ^(k − m) ≤ 2⁻⁵⁴·|c_m| for the omitted orders k (m: the leading order)."""
    lead = next((k for k, c in enumerate(coefficients[:ORDER]) if c != 0), None)
    if lead is None:
        return None
    bounds = [
        (_TOLERANCE * sp.Abs(coefficients[lead] / c)) ** sp.Rational(1, k - lead)
        for k, c in enumerate(coefficients)
        if k >= ORDER and c != 0
    ]
    if not bounds:
        return sp.Integer(1)  # a polynomial: exact wherever it is used; the interval stays small
    return sp.Min(*bounds).evalf(6)  # 0.0626 or 0.0626/alpha: six digits are plenty for a cut-off
