"""Differences of softplus (or |·|) terms whose arguments differ by a constant, without cancellation.

A soft box's G, c·(softplus(a) − softplus(b)) + k with a − b free of x, is the integral of
a difference of logistics (σ or tanh bumps at two thresholds). Far out on the side where a
and b grow, the two softplus terms are nearly equal: they round to the same float (G wrong
by its whole height) and at the largest floats overflow together (inf − inf = nan).
:class:`~symsurrogate._symbolic._nodes.SoftplusDifference` prints the difference as a − b
(exact, from the formula) plus two vanishing terms there.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._nodes import SoftplusDifference, StableSoftplus

__all__ = ["abs_differences", "softplus_differences"]


def softplus_differences(expr: sp.Expr) -> sp.Expr:
    """c·softplus(a) − c·softplus(b) in a sum, with a − b free of x → c·SoftplusDifference(a, b).

    A term may have been written as −c·w + c·softplus(w) = c·softplus(−w) (SymPy's log of a
    quotient splits that way); its linear part is then taken with it.

    >>> alpha = sp.Symbol("alpha", positive=True)
    >>> G = (StableSoftplus(alpha * (X + 1)) - StableSoftplus(alpha * (X - 1))) / (2 * alpha) + 1
    >>> softplus_differences(sp.expand(G))
    1 + SoftplusDifference(alpha*x + alpha, alpha*x - alpha)/(2*alpha)
    >>> u = 2 * alpha * (X - 1)
    >>> softplus_differences(sp.expand(-u - StableSoftplus(-u) + StableSoftplus(2 * alpha * (X + 1))))
    -SoftplusDifference(2*alpha*x - 2*alpha, 2*alpha*x + 2*alpha)
    >>> softplus_differences(StableSoftplus(X) - StableSoftplus(2 * X))  # a − b = −x: left alone
    StableSoftplus(x) - StableSoftplus(2*x)
    """
    return expr.replace(lambda e: isinstance(e, sp.Add) and e.has(StableSoftplus), _paired_softplus)


def _paired_softplus(add: sp.Add) -> sp.Expr:
    paired = _one_pair(list(add.args), _softplus_readings, _softplus_pair)
    return add if paired is None else _paired_softplus(paired)


def _softplus_readings(terms: list[sp.Expr]) -> list[_Reading]:
    """Each term c·softplus(w) as itself, and, when the sum holds the terms of −c·w, with
    them as c·softplus(−w)."""
    readings = []
    for term, c, w in _terms_of(terms, StableSoftplus):
        readings.append(((term,), c, w))
        linear = sp.Add.make_args(sp.expand(-c * w))
        if _available(terms, (term, *linear)):
            readings.append(((term, *linear), c, -w))
    return readings


def _softplus_pair(c: sp.Expr, a: sp.Expr, b: sp.Expr, d: sp.Expr, constant: sp.Expr) -> _Pair:
    if constant != 0 and sp.simplify(constant + c * d) == 0:
        # k + c·(softplus(a) − softplus(b)) with k = −c·(a − b) is c·(softplus(−a) −
        # softplus(−b)): G anchored at +∞ (1 − …), small without cancellation on the left.
        return c * SoftplusDifference(-a, -b), True
    return c * SoftplusDifference(a, b), False


def abs_differences(expr: sp.Expr) -> sp.Expr:
    """c·|u| − c·|v| in a sum, with d = u − v free of x and of known sign → c·clip(u + v, −d, d)
    (for d > 0; the mirror for d < 0).

    A log-cosh box's G, log cosh u − log cosh v with log cosh u = |u| + softplus(−2|u|) −
    log 2, holds |u| − |v|: equal large values far out (G = 1/2 at x = ±10³⁰ instead of 0
    or 1) and inf − inf at the largest floats. The clip is exact: for u, v ≥ 0 it is d, for
    u, v ≤ 0 it is −d, and between them u + v.

    >>> abs_differences(1 + (sp.Abs(X + 1) - sp.Abs(X - 1)) / 2)  # 1 + clip(x, −1, 1), 0 to 2
    Min(4, Max(0, 2*x + 2))/2

    >>> alpha = sp.Symbol("alpha", positive=True)
    >>> abs_differences(alpha * sp.Abs(X + 1) - alpha * sp.Abs(X - 1))
    alpha*Min(2, Max(-2, 2*x))
    >>> abs_differences(sp.Abs(X) - sp.Abs(X**2 - 1))  # u − v depends on x: left alone
    Abs(x) - Abs(x**2 - 1)
    """

    def rewrite(add: sp.Add) -> sp.Expr:
        # k·(a + b) read as k·a + k·b, so that a constant outside the product is seen
        terms = [part for term in add.args for part in sp.Add.make_args(sp.expand_mul(term))]
        paired = _one_pair(terms, lambda ts: [((t,), c, u) for t, c, u in _terms_of(ts, sp.Abs)], _clipped)
        return add if paired is None else rewrite(paired)

    def outermost(e: sp.Basic) -> sp.Basic:
        # From the outside in: the constant of G sits in the outer sum, the |·| in an inner one.
        if isinstance(e, sp.Add) and e.has(sp.Abs):
            rewritten = rewrite(e)
            if rewritten is not e:
                return rewritten
        return e.func(*(outermost(a) for a in e.args)) if e.args and e.has(sp.Abs) else e

    return outermost(expr)


def _clipped(c: sp.Expr, u: sp.Expr, v: sp.Expr, d: sp.Expr, constant: sp.Expr) -> _Pair | None:
    if d.is_zero or (d.is_positive is None and d.is_negative is None):
        return None
    if d.is_negative:
        u, v, c, d = v, u, -c, -d
    # A constant ±c·d folds in (G anchored at −∞ is c·d + c·(|u| − |v|)): the clip then
    # reaches 0 exactly on that side, so G's small values there do not cancel.
    if constant != 0 and sp.simplify(constant - c * d) == 0:
        return c * sp.Min(sp.Max(sp.expand(2 * u), 0), 2 * d), True
    if constant != 0 and sp.simplify(constant + c * d) == 0:
        return c * sp.Min(sp.Max(sp.expand(2 * v), -2 * d), 0), True
    return c * sp.Min(sp.Max(sp.expand(u + v), -d), d), False


# A term of a sum read as c·f(argument): (the terms it takes, c, argument).
_Reading = tuple[tuple[sp.Expr, ...], sp.Expr, sp.Expr]
# What replaces a pair, and whether it took the sum's constant with it.
_Pair = tuple[sp.Expr, bool]


def _one_pair(
    terms: list[sp.Expr],
    readings: Callable[[list[sp.Expr]], list[_Reading]],
    combine: Callable[[sp.Expr, sp.Expr, sp.Expr, sp.Expr, sp.Expr], _Pair | None],
) -> sp.Expr | None:
    """The sum of ``terms`` with its first pair c·f(a), −c·f(b) with d = a − b free of x
    replaced by ``combine(c, a, b, d, constant)``; None when no pair combines."""
    for (used, c, a), (used_other, c_other, b) in itertools.combinations(readings(terms), 2):
        if not _available(terms, used + used_other) or sp.simplify(c + c_other) != 0:
            continue
        d = sp.simplify(a - b)
        if d.has(X):
            continue
        rest = list(terms)
        for term in used + used_other:
            rest.remove(term)
        combined = combine(c, a, b, d, sp.Add(*(term for term in rest if not term.has(X))))
        if combined is None:
            continue
        replacement, took_constant = combined
        return sp.Add(*(term for term in rest if term.has(X) or not took_constant), replacement)
    return None


def _terms_of(terms: list[sp.Expr], function: type) -> list[tuple[sp.Expr, sp.Expr, sp.Expr]]:
    """(term, c, argument) for each term c·function(argument)."""
    found = []
    for term in terms:
        c, rest = term.as_independent(X, as_Add=False)
        if isinstance(rest, function):
            found.append((term, c, rest.args[0]))
    return found


def _available(terms: list[sp.Expr], wanted: tuple[sp.Expr, ...]) -> bool:
    pool = list(terms)
    for term in wanted:
        if term not in pool:
            return False
        pool.remove(term)
    return True
