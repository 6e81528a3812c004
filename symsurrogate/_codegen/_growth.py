"""Rewrites for factors that grow and decay far out: no inf·0, inf/inf or inf − inf.

Near the largest floats (and at ±inf) a formula's pieces overflow or underflow long before
its value does: x²·e^{−x²/2} is inf·0, x/(1 + x²)² is inf/inf, the Gumbel density's
argument −αx − e^{−αx} is inf − inf. Each rewrite here is an exact identity that keeps
every intermediate within range wherever the value is.
"""

from __future__ import annotations

import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._nodes import Damped, ExpErfc, Guard, Scaled, StableErfc, StableSigmoid, Vanishing

__all__ = ["bounded_ratios", "damped_powers", "dominant_exponentials", "inverse_hyperbolic_logs", "vanishing_products"]


def bounded_ratios(expr: sp.Expr) -> sp.Expr:
    """xⁿ·(a·|x|ᵈ + c)^−e and xⁿ·(a·xᵈ + c)^−e (d even), n ≤ d·e, as quotients bounded by 1.

    Numerator and denominator both grow with x, so near the largest floats a·|x|ᵈ or xᵈ
    overflow and the bounded quotient comes out as inf/inf or inf·0 = nan. With the positive
    scale s = |x| + m, m = (c/a)^(1/d), v = x/s lies in [−1, 1], w = m/s = 1 − |v|, and

        a·|x|ᵈ + c = a·sᵈ·(|v|ᵈ + wᵈ)      xⁿ·(a|x|ᵈ + c)^−e = a^−e·vⁿ·(|v|ᵈ + wᵈ)^−e·s^(n−d·e)

    exactly, where |v|ᵈ + wᵈ ≥ 2^(1−d) (= 1 for d = 1, where it is left out) and s^(n−d·e)
    is a non-positive power: nothing overflows. w is computed as 1 − |v| (one division in
    all); its absolute error (an ulp of 1) moves |v|ᵈ + wᵈ by about d ulp of it, so for
    d > 2 the bounded form serves |x| > 1 only.
    """

    def rewrite(mul: sp.Mul) -> sp.Expr:
        factors = list(mul.args)
        numer = {i: power for i, f in enumerate(factors) if (power := _growing_power(f)) is not None}
        n = sum(p for _, p in numer.values())
        for j, f in enumerate(factors):
            if n == 0 or not (f.is_Pow and f.exp.is_Rational and f.exp.is_negative):
                continue
            scale = _scale_of(f.base)
            if scale is None or n > scale[2] * -f.exp:
                continue
            a, m, degree = scale
            e, s = -f.exp, sp.Abs(X) + m
            bounded = a**-e * s ** (n - degree * e)
            for base, p in numer.values():
                bounded *= Scaled(base, s) ** p
            if degree > 1:
                v = Scaled(X, s)
                bounded *= ((v**2 if degree == 2 else sp.Abs(v) ** degree) + (1 - sp.Abs(v)) ** degree) ** -e
            rest = [g for k, g in enumerate(factors) if k != j and k not in numer]
            if degree <= 2:
                return sp.Mul(*rest, bounded)
            # |v|ᵈ + wᵈ costs about d ulp; where |x| ≤ 1 nothing overflows, and the quotient
            # as written (its input guarded, for the gradient's sake) is more accurate.
            inside = sp.Abs(X) <= 1
            plain = mul.xreplace({X: Guard(inside, X, sp.Integer(0))})
            return sp.Piecewise((plain, inside), (sp.Mul(*rest, bounded), True))
        return mul

    return expr.replace(lambda e: isinstance(e, sp.Mul) and e.has(X), rewrite)


def _growing_power(factor: sp.Expr) -> tuple[sp.Expr, int] | None:
    """(x or |x|, p) for the factor x^p or |x|^p, p a positive integer; else None."""
    base, p = factor.as_base_exp()
    if base in (X, sp.Abs(X)) and p.is_Integer and p > 0:
        return base, int(p)
    return None


def _scale_of(base: sp.Expr) -> tuple[sp.Expr, sp.Expr, int] | None:
    """(a, m, d) with base = a·(|x|ᵈ + mᵈ), or a·(xᵈ + mᵈ) for an even d, with a, m > 0."""
    if not base.is_Add:
        return None
    varying = [t for t in base.args if t.has(X)]
    if len(varying) != 1:
        return None
    a, power = varying[0].as_independent(X, as_Add=False)
    constant = base - varying[0]
    growing = _growing_power(power)
    if growing is None or (growing[0] == X and growing[1] % 2):
        return None
    degree = growing[1]
    m = (constant / a) ** sp.Rational(1, degree)
    return (a, m, degree) if a.is_positive and m.is_positive else None


def dominant_exponentials(expr: sp.Expr) -> sp.Expr:
    """e^{P − c·e^v} (c > 0) with P read as 0 where e^v overflows: the double exponential wins.

    The Gumbel density α·e^{−αx − e^{−αx}} far left has P = −αx = +inf and e^v = inf, so the
    argument is inf − inf = nan, where the value is e^{−inf} = 0. Where e^v is finite
    nothing changes; where it overflows the argument is −inf either way (an exponential
    outgrows the polynomial P), so P's value there does not matter, and 0 keeps it finite.
    "Overflows" is read as e^v ≥ 3·10^38, the largest float32 decade.
    """

    def rewrite(e: sp.exp) -> sp.Expr:
        terms = sp.Add.make_args(e.args[0])
        split = [(t, *t.as_independent(X, as_Add=False)) for t in terms]
        dominant = [(t, inner) for t, c, inner in split if c.is_negative and isinstance(inner, sp.exp)]
        if len(dominant) != 1 or len(terms) < 2:
            return e
        ((term, inner),) = dominant
        # e^v < 3·10^38 (SymPy would decide e^v < ∞ as True): a float32, and beyond it the
        # value is e^{P − 3·10^38·c} = 0 in every dtype, as P is a polynomial's size there.
        finite = sp.StrictLessThan(inner, sp.Float(3e38))
        rest = [Guard(finite, t, sp.Integer(0)) if t.has(X) else t for t in terms if t is not term]
        return sp.exp(sp.Add(*rest, term, evaluate=False))

    return expr.replace(lambda e: isinstance(e, sp.exp) and e.args[0].is_Add and e.has(X), rewrite)


def inverse_hyperbolic_logs(expr: sp.Expr) -> sp.Expr:
    """log(u + √(u² + c)) (c > 0) as asinh(u/√c) + log(√c): the sum cancels for u ≪ 0.

    At u = −10⁴ the sum u + √(u² + 1) is 5·10⁻⁵ computed as the difference of two numbers
    near 10⁴: half its digits are lost (all of them near −10⁸). asinh has no cancellation.
    """

    def rewrite(log: sp.log) -> sp.Expr:
        terms = sp.Add.make_args(log.args[0])
        if len(terms) != 2:
            return log
        for u, root in (terms, terms[::-1]):
            if root.is_Pow and root.exp == sp.Rational(1, 2):
                c = sp.expand(root.base - u**2)
                if c.is_number and c.is_positive:
                    return sp.asinh(u / sp.sqrt(c)) + sp.log(sp.sqrt(c))
        return log

    return expr.replace(lambda e: isinstance(e, sp.log) and e.args[0].is_Add and e.has(X), rewrite)


def damped_powers(expr: sp.Expr) -> sp.Expr:
    """x^p·e^u (|p| ≥ 1) as (x^(p/m)·e^{u/m})^m, so that the decay wins before x^p overflows.

    Near the largest floats x² is inf while e^{−x²} is 0, and their product nan; near 0,
    x^(−3/2) overflows (or e^{−1/(2x)} is flushed to zero as a subnormal before the large
    factor would have lifted it back: the Lévy density). x^(p/m)·e^{u/m} is the m-th root of
    the value: 0 where the value underflows, and finite wherever the value is. m = |numerator
    of p| (2 when that is 1), so that x^(p/m) is x, 1/x, a square root or its reciprocal.
    Exact; the power multiplies the relative error of the damped factor by m.

    x·e^u itself (p = 1: the Gamma density x·e^{−x/θ}, |x|·e^{−α|x|}) is (x·e^{u/2})·e^{u/2}:
    e^u alone is below the smallest normal float32 from u < −87 (a few bits wide, or flushed
    to 0 as XLA does on CPU) where x·e^u is still a normal number (4x·e^{−2x} at x = 44 was
    10⁶ ulp off), and at the largest floats the cotangent of e^u, x times the rest, is inf
    where e^u's derivative is 0: grad∘grad of |x|·e^{−α|x|} was nan there.
    """

    def damping(factor: sp.Expr) -> tuple[sp.Expr, sp.Rational, int] | None:
        base, p = factor.as_base_exp()
        if base not in (X, sp.Abs(X)) or not p.is_Rational or abs(p) < 1 or p == 1:
            return None
        m = abs(int(p.p)) if abs(int(p.p)) > 1 else 2
        return base, p, m

    def rewrite(mul: sp.Mul) -> sp.Expr:
        factors = list(mul.args)
        exps = [f for f in factors if isinstance(f, sp.exp) and f.args[0].has(X)]
        growing = [(f, d) for f in factors if (d := damping(f)) is not None]
        linear = [f for f in factors if f in (X, sp.Abs(X))]
        if len(exps) == 1 and not growing and len(linear) == 1:
            half = sp.exp(exps[0].args[0] / 2)
            rest = [f for f in factors if f is not exps[0] and f is not linear[0]]
            return sp.Mul(*rest, Damped(linear[0], half), half)
        if len(exps) != 1 or len(growing) != 1:
            return mul
        (decaying,), ((factor, (base, p, m)),) = exps, growing
        rest = [f for f in factors if f is not decaying and f is not factor]
        return sp.Mul(*rest, Damped(base ** (p / m), sp.exp(decaying.args[0] / m)) ** m)

    return expr.replace(lambda e: isinstance(e, sp.Mul) and e.has(X), rewrite)


_DECAYING = (sp.exp, StableSigmoid, StableErfc, ExpErfc)


def vanishing_products(expr: sp.Expr) -> sp.Expr:
    """f·d with f growing at least like x² and d built from exponentials: 0 where d is 0.

    (1 + x²)·e^{−x²} and the chain rule's (a + 3bx²)·σ(−|ax + bx³|) overflow f to inf where
    d underflows to 0, and inf·0 is nan at the largest floats (and so in every derivative
    there). A single power of x is damped instead (:func:`damped_powers`), which also keeps
    the product's subnormal range; a sum cannot be, so it becomes :class:`Vanishing`: 0
    where d is, which is exact, since f is finite at every finite x.
    """

    def rewrite(mul: sp.Mul) -> sp.Expr:
        decaying = [f for f in mul.args if f.has(X) and f.has(*_DECAYING)]
        growing = [f for f in mul.args if f.has(X) and not f.has(*_DECAYING)]
        if not decaying or sum(_growth(f) for f in growing) < 2:
            return mul
        rest = [f for f in mul.args if not f.has(X)]
        return sp.Mul(*rest, Vanishing(sp.Mul(*growing), sp.Mul(*decaying)))

    return expr.replace(lambda e: isinstance(e, sp.Mul) and e.has(X), rewrite)


def _growth(factor: sp.Expr) -> sp.Rational:
    """The power of |x| that ``factor`` grows like, for a power of a polynomial in x and |x|
    (0 for anything else: it is not guarded)."""
    base, exponent = factor.as_base_exp()
    if not exponent.is_Rational or exponent <= 0:
        return sp.Integer(0)
    plain = sp.Dummy("r", positive=True)
    try:
        degree = sp.Poly(base.xreplace({sp.Abs(X): plain}).xreplace({X: plain}), plain).degree()
    except sp.PolynomialError:
        return sp.Integer(0)
    return degree * exponent
