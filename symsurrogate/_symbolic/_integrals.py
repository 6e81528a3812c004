"""Closed-form antiderivatives for classes of terms that SymPy settles slowly or not at all.

An exponential c·e^{bx + d} integrates to itself over b. A Gaussian bump c·e^{Ax² + Bx + C}
(A < 0) integrates to an erf; SymPy's Meijer G and Risch machinery reach the same in about
half a second per term. An exponential times an erf or erfc of a linear argument,
c·e^{bx + d}·erf(px + q), integrates by parts into e^{bx + d}/b·erf(px + q) minus the
integral of a Gaussian bump: the exponentially modified Gaussian is such a term, and SymPy's
heuristic Risch algorithm searches for its primitive for tens of seconds without finding it.

A Gaussian bump times the erf or erfc of a line, c·e^{Q(x)}·erf(px + q), has a closed form
only when the bump is the erf's own derivative, Q = −(px + q)² + k: then it is
c·e^k·√π/(4p)·erf(px + q)². Otherwise (the skew normal density φ(x)·Φ(ax) with a ≠ ±1) its
integral is Owen's T function, the bivariate normal distribution, which no combination of
elementary functions and erf expresses; :func:`lacks_closed_form` says so at once, where
SymPy's searches spend tens of seconds before they return the integral unevaluated.
"""

from __future__ import annotations

import sympy as sp

__all__ = ["closed_form_integral", "lacks_closed_form"]


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
    for rule in (_exponential_integral, _gaussian_integral, _exponential_times_erf_integral, _bump_times_erf_integral):
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
    found = _exponential_times_erf(term, var, degree=1)
    if found is None:
        return None
    constant, function, exponential, p = found
    b = _polynomial(exponential.args[0], var).coeff_monomial(var)
    sign = 1 if isinstance(function, sp.erf) else -1
    bump = sign * 2 * p / (b * sp.sqrt(sp.pi)) * sp.exp(sp.expand(exponential.args[0] - function.args[0] ** 2))
    rest_integral = _gaussian_integral(bump, var)
    if rest_integral is None:
        return None
    return constant * (exponential / b * function - rest_integral)


def _bump_times_erf_integral(term: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """∫c·e^{−(px + q)² + k}·F(px + q) = ±c·e^k·√π/(4p)·F(px + q)² (+ for F = erf, − for
    erfc): the bump is F's own derivative up to a constant. None for any other term.

    >>> x = sp.Symbol("x", real=True)
    >>> _bump_times_erf_integral(sp.exp(-(x**2) / 2) * sp.erfc(x / sp.sqrt(2) + 1) * sp.exp(-sp.sqrt(2) * x), x)
    -sqrt(2)*E*sqrt(pi)*erfc(sqrt(2)*x/2 + 1)**2/4
    """
    found = _exponential_times_erf(term, var, degree=2)
    if found is None:
        return None
    constant, function, exponential, p = found
    offset = sp.expand(exponential.args[0] + function.args[0] ** 2)
    if offset.has(var):
        return None
    sign = 1 if isinstance(function, sp.erf) else -1
    return sp.factor_terms(sign * constant * sp.exp(offset) * sp.sqrt(sp.pi) / (4 * p)) * function**2


def lacks_closed_form(term: sp.Expr, var: sp.Symbol) -> bool:
    """Whether ∫term d(var) is known to have no closed form in elementary functions and erf:
    ``term`` multiplied out has exactly one term c·e^{Q}·F(px + q) (F = erf or erfc, Q
    quadratic with a negative leading coefficient, p ≠ 0) whose bump is not F's derivative,
    and every other term integrates by the rules above. Such a sum is a closed form plus one
    Owen's T function, so it has none either.

    >>> x = sp.Symbol("x", real=True)
    >>> lacks_closed_form(sp.exp(-(x**2) / 2) * sp.erfc(-2 * x), x)  # the skew normal
    True
    >>> lacks_closed_form(sp.exp(-(x**2)) * sp.erf(x), x)  # sqrt(pi)*erf(x)**2/4
    False
    """
    owen = 0
    for each in sp.Add.make_args(sp.expand_mul(term)):
        if _one_term(each, var) is not None:
            continue
        found = _exponential_times_erf(each, var, degree=2)
        if found is None or _polynomial(found[2].args[0], var).LC().is_negative is not True:
            return False  # not a bump: e^{x²}·erf(x) is left to SymPy
        owen += 1
    return owen == 1


def _exponential_times_erf(
    term: sp.Expr, var: sp.Symbol, degree: int
) -> tuple[sp.Expr, sp.Function, sp.exp, sp.Expr] | None:
    """(c, F(px + q), e^{P}, p) for a term c·e^{P(x)}·F(px + q) with P of the given degree,
    F = erf or erfc and p ≠ 0; None for any other term."""
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
    if exponent is None or argument is None or exponent.degree() != degree or argument.degree() != 1:
        return None
    return constant, function, exponential, argument.coeff_monomial(var)


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
