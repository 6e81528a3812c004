"""Symbolic calculus on surrogate formulas: derivatives, primitives, limits, canonical forms."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import sympy as sp

from .._support._cache import OutOfTime, time_limit

X = sp.Symbol("x", real=True)


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
        value = sp.limit(expr, X, point)
    except (NotImplementedError, ValueError, TypeError, RecursionError):
        return sp.nan
    if value.has(sp.AccumBounds, sp.Limit):  # AccumBounds(-1, 1)/alpha is a Mul, not an AccumBounds
        return sp.nan
    return value


# Risch, Meijer G and the manual rules find most primitives of surrogate shapes in about a
# second; the heuristic Risch algorithm (heurisch) is tried only when they leave an integral
# or run out of time, because on a power with a symbolic exponent (Student-t,
# (1 + x²/ν)^(−(ν+1)/2)) it runs for minutes and then gives up, while some sums of tanh or
# erf terms need it. The fast methods take ~1.5 s on Student-t on an idle machine; the limit
# leaves room for a loaded one (wall-clock time), where running out sends it to heurisch.
FAST_SECONDS = 10.0
INTEGRATION_SECONDS = 30.0
# Functions an antiderivative may contain that no JAX function evaluates.
_UNPRINTABLE = (sp.hyper, sp.meijerg, sp.appellf1)


def primitive_from_grad(grad: sp.Expr) -> sp.Expr | None:
    """The primitive G = ∫_{−∞}^{x} g, or None when SymPy finds no closed form.

    Abs/Max/Min are split into Piecewise first so that the antiderivative is continuous;
    the constant is fixed by G(−∞) = 0 (or G(0) = 0 when g does not decay on the left).
    """
    if grad.has(sp.Sum):
        return None
    antiderivative = None
    for hints, seconds in (({"heurisch": False}, FAST_SECONDS), ({}, INTEGRATION_SECONDS)):
        try:
            with time_limit(seconds):
                antiderivative = _antiderivative(split_kinks(grad), **hints)
        except (NotImplementedError, ValueError, TypeError, RecursionError, MemoryError, OutOfTime):
            # no closed form (or none within the time limit): the Spec records G as unknown
            antiderivative = None
            continue
        if not antiderivative.has(sp.Integral) and _real_at_samples(antiderivative):
            break
    if (
        antiderivative is None
        or antiderivative.has(sp.Integral, sp.RootSum, sp.Lambda, *_UNPRINTABLE)
        or antiderivative.free_symbols - grad.free_symbols - {X}
    ):
        return None
    left = limit_at_infinity(antiderivative, -1)
    if not left.is_finite:
        left = antiderivative.subs(X, 0)
        if not left.is_finite:  # log(αx): no finite anchor at −∞ or at 0
            return None
    return canonicalize(sp.piecewise_fold(antiderivative - left))


def _real_at_samples(expr: sp.Expr) -> bool:
    """False when ``expr`` is complex at x = ±1/2 with every parameter 1 (a value in every
    domain): without heurisch, ∫(1 − tanh²) comes out as log(tanh − 1) − log(tanh + 1)."""
    at = {s: sp.Integer(1) for s in expr.free_symbols if s != X}
    for x in (-sp.Rational(1, 2), sp.Rational(1, 2)):
        try:
            value = complex(expr.subs(at).subs(X, x).evalf())
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            return False
    return True


def _antiderivative(grad: sp.Expr, **hints: bool) -> sp.Expr:
    # A sum of bumps (multi-Gaussian) integrates term by term in a fraction of the time SymPy
    # takes on the whole sum; the constant factor stays outside so exponentials are not split.
    factor, body = grad.as_independent(X, as_Add=False)
    if isinstance(body, sp.Add):
        terms = [sp.integrate(term, X, **hints) for term in body.args]
        if not any(term.has(sp.Integral) for term in terms):
            return factor * sp.Add(*terms)
    return sp.integrate(grad, X, **hints)


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
