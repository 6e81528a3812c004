"""Symbolic calculus on surrogate formulas: derivatives, primitives, limits, canonical forms."""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import sympy as sp

from .._support._budget import OutOfTime, ran_out, time_limit
from .._support._memo import memoized
from ._integrals import closed_form_integral, lacks_closed_form

X = sp.Symbol("x", real=True)
T = TypeVar("T")


def canonicalize(expr: sp.Expr) -> sp.Expr:
    """Fold Piecewise and replace ``x·sign(x)`` by ``|x|`` (NaN-free at ±∞, exact in tails)."""
    expr = sp.piecewise_fold(expr)

    def fold_sign(mul: sp.Mul) -> sp.Expr:
        factors = list(mul.args)
        for sign_factor in [f for f in factors if isinstance(f, sp.sign)]:
            inner = sign_factor.args[0]
            if inner in factors:
                factors.remove(sign_factor)
                factors.remove(inner)
                factors.append(sp.Abs(inner))
        return sp.Mul(*factors)

    return expr.replace(lambda e: isinstance(e, sp.Mul) and e.has(sp.sign), fold_sign)


def derivative(expr: sp.Expr, wrt: sp.Symbol = X) -> sp.Expr:
    """d expr / d wrt in canonical form."""
    return canonicalize(sp.diff(expr, wrt))


# Max and Min of x differentiated piece by piece, at most this many: each one doubles the
# pieces of g, and a dozen take SymPy longer than the time limit of a Spec.
_MOST_KINKS = 4


def derivative_of_primitive(G: sp.Expr) -> sp.Expr:
    """g = dG/dx, with Max and Min of x, and sign(x), differentiated piece by piece.

    SymPy differentiates them into Heaviside and DiracDelta terms, which no float code can
    evaluate (Heaviside(0) is undefined) and which the user never wrote. Piece by piece, the
    derivative of a continuous G is the same function without them; a jump of G, which
    the point masses stood for, is left to the checks (continuity, ∫g) to report. The sign
    of anything but x itself, and more than a few Max and Min, keep their Heaviside and
    DiracDelta terms, for the caller to refuse: SymPy writes sign(x − c) as −sign(c − x) in
    places and |x − c| as |c − x|, and pieces split on either side of the same knot would
    then mix at the knot itself.

    >>> derivative_of_primitive(sp.Min(1, sp.Max(0, X + sp.Rational(1, 2))))
    Piecewise((0, (x >= 1/2) | (x <= -1/2)), (1, True))
    >>> derivative_of_primitive((1 + sp.sign(X) * (1 - sp.exp(-sp.Abs(X)))) / 2)
    Piecewise((exp(x)/2, x < 0), (exp(-x)/2, True))
    """
    g = derivative(G)
    if not g.has(sp.Heaviside, sp.DiracDelta) or G.has(sp.Heaviside, sp.DiracDelta):
        return g
    signs = [e for e in G.atoms(sp.sign) if e.has(X)]
    kinks = [e for e in G.atoms(sp.Max, sp.Min) if e.has(X)]
    if any(e.args[0] != X for e in signs) or len(kinks) > _MOST_KINKS:
        return g
    # sign(0) = 0 is a piece of its own, whose derivative (0) would say nothing of g(0):
    # the right-hand piece takes x = 0, as it does for Abs.
    two_pieces = G.replace(
        lambda e: isinstance(e, sp.sign) and e.has(X), lambda e: sp.Piecewise((-1, X < 0), (1, True))
    )
    return derivative(split_kinks(two_pieces))


def split_kinks(expr: sp.Expr) -> sp.Expr:
    """Rewrite Abs, sign, Max and Min of x-dependent arguments as Piecewise (integrable)."""

    def two_sided(pick_first_when: type[sp.core.relational.Relational]):  # noqa: ANN202
        def build(*args: sp.Expr) -> sp.Expr:
            result = args[-1]
            for arg in reversed(args[:-1]):
                result = sp.Piecewise((arg, pick_first_when(arg, result)), (result, True))
            return result

        return build

    expr = expr.replace(
        lambda e: isinstance(e, sp.Abs) and e.has(X),
        lambda e: sp.Piecewise((-e.args[0], e.args[0] < 0), (e.args[0], True)),
    )
    expr = expr.replace(
        lambda e: isinstance(e, sp.sign) and e.has(X),
        lambda e: sp.Piecewise((-1, e.args[0] < 0), (0, sp.Eq(e.args[0], 0)), (1, True)),
    )
    expr = expr.replace(lambda e: isinstance(e, sp.Max) and e.has(X), lambda e: two_sided(sp.Ge)(*e.args))
    expr = expr.replace(lambda e: isinstance(e, sp.Min) and e.has(X), lambda e: two_sided(sp.Le)(*e.args))
    return sp.piecewise_fold(expr)


@memoized(key=lambda expr, direction: (expr, direction))
def limit_at_infinity(expr: sp.Expr, direction: int) -> sp.Expr:
    """lim expr as x → direction·∞ (direction ±1); Piecewise branches are chosen first.

    Returns ``sp.nan`` when SymPy cannot decide (oscillating or unknown).
    """
    point = direction * sp.oo
    expr = sp.piecewise_fold(expr)
    if isinstance(expr, sp.Piecewise):
        for branch, cond in expr.args:
            try:
                active = cond.subs(X, point)
            except TypeError:
                break
            if active == sp.true:
                return limit_at_infinity(branch, direction)
            if active != sp.false:
                break
    if not expr.has(X):
        return expr
    try:
        quick = _limit_by_parts(expr, direction)
        value = quick if quick is not None else sp.limit(expr, X, point)
    except (NotImplementedError, ValueError, TypeError, RecursionError):
        return sp.nan
    if value.has(sp.AccumBounds, sp.Limit):  # AccumBounds(-1, 1)/alpha is a Mul, not an AccumBounds
        return sp.nan
    return value


# Functions bounded on the whole real line (of a real argument).
_BOUNDED = (sp.sin, sp.cos, sp.tanh, sp.atan, sp.erf, sp.erfc, sp.sign, sp.Heaviside, sp.Si, sp.fresnels, sp.fresnelc)


def _limit_by_parts(expr: sp.Expr, direction: int) -> sp.Expr | None:
    """The limit at direction·∞ from its parts, where they decide it; None otherwise.

    Two rules settle what SymPy's Gruntz algorithm gets slowly or wrong: a sum whose terms
    all have finite limits has their sum as its limit, and a bounded factor (cos(x), sin²(αx))
    times a factor that tends to 0 tends to 0. Gruntz spends seconds on sums and products
    with oscillating parts (Si(x) + cos(x)/x − 1/x), and SymPy 1.14 gets some sums wrong as a
    whole: for 23·erf(√2x)/80 − 3·erf(√2x/6 − √2/12)/80 − 3·erf(√2x/6 + √2/12)/80 + 17/80 it
    answers −3/40 at −∞, where the terms give 0.

    >>> _limit_by_parts((sp.Si(X) + sp.cos(X) / X - 1 / X) / sp.pi, 1)
    1/2
    >>> _limit_by_parts(sp.sin(X) ** 2 / X**2, -1)
    0
    >>> _limit_by_parts(sp.sin(X) * X, 1) is None  # bounded times growing: not decided here
    True
    >>> _limit_by_parts(sp.oo * sp.sin(X) / X, 1) is None  # an infinite constant: not 0
    True
    """
    constant, rest = expr.as_independent(X, as_Add=False)
    if constant.is_finite is not True:  # ∞·sin(x)/x: not 0
        return None
    if isinstance(rest, sp.Add):
        parts = []
        for term in rest.args:
            parts.append(limit_at_infinity(term, direction))
            if parts[-1].is_finite is not True:
                return None
        return sp.factor_terms(constant * sp.Add(*parts))
    if isinstance(rest, sp.Mul):
        bounded = [f for f in rest.args if _is_bounded(f)]
        if bounded and len(bounded) < len(rest.args):
            others = sp.Mul(*[f for f in rest.args if f not in bounded])
            if limit_at_infinity(others, direction) == 0:
                return sp.Integer(0)
    return None


def _is_bounded(expr: sp.Expr) -> bool:
    """Whether ``expr`` is bounded for every real x (and every parameter value)."""
    if expr.is_number:
        return bool(expr.is_finite)
    if isinstance(expr, _BOUNDED):
        return all(arg.is_extended_real is True for arg in expr.args)
    if isinstance(expr, (sp.Add, sp.Mul)):
        return all(_is_bounded(arg) for arg in expr.args)
    if isinstance(expr, sp.Pow):
        return expr.exp.is_Integer and expr.exp > 0 and _is_bounded(expr.base)
    return False


FAST_SECONDS = 10.0  # Risch, Meijer G and manual rules: enough for what they can do
INTEGRATION_SECONDS = 30.0
# Functions an antiderivative may contain that no JAX function evaluates.
_UNPRINTABLE = (sp.hyper, sp.meijerg, sp.appellf1)
# Where an antiderivative is compared with g (odd, irrational-looking points that avoid knots).
_PROBES = (-2.71, -0.613, -0.0137, 0.0171, 0.529, 3.07)


def primitive_from_grad(grad: sp.Expr, values: Mapping[sp.Symbol, sp.Expr] | None = None) -> sp.Expr | None:
    """The primitive G = ∫_{−∞}^{x} g, or None when SymPy finds no closed form (see :func:`find_primitive`)."""
    return find_primitive(grad, values)[0]


@memoized(key=lambda grad, values=None: (grad, frozenset((values or {}).items())))
def find_primitive(grad: sp.Expr, values: Mapping[sp.Symbol, sp.Expr] | None = None) -> tuple[sp.Expr | None, str]:
    """(G, "") with G = ∫_{−∞}^{x} g, or (None, why there is none).

    Abs/Max/Min are split into Piecewise first so that the antiderivative is continuous;
    the constant is fixed by G(−∞) = 0 (or G(0) = 0 when g does not decay on the left).
    SymPy's antiderivative over the whole line is kept when it is real and its derivative
    equals g (at the parameter ``values``) on both sides of 0; otherwise each half-line is
    integrated with x of one sign (no complex branches, no formula valid on one side only).

    >>> find_primitive(1 / (1 + sp.Abs(X)))[0]
    Piecewise((-log(1 - x), x < 0), (log(x + 1), True))
    >>> find_primitive(1 / X**2)[1]
    '∫g diverges at x = 0'
    """
    if grad.has(sp.Sum):
        return None, "g holds a Sum with symbolic limits"
    values = dict(values or {})
    deadline = time.monotonic() + INTEGRATION_SECONDS  # both attempts share the time
    whole = _timed(lambda: _whole_line(grad), deadline)
    if isinstance(whole, sp.Expr) and _is_antiderivative(whole, grad, values):
        return canonicalize(whole), ""
    # When SymPy's whole search returns ∫g unevaluated for a g without kinks, the half-lines
    # would repeat it on the same integrand with x of one sign (seconds to tens of seconds,
    # as for the skew normal): there they try the fast methods only, which a sign can help.
    heurisch = not (whole is _UNEVALUATED and not grad.has(*_KINKS))
    halves = _timed(lambda: _by_half_lines(grad, heurisch=heurisch), deadline)
    if isinstance(halves, str):
        return None, halves
    if halves is not None and _is_antiderivative(halves, grad, values):
        return canonicalize(halves), ""
    return None, "SymPy finds no real closed form for ∫g"


def _timed(compute: Callable[[], T], deadline: float) -> T | None:
    left = deadline - time.monotonic()
    if left <= 0.01:
        ran_out()  # "no closed form" only for want of time: not a result to keep
        return None
    try:
        with time_limit(left):
            return compute()
    except (NotImplementedError, ValueError, TypeError, AttributeError, RecursionError, OutOfTime):
        return None  # no closed form (or none within the time limit)


# What _whole_line returns when SymPy's full search left the integral unevaluated.
_UNEVALUATED = object()
# What split_kinks resolves: a g with one of these differs between the half-lines.
_KINKS = (sp.Piecewise, sp.Abs, sp.sign, sp.Max, sp.Min, sp.Heaviside)


def _whole_line(grad: sp.Expr) -> sp.Expr | object | None:
    antiderivative = _antiderivative(split_kinks(grad))
    if antiderivative.has(sp.Integral):
        return _UNEVALUATED
    if not _closed(antiderivative, grad):
        return None
    left = limit_at_infinity(antiderivative, -1)
    if not left.is_finite:
        left = antiderivative.subs(X, 0)
        if not left.is_finite:  # log(αx): no finite anchor at −∞ or at 0
            return None
    at_zero = {}
    for side in "+-":
        try:
            at_zero[side] = sp.limit(antiderivative, X, 0, side)
        except (NotImplementedError, ValueError, TypeError):
            continue  # undecided: the check on dG/dx = g still runs
        if at_zero[side].is_finite is False or at_zero[side].has(sp.oo, -sp.oo, sp.zoo):
            return None  # ∫g diverges at 0 (1/x²): the half-line integration says so
    if len(at_zero) == 2 and sp.simplify(at_zero["-"] - at_zero["+"]) != 0:
        # An antiderivative through a 0/0 at x = 0 (−sin²x/x + Si(2x) written with |x|/x) may
        # take another constant on each side; ∫g of an integrable g is continuous, so the right
        # side takes the left's.
        step = at_zero["-"] - at_zero["+"]
        antiderivative = sp.Piecewise((antiderivative, X < 0), (antiderivative + step, True))
    return _in_lowest_terms(sp.piecewise_fold(antiderivative - left), grad)


def _by_half_lines(grad: sp.Expr, *, heurisch: bool = True) -> sp.Expr | str | None:
    """G from the antiderivatives of g(u) and g(−u) for u > 0 (or why ∫g has no anchor)."""
    u = sp.Dummy("u", positive=True)
    split = split_kinks(grad)
    right_integrand = sp.piecewise_fold(split.subs(X, u))
    left_integrand = sp.piecewise_fold(split.subs(X, -u))  # g(−u): d/du of ``left`` is this
    right = _antiderivative(right_integrand, u, heurisch=heurisch)
    # An even g (Student-t, any g of |x|) has one integrand on both half-lines: integrate it once.
    left = right if left_integrand == right_integrand else _antiderivative(left_integrand, u, heurisch=heurisch)
    if not (_closed(right, grad, u) and _closed(left, grad, u)):
        return None
    right_at_0, left_at_0 = sp.limit(right, u, 0, "+"), sp.limit(left, u, 0, "+")
    if not (right_at_0.is_finite and left_at_0.is_finite):
        return "∫g diverges at x = 0"
    # Substitution is exact for γ(a, u) and friends, where limit() gives up (γ(a, ∞) = Γ(a)).
    left_at_inf = left.subs(u, sp.oo).replace(
        lambda e: isinstance(e, sp.lowergamma) and e.args[1] == sp.oo, lambda e: sp.gamma(e.args[0])
    )
    if not left_at_inf.is_finite:
        left_at_inf = sp.limit(left, u, sp.oo)
    if left_at_inf.is_finite:  # G(x) = ∫_{−x}^{∞} g(−u) du for x < 0
        below, at_zero = left_at_inf - left, left_at_inf - left_at_0
    else:  # ∫g diverges on the left: anchor G(0) = 0 instead
        below, at_zero = left_at_0 - left, sp.Integer(0)
    above = at_zero + right - right_at_0
    return sp.Piecewise(
        (_in_lowest_terms(below.subs(u, -X), grad), X < 0), (_in_lowest_terms(above.subs(u, X), grad), True)
    )


def _in_lowest_terms(G: sp.Expr, grad: sp.Expr) -> sp.Expr:
    """G found in exponentials for a hyperbolic g, as one fraction in lowest terms.

    Which constant the Risch algorithm adds (−2/(k(e^{2kx} + 1)) or 2e^{2kx}/(k(e^{2kx} + 1)))
    follows the order SymPy meets terms in, which changes with Python's hash seed; after
    anchoring at −∞, the fraction in lowest terms is one form whatever the seed.
    """
    if not grad.has(*_HYPERBOLIC) or G.has(*_HYPERBOLIC, sp.Piecewise):
        return G
    return sp.cancel(G)


def _closed(antiderivative: sp.Expr, grad: sp.Expr, var: sp.Symbol = X) -> bool:
    extra = antiderivative.free_symbols - grad.free_symbols - {X, var}
    return not (antiderivative.has(sp.Integral, sp.RootSum, sp.Lambda, *_UNPRINTABLE) or extra)


def _is_antiderivative(G: sp.Expr, grad: sp.Expr, values: Mapping[sp.Symbol, sp.Expr]) -> bool:
    """True when G is real and dG/dx = g at probe points on both sides of 0 (SymPy's
    antiderivatives can be complex, or valid for x > 0 only, as for exp(−x⁴))."""
    if G.has(sp.I, sp.exp_polar, sp.polar_lift):
        return False
    G, grad = G.subs(values), grad.subs(values)
    if G.free_symbols - {X}:
        return True  # a parameter without a value: nothing to compare with
    derivative_of_G = sp.diff(G, X)
    try:
        with time_limit(INTEGRATION_SECONDS / 3):
            for point in _PROBES:
                want = complex(grad.subs(X, point).evalf(20))
                got = complex(derivative_of_G.subs(X, point).evalf(20))
                if not (math.isfinite(got.real) and abs(got.imag) <= 1e-12 * (1 + abs(got))):
                    return False
                if abs(got - want) > 1e-9 * (1 + abs(want)):
                    return False
            return True
    except (TypeError, ValueError, OutOfTime, RecursionError):
        return False


def _antiderivative(grad: sp.Expr, var: sp.Symbol = X, *, heurisch: bool = True) -> sp.Expr:
    """∫g d(var): Risch, Meijer G and manual rules first (fast), the heuristic Risch algorithm
    (unless ``heurisch`` is False) only when they leave an integral, run out of time or give
    a complex result."""
    if grad.has(*_HYPERBOLIC):
        # The Risch algorithm decides integrals of exponentials, while SymPy's rules for tanh
        # and sech find nothing for sech² and a complex logarithm for 1 − tanh², after seconds.
        try:
            with time_limit(FAST_SECONDS):
                found = _integrate(grad.rewrite(sp.exp), var, heurisch=False)
            if not found.has(sp.Integral, sp.RootSum, sp.Lambda) and _real_form(found, var):
                return found  # put in lowest terms once anchored (_in_lowest_terms)
        except (NotImplementedError, ValueError, TypeError, RecursionError, MemoryError, OutOfTime):
            pass
    try:
        with time_limit(FAST_SECONDS):
            fast = _integrate(grad, var, heurisch=False)
        # A complex branch, even one no real x takes (SymPy's ∫2√(1 − x²)/π on |x| < 1 nests
        # one for x² > 1), is refused later: the full algorithm may find a real form.
        if not fast.has(sp.Integral) and _real_form(fast, var):
            return fast
    except (NotImplementedError, ValueError, TypeError, RecursionError, MemoryError, OutOfTime):
        fast = sp.Integral(grad, var)
    return _integrate(grad, var) if heurisch else fast


_HYPERBOLIC = (sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch)


def _real_form(antiderivative: sp.Expr, var: sp.Symbol) -> bool:
    return not _complex_branch(antiderivative) and _real_at_samples(antiderivative, var)


def _complex_branch(expr: sp.Expr) -> bool:
    return any(value.has(sp.I) for piecewise in expr.atoms(sp.Piecewise) for value, _ in piecewise.args)


def _integrate(grad: sp.Expr, var: sp.Symbol, **hints: bool) -> sp.Expr:
    # A sum of bumps (multi-Gaussian) integrates term by term in a fraction of the time SymPy
    # takes on the whole sum; the constant factor stays outside so exponentials are not split.
    factor, body = grad.as_independent(var, as_Add=False)
    if isinstance(body, sp.Add):
        terms = [_integrate_term(term, var, **hints) for term in body.args]
        if not any(term.has(sp.Integral) for term in terms):
            return factor * sp.Add(*terms)
    return _integrate_term(grad, var, **hints)


def _integrate_term(term: sp.Expr, var: sp.Symbol, **hints: bool) -> sp.Expr:
    found = closed_form_integral(term, var)
    if found is not None:
        return found
    if lacks_closed_form(term, var):
        return sp.Integral(term, var)  # what SymPy's searches return, tens of seconds later
    return sp.integrate(term, var, **hints)


def _real_at_samples(expr: sp.Expr, var: sp.Symbol = X) -> bool:
    """False when ``expr`` is complex at ±1/2 (1/2 for a positive variable) with every parameter
    1: without heurisch, ∫(1 − tanh²) comes out as log(tanh − 1) − log(tanh + 1)."""
    at = {s: sp.Integer(1) for s in expr.free_symbols if s != var}
    points = (sp.Rational(1, 2),) if var.is_positive else (-sp.Rational(1, 2), sp.Rational(1, 2))
    for point in points:
        try:
            value = complex(expr.subs(at).subs(var, point).evalf())
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            return False
    return True


def vanishes(expr: sp.Expr) -> bool | None:
    """True when ``expr`` (x its only symbol) is 0 on every open interval between its knots.

    Each Piecewise, Abs, Max or Min is resolved to the branch it takes inside an interval
    (decided at an exact interior point), and the branch-free difference is simplified. None
    when a knot cannot be found exactly or some piece does not simplify to 0: undecided, not
    disproved. Knots themselves are a null set and are not examined.

    >>> vanishes(sp.Abs(X) - sp.Piecewise((-X, X < 0), (X, True)))
    True
    """
    expr = split_kinks(expr)
    if expr.free_symbols - {X}:
        return None
    real = [k for k in knots(expr, strict=True) if k.is_real]  # NotImplementedError: undecided
    boundaries = sorted({float(k): k for k in real}.values(), key=float)  # one per value
    inner = [(a + b) / 2 for a, b in itertools.pairwise(boundaries)]
    samples = [boundaries[0] - 1, *inner, boundaries[-1] + 1] if boundaries else [sp.Integer(0)]
    for point in samples:
        piece = _branch_at(expr, point)
        if piece is None or not _is_zero(piece):
            return None
    return True


def _branch_at(expr: sp.Expr, point: sp.Expr) -> sp.Expr | None:
    def pick(piecewise: sp.Piecewise) -> sp.Expr:
        for value, condition in piecewise.args:
            decided = condition.subs(X, point)
            if decided not in (sp.true, sp.false):
                raise ValueError(f"cannot decide {condition} at x = {point}")
            if decided == sp.true:
                return value
        return sp.nan

    try:
        return expr.replace(lambda e: isinstance(e, sp.Piecewise), pick)
    except ValueError:
        return None


def _is_zero(expr: sp.Expr) -> bool:
    # Cheapest first: rational functions vanish on expansion; tanh/sech identities after
    # rewriting in exp; simplify for the rest.
    if expr == 0 or sp.expand(sp.together(expr)) == 0:
        return True
    return sp.simplify(expr.rewrite(sp.exp)) == 0 or sp.simplify(expr) == 0


def knots(expr: sp.Expr, strict: bool = False) -> list[sp.Expr]:
    """Points where a Piecewise, Abs, sign, Max or Min in ``expr`` switches, as expressions.

    A condition SymPy cannot solve for x is skipped, or with ``strict`` raises
    NotImplementedError (a caller that needs every knot must not miss one).
    """
    found: set[sp.Expr] = set()
    for node in sp.preorder_traversal(split_kinks(expr)):
        if isinstance(node, sp.core.relational.Relational) and node.has(X):
            try:
                solutions = sp.solve(sp.Eq(node.lhs, node.rhs), X)
            except (NotImplementedError, TypeError):
                if strict:
                    raise NotImplementedError(f"cannot solve {node} for x") from None
                continue
            found.update(s for s in solutions if s.is_real is not False)
    return sorted(found, key=sp.default_sort_key)


def free_params(expr: sp.Expr, names: Iterable[str]) -> set[str]:
    """The parameter names among ``names`` that ``expr`` actually depends on."""
    present = {s.name for s in expr.free_symbols}
    return {name for name in names if name in present}
