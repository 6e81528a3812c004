"""Differences of softplus terms whose arguments differ by a constant: one node, no cancellation.

A soft box's G, c·(softplus(a) − softplus(b)) + k with a − b free of x, is the integral of
a difference of logistics (σ or tanh bumps at two thresholds). Far out on the side where a
and b grow, the two softplus terms are nearly equal: they round to the same float (G wrong
by its whole height) and at the largest floats overflow together (inf − inf = nan).
:class:`~symsurrogate._symbolic._nodes.SoftplusDifference` prints the difference as a − b
(exact, from the formula) plus two vanishing terms there.
"""

from __future__ import annotations

import itertools

import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._nodes import SoftplusDifference, StableSoftplus

__all__ = ["softplus_differences"]


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
    return expr.replace(lambda e: isinstance(e, sp.Add) and e.has(StableSoftplus), _paired)


def _paired(add: sp.Add) -> sp.Expr:
    terms = list(add.args)
    for first, second in itertools.combinations(_readings(terms), 2):
        (used, c, a), (used_other, c_other, b) = first, second
        if not _available(terms, used + used_other) or sp.simplify(c + c_other) != 0:
            continue
        if sp.simplify(a - b).has(X):
            continue
        for term in used + used_other:
            terms.remove(term)
        constant = sp.Add(*(term for term in terms if not term.has(X)))
        if constant != 0 and sp.simplify(constant + c * (a - b)) == 0:
            # k + c·(softplus(a) − softplus(b)) with k = −c·(a − b) is c·(softplus(−a) −
            # softplus(−b)): G anchored at +∞ (1 − …), small without cancellation on the left.
            terms = [term for term in terms if term.has(X)]
            a, b = -a, -b
        return _paired(sp.Add(*terms, c * SoftplusDifference(a, b)))
    return add


def _readings(terms: list[sp.Expr]) -> list[tuple[tuple[sp.Expr, ...], sp.Expr, sp.Expr]]:
    """Each softplus term c·softplus(w) as (the terms it takes, c, argument): as itself, and
    with the terms of −c·w, when the sum holds them, as c·softplus(−w)."""
    readings = []
    for term in terms:
        c, rest = term.as_independent(X, as_Add=False)
        if not isinstance(rest, StableSoftplus):
            continue
        w = rest.args[0]
        readings.append(((term,), c, w))
        linear = sp.Add.make_args(sp.expand(-c * w))
        if _available(terms, (term, *linear)):
            readings.append(((term, *linear), c, -w))
    return readings


def _available(terms: list[sp.Expr], wanted: tuple[sp.Expr, ...]) -> bool:
    pool = list(terms)
    for term in wanted:
        if term not in pool:
            return False
        pool.remove(term)
    return True
