"""How fast a formula decays far out: its class of tail, and what its shape alone rules out."""

from __future__ import annotations

import sympy as sp

from ._calculus import X, limit_at_infinity

# Functions that, of an argument linear in x, are rational functions of one e^{ax}.
_HYPERBOLIC = (sp.exp, sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch)
# The same of e^{iax}: bounded or periodic, never decaying.
_TRIGONOMETRIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def _linear(arg: sp.Expr) -> bool:
    return bool(arg.is_polynomial(X)) and sp.degree(arg, X) <= 1


def _built_from(expr: sp.Expr, functions: tuple[type, ...]) -> bool:
    """Whether ``expr`` is built from x and ``functions`` of arguments linear in x by arithmetic
    and constant powers (an x-dependent exponent only as b^{ax} = e^{ax·log b})."""
    for node in sp.preorder_traversal(expr):
        if not node.has(X):
            continue
        if isinstance(node, sp.Pow):
            if node.exp.has(X) and (node.base.has(X) or not _linear(node.exp)):
                return False
        elif isinstance(node, sp.Function):
            if not isinstance(node, functions) or not all(_linear(arg) for arg in node.args):
                return False
        elif not isinstance(node, (sp.Add, sp.Mul, sp.Symbol)):
            return False
    return True


def of_exponentials(expr: sp.Expr) -> bool:
    """Whether ``expr`` is built from x and finitely many e^{ax} (exp and hyperbolic functions of
    linear arguments) by arithmetic and constant powers. Written in exponentials and brought
    to one fraction, its limits at ±∞ come from the largest exponentials: SymPy finds them
    fast in that form.

    >>> alpha = sp.Symbol("alpha", positive=True)
    >>> of_exponentials(sp.tanh(alpha * X + 1) - sp.tanh(alpha * X - 1))
    True
    >>> of_exponentials(X * sp.exp(-alpha * X) / (1 + sp.exp(-alpha * X)) ** 2)
    True
    >>> of_exponentials(sp.cos(X) * sp.exp(-X))  # oscillates: e^{ix} is not real
    False
    >>> of_exponentials(sp.exp(-(X**2)))
    False
    """
    return _built_from(expr, _HYPERBOLIC)


def decays_at_most_exponentially(expr: sp.Expr) -> bool:
    """Whether ``expr`` is certainly not super-exponentially small at ±∞.

    True when ``expr`` is built from x and elementary functions (exp, hyperbolic and
    trigonometric ones) of arguments linear in x by arithmetic and constant powers. Such a
    function is an algebraic expression in x and finitely many e^{ax}, so it tends to 0 no
    faster than an exponential. False means "not decided here": e^{−x²}, erfc(x), e^{−e^{x}} and
    anything else may decay faster.

    >>> alpha = sp.Symbol("alpha", positive=True)
    >>> decays_at_most_exponentially(sp.tanh(alpha * X + 1) - sp.tanh(alpha * X - 1))
    True
    >>> decays_at_most_exponentially(sp.cos(X) / (1 + sp.exp(-alpha * X)) + X**2 / (1 + X**4))
    True
    >>> decays_at_most_exponentially(sp.exp(-(X**2) / 2))
    False
    >>> decays_at_most_exponentially(sp.erfc(X))
    False
    >>> decays_at_most_exponentially(sp.exp(alpha * X - sp.exp(alpha * X)))
    False
    """
    return _built_from(expr, _HYPERBOLIC + _TRIGONOMETRIC)


def symbolic_tail(g: sp.Expr, side: int) -> str | None:
    """The class of g's tail at side·∞ from SymPy's limits: constant, power(p),
    exponential(rate) or gaussian (faster than any exponential); None when undecided.

    >>> symbolic_tail(1 / (1 + X**2), 1)
    'power(-2)'
    >>> symbolic_tail(sp.exp(X) / (1 + sp.exp(X)) ** 2, -1)
    'exponential(1)'
    >>> symbolic_tail(sp.exp(-(X**2)) + sp.exp(-((X - 1) ** 2) / 2), 1)
    'gaussian'
    """
    return _tail(g, side, whole=True)


def _tail(g: sp.Expr, side: int, whole: bool) -> str | None:
    _, body = g.as_independent(X, as_Add=False)
    if whole and isinstance(body, sp.Add) and not any(map(decays_at_most_exponentially, body.args)):
        # A sum of Gaussian-tailed terms is Gaussian-tailed (the widest term dominates;
        # distinct exponents cannot cancel), and SymPy decides each term far faster. A term
        # that decays at most exponentially would only spend the time limit on its own tail.
        if all(_tail(term, side, whole=False) == "gaussian" for term in body.args):
            return "gaussian"
    dg = sp.diff(g, X)
    if of_exponentials(g):
        # At most exponential decay: the rate g'/g (one fraction in exponentials) decides an
        # exponential tail alone, where x·g'/g would be a second, slower limit.
        rate = limit_at_infinity(sp.cancel(sp.together((dg / g).rewrite(sp.exp))) * side, side)
        if rate.is_finite and rate != 0:
            return f"exponential({_number(-rate)})"
    ratio = limit_at_infinity(X * dg / g, side)
    if ratio.is_finite:
        return "constant" if ratio == 0 and limit_at_infinity(g, side) != 0 else f"power({_number(ratio)})"
    if ratio in (sp.oo, -sp.oo):
        rate = limit_at_infinity(dg / g * side, side)
        if rate.is_finite and rate != 0:
            return f"exponential({_number(-rate)})"
        if rate == -sp.oo:
            return "gaussian"
    return None


def _number(value: sp.Expr) -> str:
    return f"{float(value):.6g}"
