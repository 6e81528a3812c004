"""Knots compared exactly, and branches that vanish at a knot written in the distance to it.

A condition decides which branch runs; it must put the knot where the formula does:
see :func:`solved_for_x`. Near a zero of g its relative accuracy needs x − k exactly; see
:func:`knot_relative`.
"""

from __future__ import annotations

import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._nodes import Offset

__all__ = ["knot_relative", "solved_for_x"]

# k·x + m ≷ 0 with k < 0 is x ≶ −m/k.
_REVERSED = {
    sp.StrictLessThan: sp.StrictGreaterThan,
    sp.LessThan: sp.GreaterThan,
    sp.StrictGreaterThan: sp.StrictLessThan,
    sp.GreaterThan: sp.LessThan,
}


def solved_for_x(expr: sp.Piecewise) -> sp.Piecewise:
    """``expr`` with each condition linear in x, k·x + m ≷ 0 with the sign of k known,
    written x ≷ −m/k.

    A condition computed from x, as (a + x)/a ≥ 2, rounds: just below its knot x = a it
    holds in floats where it does not exactly ((0.5 + 0.49999997)/0.5 rounds to 2), and
    the wrong branch runs there. x ≥ a compares x itself with the knot, as rounded once.

    >>> a = sp.Symbol("a", positive=True)
    >>> solved_for_x(sp.Piecewise((0, (a + X) / a >= 2), (1, True)))
    Piecewise((0, a <= x), (1, True))
    >>> solved_for_x(sp.Piecewise((1, 1 - 2 * X / a > 0), (0, True)))
    Piecewise((1, x < a/2), (0, True))
    """
    pieces = [(branch, cond.replace(_linear_in_x, _solved) if cond.has(X) else cond) for branch, cond in expr.args]
    return sp.Piecewise(*pieces) if pieces != list(expr.args) else expr


def _linear_in_x(relation: sp.Basic) -> bool:
    if type(relation) not in _REVERSED or not relation.has(X):
        return False
    if X in (relation.lhs, relation.rhs) and not (relation.lhs + relation.rhs - X).has(X):
        return False  # x ≷ c already
    slope = (relation.lhs - relation.rhs).diff(X)
    return not slope.has(X) and (slope.is_positive or slope.is_negative) is True


def _solved(relation: sp.Basic) -> sp.Basic:
    difference = relation.lhs - relation.rhs
    slope = difference.diff(X)
    knot = sp.cancel(-difference.subs(X, 0) / slope)
    return (type(relation) if slope.is_positive else _REVERSED[type(relation)])(X, knot)


def knot_relative(expr: sp.Piecewise) -> sp.Piecewise:
    """Each branch that vanishes at an end k of its interval, written in x − k near that end.

    Near a zero of g its relative accuracy needs the distance to the zero exactly: the
    raised cosine (1 + cos(πx/s))/(2s) at x = −s + δ computes 1 + cos(−π + πδ/s) from a
    rounded πx/s, whose error is as large as the result. With t = x − k (exact near k, by
    Sterbenz's lemma) the branch becomes sin²(πt/(2s))/s: cos(u) of a u that vanishes at
    t = 0 is written 1 − 2·sin²(u/2), polynomials are factored. A branch that vanishes at
    both ends is split at the midpoint. Exact identities; branches that vanish at neither
    end, or whose interval is not a plain one, are left alone.
    """
    pieces, earlier = [], []
    for branch, cond in expr.args:
        # A branch is selected where no earlier condition holds: x < −1 before it bounds it below.
        bounds = [sp.Not(e) for e in earlier if isinstance(e, sp.core.relational.Relational) and e.has(X)]
        earlier.append(cond)
        ends = _interval(sp.And(cond, *bounds)) if branch.has(X) else None
        zeros = [k for k in ends or () if k is not None and _vanishes_at(branch, k)]
        lo, hi = ends or (None, None)
        if len(zeros) == 2:
            middle = (lo + hi) / 2
            near_lo, near_hi = _shifted_to(branch, lo, (lo, middle)), _shifted_to(branch, hi, (middle, hi))
            if near_lo is not None and near_hi is not None:
                pieces += [(near_lo, sp.And(cond, X < middle)), (near_hi, cond)]
                continue
        elif zeros and (near := _shifted_to(branch, zeros[0], (lo, hi))) is not None:
            pieces.append((near, cond))
            continue
        pieces.append((branch, cond))
    return sp.Piecewise(*pieces) if pieces != list(expr.args) else expr


def _interval(cond: sp.Basic) -> tuple[sp.Expr | None, sp.Expr | None] | None:
    """(lower, upper) ends of the x interval that ``cond`` (an And of bounds on x or |x|)
    describes, None for an unbounded side; None when it is not such an interval."""
    lower, upper = [], []
    for relation in sp.And.make_args(cond):
        if not isinstance(relation, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)):
            return None
        small, big = (relation.lhs, relation.rhs) if relation.rel_op in ("<", "<=") else (relation.rhs, relation.lhs)
        if small == X and not big.has(X):
            upper.append(big)
        elif big == X and not small.has(X):
            lower.append(small)
        elif small == sp.Abs(X) and not big.has(X):
            lower.append(-big)
            upper.append(big)
        else:
            return None
    if len(lower) > 1 or len(upper) > 1:
        return None
    return (lower[0] if lower else None, upper[0] if upper else None)


def _vanishes_at(branch: sp.Expr, k: sp.Expr) -> bool:
    value = branch.subs(X, k)
    return value == 0 or sp.expand(value) == 0


def _shifted_to(branch: sp.Expr, k: sp.Expr, within: tuple[sp.Expr | None, sp.Expr | None]) -> sp.Expr | None:
    """``branch`` in t = x − k on the interval ``within``; None when |x| there has no one sign."""
    lo, hi = within
    if hi is not None and sp.ask(sp.Q.nonpositive(hi)) is True:
        branch = branch.xreplace({sp.Abs(X): -X})
    elif lo is not None and sp.ask(sp.Q.nonnegative(lo)) is True:
        branch = branch.xreplace({sp.Abs(X): X})
    if branch.has(sp.Abs(X)):
        return None
    if k == 0:
        return branch
    t = sp.Dummy("t", real=True)
    shifted = branch.subs(X, t + k)
    # Let SymPy take multiples of π out of the phases: cos(πt/s − π) = −cos(πt/s).
    shifted = shifted.replace(
        lambda e: isinstance(e, (sp.sin, sp.cos)) and e.args[0].has(t), lambda e: type(e)(sp.expand(e.args[0]))
    )
    shifted = shifted.replace(
        lambda e: isinstance(e, sp.cos) and e.args[0].has(t) and e.args[0].subs(t, 0) == 0,
        lambda e: 1 - 2 * sp.sin(e.args[0] / 2) ** 2,
    )
    if shifted.is_polynomial(t):
        shifted = sp.factor(shifted)
    return shifted.subs(t, Offset(X, k))
