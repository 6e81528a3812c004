"""Rewrites that make a formula safe to evaluate in floating point, each provably exact.

The central one handles rational functions of ``exp(u)`` (logistic, tanh, sech², …):
with t = e^u the expression is R(t); it is evaluated as R(e^u) where u ≤ 0 and as
R(1/s), s = e^{−u}, where u ≥ 0, so no exponential ever overflows. When R(t) = R(1/t)
(an even shape) a single branch on the decaying side suffices: R(e^{−|u|}).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import sympy as sp

from ._calculus import X, canonicalize
from ._functions import Guard, StableLog1p, StableRem, StableSigmoid, StableSoftplus, expand_stable

_T = sp.Symbol("t", positive=True)
_SAFE_POINTS = (0, 1, -1, 2, -2, sp.Rational(1, 2), -sp.Rational(1, 2), 10, -10)
_HYPERBOLIC = (sp.tanh, sp.sinh, sp.cosh, sp.sech)


def stabilize(expr: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """A form of ``expr`` that is finite wherever the exact value is, in any float dtype.

    Args:
        expr: canonical formula in ``x`` (see :func:`canonicalize`).
        defaults: parameter values used to pick safe points for inactive Piecewise branches.
    """
    expr = _erf_complement(canonicalize(expr))
    if isinstance(expr, sp.Piecewise):
        return _guarded_piecewise(expr, defaults)
    if expr.has(sp.Piecewise):
        return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: _guarded_piecewise(e, defaults))
    return _stable_smooth(expr)


def _erf_complement(expr: sp.Expr) -> sp.Expr:
    """k·(1 ± erf(z)) → k·erfc(∓z), split at z = 0 so that no side cancels.

    Integrating a Gaussian gives k + k·erf(z), which is 0 − 0 in the left tail. SymPy turns
    erfc(−z) back into 2 − erfc(z), so the complement is written with |z| on the side
    where it is small, and as 2 − erfc(|z|) (no cancellation: the value is near 2) on the other.
    """
    as_erf = expr.replace(lambda e: isinstance(e, sp.erfc) and e.has(X), lambda e: 1 - sp.erf(e.args[0]))
    erfs = [e for e in as_erf.atoms(sp.erf) if e.has(X)]
    if len(erfs) != 1 or as_erf.has(sp.Piecewise):
        return expr
    (erf,) = erfs
    z, u = erf.args[0], sp.Dummy("u")
    linear = sp.expand(as_erf.xreplace({erf: u}))
    k, slope = linear.subs(u, 0), sp.diff(linear, u)
    if k.has(X) or slope.has(X) or sp.diff(linear, u, 2) != 0 or k == 0:
        return expr
    small, large = sp.erfc(sp.Abs(z)), 2 - sp.erfc(sp.Abs(z))
    if sp.simplify(k - slope) == 0:  # k·(1 + erf z) = k·erfc(−z): small where z < 0
        return sp.Piecewise((k * small, z < 0), (k * large, True))
    if sp.simplify(k + slope) == 0:  # k·(1 − erf z) = k·erfc(z): small where z >= 0
        return sp.Piecewise((k * large, z < 0), (k * small, True))
    return expr


def _reduce_period(expr: sp.Expr) -> sp.Expr:
    """Evaluate at rem(x, P) when x occurs only in sin/cos(a·x) sharing the period P.

    For large |x| the product a·x rounds away the phase (and overflows at ±max);
    rem is exact, so the trigonometric argument stays below 2π·a·P/(2π) in size.
    """
    trig = [f for f in expr.atoms(sp.sin, sp.cos) if f.has(X)]
    if not trig or expr.xreplace({f: sp.Dummy() for f in trig}).has(X):
        return expr
    slopes = [sp.diff(f.args[0], X) for f in trig]
    if any(a.has(X) or sp.expand(f.args[0] - a * X) != 0 for f, a in zip(trig, slopes, strict=True)):
        return expr
    lowest = {index: low for s in expr.atoms(sp.Sum) for index, low, _ in s.limits}
    for a in slopes:
        period = sp.simplify(2 * sp.pi / a.subs(lowest))
        if period.has(X) or period.free_symbols & set(lowest):
            continue
        if all(sp.simplify(b * period / (2 * sp.pi)).is_integer for b in slopes):
            return expr.xreplace({X: StableRem(X, period)})
    return expr


def _stable_smooth(expr: sp.Expr) -> sp.Expr:
    expr = _reduce_period(expr)
    expr = _logs(expr)
    hyperbolic = any(f.args[0].has(X) for f in expr.atoms(*_HYPERBOLIC))
    if hyperbolic or _risky_exps(expr):
        rational = _exp_rational(expr.rewrite(sp.exp) if hyperbolic else expr)
        if rational is not None:
            return rational
    return expr


def _risky_exps(expr: sp.Expr) -> list[sp.exp]:
    """The exponentials of ``expr`` whose argument may be positive (and overflow)."""
    return [e for e in expr.atoms(sp.exp) if e.args[0].has(X) and not e.args[0].is_nonpositive]


def _logs(expr: sp.Expr) -> sp.Expr:
    """log(1 + e^z) → softplus(z); log(1 + w) → log1p(w) for x-dependent w."""

    def rewrite(log: sp.log) -> sp.Expr:
        arg = log.args[0]
        rest = arg - 1
        if isinstance(rest, sp.exp) and rest.args[0].has(X):
            return StableSoftplus(rest.args[0])
        if arg.is_Add and 1 in arg.args and rest.has(X):
            return StableLog1p(rest)
        return log

    return expr.replace(lambda e: isinstance(e, sp.log), rewrite)


def _exp_rational(expr: sp.Expr) -> sp.Expr | None:
    """Evaluate a rational function of e^{k·u} on its decaying side; None if not one."""
    split = [(e, *e.args[0].as_coeff_Mul()) for e in expr.atoms(sp.exp) if e.args[0].has(X)]
    if not split or len({rest for _, _, rest in split}) != 1 or not all(c.is_Rational for _, c, _ in split):
        return None
    # u = unit·rest with unit the gcd of the coefficients, so that e^{k·rest} = t^{k/unit}.
    unit = abs(functools.reduce(sp.gcd, [c for _, c, _ in split]))
    base = unit * split[0][2]
    rational = sp.cancel(expr.xreplace({e: _T ** (c / unit) for e, c, _ in split}))
    if rational.has(X):
        return None
    for k in (1, 2, 3, 4):
        for logistic_form, argument in ((_T**k / (1 + _T**k), k * base), (1 / (1 + _T**k), -k * base)):
            scale = sp.cancel(rational / logistic_form)
            if not scale.has(_T):
                return scale * StableSigmoid(argument)
    mirrored = sp.cancel(rational.subs(_T, 1 / _T))
    if sp.cancel(rational - mirrored) == 0:
        return sp.factor(rational).subs(_T, sp.exp(-sp.Abs(base)))
    negative_side = sp.factor(rational).subs(_T, sp.exp(sp.Min(base, 0)))
    positive_side = sp.factor(mirrored).subs(_T, sp.exp(-sp.Max(base, 0)))
    return sp.Piecewise((negative_side, base <= 0), (positive_side, True))


def _guarded_piecewise(expr: sp.Piecewise, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """Piecewise whose every branch sees a harmless x where it is not selected."""
    pieces = []
    earlier: list[sp.Basic] = []
    for branch, cond in expr.args:
        branch = _stable_smooth(branch)
        if branch.has(X):
            active = cond if cond != sp.true else sp.Not(sp.Or(*earlier))
            safe = _safe_point(branch, defaults)
            if safe is not None and active not in (sp.true, sp.false):
                branch = branch.xreplace({X: Guard(active, X, safe)})
        pieces.append((branch, cond))
        earlier.append(cond)
    return sp.Piecewise(*pieces)


def _safe_point(branch: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr | None:
    plain = expand_stable(branch).subs(defaults)
    slope = sp.diff(plain, X)
    for point in _SAFE_POINTS:
        try:
            value, dvalue = complex(plain.subs(X, point).evalf()), complex(slope.subs(X, point).evalf())
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if all(abs(v) < 1e300 and v == v for v in (value, dvalue)):
            return sp.Integer(point) if isinstance(point, int) else point
    return None
