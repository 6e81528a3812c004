"""Closed-form antiderivatives for classes of terms that SymPy settles slowly or not at all.

An exponential c·e^{bx + d} integrates to itself over b. A Gaussian bump c·e^{Ax² + Bx + C}
(A < 0) integrates to an erf; SymPy's Meijer G and Risch machinery reach the same in about
half a second per term. An exponential times an erf or erfc of a linear argument,
c·e^{bx + d}·erf(px + q), integrates by parts into e^{bx + d}/b·erf(px + q) minus the
integral of a Gaussian bump: the exponentially modified Gaussian is such a term, and SymPy's
heuristic Risch algorithm searches for its primitive for tens of seconds without finding it.
"""

from __future__ import annotations

import sympy as sp

__all__ = ["closed_form_integral"]


def closed_form_integral(term: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """∫term d(var) when ``term``, or every term of it multiplied out, is of one of the
    classes above; else None. SymPy writes erfc(1 − x) as 2 − erfc(x − 1), so a product with
    it is a sum of such terms once multiplied out.

    >>> x = sp.Symbol("x", real=True)
    >>> g = sp.exp(-x) * sp.erfc(1 - x)
    >>> sp.simplify(sp.diff(closed_form_integral(g, x), x) - g)
    0
    >>> closed_form_integral(sp.exp(-x) / (1 + sp.exp(-x)), x) is None
    True
    """
    whole = _one_term(term, var)
    if whole is not None:
        return whole
    terms = sp.Add.make_args(sp.expand_mul(term))
    found = [_one_term(each, var) for each in terms] if len(terms) > 1 else [None]
    return None if any(each is None for each in found) else sp.Add(*found)


def _one_term(term: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    if not term.has(var):
        return term * var
    for rule in (_exponential_integral, _gaussian_integral, _exponential_times_erf_integral):
        found = rule(term, var)
        if found is not None:
            return found
    return None


def _exponential_integral(term: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """∫c·e^{bx + d} = c·e^{bx + d}/b, or None for any other term."""
    found = _exponential_of_polynomial(term, var, degree=1)
    if found is None:
        return None
    constant, exponential, linear = found
    return constant * exponential / linear.coeff_monomial(var)


def _gaussian_integral(term: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """∫c·e^{Ax² + Bx + C} for A < 0 in closed form, or None for any other term.

    With a = −A, Ax² + Bx + C = −a(x + B/2A)² + C − B²/4A, so the antiderivative is
    c·√π/(2√a)·e^{C − B²/4A}·erf(√a·(x + B/2A)).

    >>> x = sp.Symbol("x", real=True)
    >>> _gaussian_integral(sp.exp(-(x**2) + 3 * x), x)
    sqrt(pi)*exp(9/4)*erf(x - 3/2)/2
    >>> _gaussian_integral(sp.exp(x**2), x) is None  # A > 0: erfi, left to SymPy
    True
    """
    found = _exponential_of_polynomial(term, var, degree=2)
    if found is None:
        return None
    constant, _, quadratic = found
    A, B, C = quadratic.all_coeffs()
    a = -A
    if a.is_positive is not True:
        return None
    shift = B / (2 * A)
    scale = sp.sqrt(a)
    factor = sp.factor_terms(constant * sp.sqrt(sp.pi) / (2 * scale) * sp.exp(C - B**2 / (4 * A)))
    return factor * sp.erf(sp.factor_terms(scale * (var + shift)))


def _exponential_times_erf_integral(term: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """∫c·e^{bx + d}·F(px + q) for F = erf or erfc, b ≠ 0, by parts; None for any other term.

    With u = F(px + q) and dv = e^{bx + d} dx, v = e^{bx + d}/b and du = ±2p/√π·e^{−(px + q)²} dx
    (+ for erf, − for erfc), so the rest, v·du, is a Gaussian bump when p² > 0.

    >>> x = sp.Symbol("x", real=True)
    >>> G = _exponential_times_erf_integral(sp.exp(2 * x) * sp.erfc(x - 1), x)
    >>> sp.simplify(sp.diff(G, x) - sp.exp(2 * x) * sp.erfc(x - 1))
    0
    >>> _exponential_times_erf_integral(sp.exp(-(x**2)) * sp.erfc(2 * x), x) is None  # Owen's T
    True
    """
    constant, rest = term.as_independent(var, as_Add=False)
    factors = sp.Mul.make_args(rest)
    special = [f for f in factors if isinstance(f, (sp.erf, sp.erfc))]
    if len(special) != 1:
        return None
    (function,) = special
    exponential = sp.powsimp(sp.Mul(*(f for f in factors if f is not function)))
    if not isinstance(exponential, sp.exp):
        return None
    exponent, argument = _polynomial(exponential.args[0], var), _polynomial(function.args[0], var)
    if exponent is None or argument is None or exponent.degree() != 1 or argument.degree() != 1:
        return None
    b, p = exponent.coeff_monomial(var), argument.coeff_monomial(var)
    sign = 1 if isinstance(function, sp.erf) else -1
    bump = sign * 2 * p / (b * sp.sqrt(sp.pi)) * sp.exp(sp.expand(exponential.args[0] - function.args[0] ** 2))
    rest_integral = _gaussian_integral(bump, var)
    if rest_integral is None:
        return None
    return constant * (exponential / b * function - rest_integral)


def _exponential_of_polynomial(term: sp.Expr, var: sp.Symbol, degree: int) -> tuple[sp.Expr, sp.exp, sp.Poly] | None:
    """(c, e^{P}, P) for a term c·e^{P(var)} with P of the given degree, else None."""
    constant, rest = term.as_independent(var, as_Add=False)
    rest = sp.powsimp(rest)  # e^{−x²}·e^{3x} as one exponential
    if not isinstance(rest, sp.exp):
        return None
    polynomial = _polynomial(rest.args[0], var)
    if polynomial is None or polynomial.degree() != degree:
        return None
    return constant, rest, polynomial


def _polynomial(expr: sp.Expr, var: sp.Symbol) -> sp.Poly | None:
    try:
        return sp.Poly(sp.expand(expr), var)
    except sp.PolynomialError:
        return None
