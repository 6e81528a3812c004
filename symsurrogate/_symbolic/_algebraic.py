"""Exact algebraic rewrites against cancellation: one fraction, factored pieces, one exponential.

Each is an identity of SymPy's rational arithmetic or the exponential law, so the rewritten
expression equals the original symbolically (tests/test_stability.py proves each case).
"""

from __future__ import annotations

import sympy as sp

from ._calculus import X


def one_fraction(expr: sp.Expr) -> sp.Expr:
    """An algebraic ``expr`` as one factored fraction, when that has fewer cancelling sums.

    The quotient rule leaves differences that cancel: d/dx x/(1 + |x|) is
    1/(1 + |x|) − |x|/(1 + |x|)², and d/dx x/√(1 + x²) is (1 + x²)^(−1/2) − x²(1 + x²)^(−3/2);
    both lose every digit for large |x| (and are inf − inf at the largest floats), while
    ``factor(together(·))`` gives 1/(1 + |x|)² and (1 + x²)^(−3/2). Polynomial pieces lose
    their digits near their zeros (1 − x² near x = 1 after rounding x²); factored, the zero
    is a factor x − 1, exact there (Sterbenz). An even ``expr`` is factored in |x|, so that
    x² − 2|x| + 1 becomes (|x| − 1)². SymPy's rational arithmetic makes the rewrite exact.
    Only algebraic expressions (no exp, log or trigonometric function of x) are rewritten.
    """
    if (
        not expr.has(X)
        or _risk(expr) == 0
        or any(f.has(X) and not isinstance(f, sp.Abs) for f in expr.atoms(sp.Function))
    ):
        return expr
    even = expr.has(sp.Abs(X)) and expr.xreplace({X: -X}) == expr
    magnitude = sp.Dummy("m", positive=True)
    work = expr.xreplace({sp.Abs(X): magnitude}).xreplace({X: magnitude}) if even else expr
    try:
        combined = sp.factor(sp.together(work))
    except (sp.PolynomialError, TypeError, ValueError, NotImplementedError):
        return expr
    # Only a polynomial (a piece) or a quotient whose numerator is free of x: a numerator and
    # a denominator that both grow would overflow together (inf/inf) where the sum did not.
    variable = magnitude if even else X
    numerator, denominator = sp.fraction(combined)
    if numerator.has(variable) and denominator.has(variable):
        return expr
    if even:
        combined = combined.xreplace({magnitude: sp.Abs(X)})
    return combined if _risk(combined) < _risk(expr) else expr


def _risk(expr: sp.Expr) -> int:
    """The number of x-dependent sums in ``expr`` that can cancel.

    A sum of terms of one sign cannot; neither can x ± c or |x| ± c for c free of x (exact
    near its zero when c is a float, by Sterbenz's lemma).
    """
    count = 0
    for node in sp.preorder_traversal(expr):
        if not (isinstance(node, sp.Add) and node.has(X)):
            continue
        if all(t.is_nonnegative for t in node.args) or all(t.is_nonpositive for t in node.args):
            continue
        varying = [t for t in node.args if t.has(X)]
        if len(varying) == 1 and (varying[0] in (X, -X, sp.Abs(X), -sp.Abs(X))):
            continue
        count += 1
    return count


def merge_exps(expr: sp.Expr) -> sp.Expr:
    """e^a·e^b → e^(a+b) for x-dependent a and b (exact: the exponential law).

    The factors overflow and underflow separately where their product is modest: the
    Gumbel density α·e^(−αx)·e^(−e^(−αx)) is inf·0 = nan for x ≪ 0 as a product and 0 as
    one exponential; a polynomial summed exponent is also computed in double-float as one.
    """

    def merge(mul: sp.Mul) -> sp.Expr:
        exps = [f for f in mul.args if isinstance(f, sp.exp) and f.args[0].has(X)]
        if len(exps) < 2:
            return mul
        rest = [f for f in mul.args if f not in exps]
        return sp.Mul(*rest, sp.exp(sp.Add(*[e.args[0] for e in exps])))

    return expr.replace(lambda e: isinstance(e, sp.Mul), merge)
