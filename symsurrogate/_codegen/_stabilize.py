"""Rewrites that make a formula safe to evaluate in floating point, each provably exact.

The central one handles rational functions of ``exp(u)`` (logistic, tanh, sech², …):
with t = e^u the expression is R(t); it is evaluated as R(e^u) where u ≤ 0 and as
R(1/s), s = e^{−u}, where u ≥ 0, so no exponential ever overflows. When R(t) = R(1/t)
(an even shape) a single branch on the decaying side suffices: R(e^{−|u|}).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sympy as sp

from .._support._memo import memoized
from .._symbolic._algebraic import merge_exps, one_fraction
from .._symbolic._calculus import X, canonicalize
from .._symbolic._nodes import (
    CompensatedExp,
    ExpErfc,
    Guard,
    Reduced,
    StableErfc,
    StableExpm1,
    StableLog1p,
    StableSigmoid,
    StableSoftplus,
    expand_stable,
)
from ._doublefloat import compensable
from ._growth import bounded_ratios, damped_powers, dominant_exponentials, inverse_hyperbolic_logs, vanishing_products
from ._knots import knot_relative, solved_for_x
from ._series import series_at_removable_points
from ._softplus import abs_differences, softplus_differences

_T = sp.Dummy("t", positive=True)  # a Dummy: a parameter may be called t
_S = sp.Dummy("s", positive=True)  # the logistic σ = t/(1 + t) of the same t
_SAFE_POINTS = (0, 1, -1, 2, -2, sp.Rational(1, 2), -sp.Rational(1, 2), 10, -10)
_HYPERBOLIC = (sp.tanh, sp.sinh, sp.cosh, sp.sech)


@memoized(key=lambda expr, defaults: (expr, frozenset(defaults.items())))
def stabilize(expr: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """A form of ``expr`` that is finite wherever the exact value is, in any float dtype.

    Args:
        expr: canonical formula in ``x`` (see :func:`canonicalize`).
        defaults: parameter values used to pick safe points for inactive Piecewise branches.
    """
    expr = series_at_removable_points(canonicalize(expr))
    if isinstance(expr, sp.Piecewise):
        stable = _guarded_piecewise(expr, defaults)
    elif expr.has(sp.Piecewise):
        stable = expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: _guarded_piecewise(e, defaults))
    else:
        stable = _stable_smooth(expr)
    return _compensated_exps(_even_in_abs(expr, stable))


def _compensated_exps(expr: sp.Expr) -> sp.Expr:
    """exp(u) → exp(u) with u in double-float, where u is polynomial in x and the parameters."""
    return expr.replace(
        lambda e: isinstance(e, sp.exp) and e.args[0].has(X) and compensable(e.args[0], X),
        lambda e: CompensatedExp(e.args[0]),
    )


def _even_in_abs(expr: sp.Expr, stable: sp.Expr) -> sp.Expr:
    """The stable form of an even ``expr``, evaluated at |x| unless already symmetric as printed.

    g(x) = g(−x) in exact arithmetic does not make the float evaluation symmetric when the
    two sides add the same terms in another order (the side lobes of MultiGaussianGrad);
    evaluating at |x| makes the symmetry bit-exact. Forms unchanged by x → −x (x², |x|,
    the decaying-side exponentials) are left alone.
    """
    plain = stable.replace(lambda e: isinstance(e, Guard), lambda e: e.args[1])
    if not plain.has(X) or plain.xreplace({X: -X}) == plain:
        return stable
    difference = expr - expr.xreplace({X: -X})
    if _nonzero_somewhere(difference):
        return stable  # not even (every primitive): no need for simplify's proof, ~2 s
    try:
        even = sp.simplify(sp.piecewise_fold(difference)) == 0
    except (TypeError, ValueError, NotImplementedError):
        return stable
    return stable.xreplace({X: sp.Abs(X)}) if even else stable


def _nonzero_somewhere(expr: sp.Expr) -> bool:
    """True when ``expr`` is clearly nonzero at a sample point (parameters at 13/10, integers 2)."""
    at = {s: sp.Integer(2) if s.is_integer else sp.Rational(13, 10) for s in expr.free_symbols if s != X}
    for point in (sp.Rational(1, 3), sp.Rational(7, 5), sp.Integer(3)):
        try:
            value = complex(expr.subs(at).subs(X, point).evalf(30))
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if value == value and abs(value) > 1e-12:
            return True
    return False


def _risky_exps(expr: sp.Expr) -> list[sp.exp]:
    """The exponentials of ``expr`` whose argument may be positive (and overflow)."""
    return [e for e in expr.atoms(sp.exp) if e.args[0].has(X) and not e.args[0].is_nonpositive]


def _combine_logs(expr: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """log(a) − log(b) → log(a/b) where a and b are negative but a/b is not (SymPy's
    integrals of 1/|x| give log(−1/α) − log(x) for x < 0, NaN in real arithmetic).

    Used only when the combined form equals the original, as a real number, wherever the
    original is real (checked at the default parameters on both sides of 0).
    """
    logs = [e for e in expr.atoms(sp.log) if e.has(X)]
    if not logs or all(e.args[0].is_positive for e in expr.atoms(sp.log)):
        return expr
    combined = sp.logcombine(expr, force=True)
    if combined == expr:
        return expr
    matched = 0
    for point in (-100, -10, -3, -sp.Rational(1, 2), sp.Rational(1, 2), 3, 10, 100):
        try:
            a = complex(expr.subs(defaults).subs(X, point).evalf())
            b = complex(combined.subs(defaults).subs(X, point).evalf())
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if abs(a.imag) > 1e-12 or a != a or abs(a.real) == float("inf"):
            continue
        if abs(b.imag) > 1e-12 or abs(b.real - a.real) > 1e-9 * max(1.0, abs(a.real)):
            return expr
        matched += 1
    return combined if matched else expr


def _logs(expr: sp.Expr) -> sp.Expr:
    """log(1 + e^z) → softplus(z); log((1 + e^z)^n) → n·softplus(z) (log-sigmoid is n = −1);
    log(1 + w) → log1p(w) for x-dependent w; log cosh u → |u| + softplus(−2|u|) − log 2
    (cosh overflows from |u| = 89 in float32, and a difference of two is inf − inf)."""

    def rewrite(log: sp.log) -> sp.Expr:
        arg = log.args[0]
        if isinstance(arg, sp.cosh) and arg.args[0].has(X):
            u = sp.Abs(arg.args[0])
            return u + StableSoftplus(-2 * u) - sp.log(2)
        numer, denom = sp.fraction(arg)
        if denom.has(X) and not numer.has(X) and not isinstance(denom, sp.Add):
            # log(c/u) = −log(u/c): 1/u underflows (to 0, log → −inf) where u is huge.
            return -sp.log(denom / numer)
        if arg.is_Pow and arg.exp.is_Integer and arg.base.is_Add:
            inner = rewrite(sp.log(arg.base, evaluate=False))
            return arg.exp * inner if not isinstance(inner, sp.log) else log
        rest = arg - 1
        if isinstance(rest, sp.exp) and rest.args[0].has(X):
            return StableSoftplus(rest.args[0])
        scale, exponential = rest.as_independent(X, as_Add=False)
        if isinstance(exponential, sp.exp) and exponential.args[0].has(X) and scale.is_positive:
            # log(1 + c·e^u) is softplus(u + log c): e^{−2α}·e^{2αx} as e^{2α(x − 1)}
            return StableSoftplus(sp.expand_log(exponential.args[0] + sp.log(scale), force=True))
        if arg.is_Add and 1 in arg.args and rest.has(X):
            return StableLog1p(rest)
        return log

    return expr.replace(lambda e: isinstance(e, sp.log), rewrite)


def _expm1(expr: sp.Expr) -> sp.Expr:
    """c·e^z − c → c·expm1(z): no cancellation where z is small."""

    def rewrite(add: sp.Add) -> sp.Expr:
        terms = list(add.args)
        for term in terms:
            coeff, rest = term.as_coeff_Mul()
            if isinstance(rest, sp.exp) and rest.args[0].has(X) and -coeff in terms:
                terms.remove(term)
                terms.remove(-coeff)
                return sp.Add(*terms, coeff * StableExpm1(rest.args[0]), evaluate=False)
        return add

    return expr.replace(lambda e: isinstance(e, sp.Add) and e.has(sp.exp), rewrite)


def _erfc_tails(expr: sp.Expr) -> sp.Expr:
    """Σ cᵢ·erf(wᵢ) + c → Σ ±cᵢ·erfc(∓wᵢ): the left tail without cancellation, in every sum.

    erf(w) = erfc(−w) − 1 = 1 − erfc(w); the form chosen is the one whose erfc vanishes
    as x → −∞ (by the sign of dw/dx). The rewrite is used when the constants then cancel,
    as they do for a soft step normalised to G(−∞) = 0, and also inside a product or a
    power: SymPy writes erfc(−αx) as 2 − erfc(αx), which is 2 − 2 in the left tail
    (erfc(−αx)²/4 was 10⁷ ulp off at x = −4.75 in float32).
    """
    if not expr.has(sp.erf, sp.erfc):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Add) and e.has(sp.erf, sp.erfc), _erfc_tail)


def _erfc_tail(expr: sp.Add) -> sp.Expr:

    def to_erfc(erf: sp.erf) -> sp.Expr:
        w = erf.args[0]
        slope = sp.diff(w, X)
        if slope.is_positive:
            return StableErfc(-w) - 1
        if slope.is_negative:
            return 1 - StableErfc(w)
        return erf

    as_erf = sp.expand(expr.replace(lambda e: isinstance(e, sp.erfc), lambda e: 1 - sp.erf(e.args[0])))
    as_erfc = sp.expand(as_erf.replace(lambda e: isinstance(e, sp.erf), to_erfc))
    if as_erfc.has(sp.erf):
        return expr
    constant = sp.Add(*[t for t in sp.Add.make_args(as_erfc) if not t.has(X)])
    if sp.simplify(constant) != 0:
        return expr
    return sp.factor_terms(sp.Add(*[t for t in sp.Add.make_args(as_erfc) if t.has(X)]))


def exponentials_times_erfc(expr: sp.Expr) -> sp.Expr:
    """e^{a}·erfc(z) (a and z polynomial in x and the parameters) as one :class:`ExpErfc`.

    The skew normal φ(x)·erfc(−αx/√2) and the exponentially modified Gaussian
    e^{λ(λσ² − 2x)/2}·erfc((λσ² − x)/(√2σ)): erfc's e^{−z²} joins e^{a} where z ≥ 0.
    """

    def rewrite(mul: sp.Mul) -> sp.Expr:
        erfcs = [f for f in mul.args if isinstance(f, (sp.erfc, StableErfc)) and f.args[0].has(X)]
        exps = [f for f in mul.args if isinstance(f, sp.exp) and f.args[0].has(X)]
        if len(erfcs) != 1 or not exps:
            return mul
        a, z = sp.Add(*(e.args[0] for e in exps)), erfcs[0].args[0]
        if not (compensable(a, X) and compensable(z, X)):
            return mul
        rest = [f for f in mul.args if f not in exps and f is not erfcs[0]]
        return sp.Mul(*rest, ExpErfc(a, z))

    return expr.replace(lambda e: isinstance(e, sp.Mul) and e.has(sp.erfc, StableErfc), rewrite)


def _reduce_periodic(expr: sp.Expr) -> sp.Expr:
    """sin/cos(a·x + b) → sin/cos(a·fmod(x, P) + b) with P a period (see :class:`Reduced`).

    Integer factors of a/2π that involve a Sum index are dropped, so every term of a Fourier
    series shares one period (and one fmod).
    """

    def rewrite(trig: sp.Expr) -> sp.Expr:
        arg = trig.args[0]
        slope = sp.diff(arg, X)
        if slope.has(X) or slope == 0:
            return trig
        turns = sp.factor(slope / (2 * sp.pi))
        integer = [f for f in sp.Mul.make_args(turns) if f.is_integer and (f.is_Integer or f.free_symbols)]
        period = sp.Mul(*integer) / turns
        if period.has(X) or any(s.is_integer and not s.is_Symbol for s in period.free_symbols):
            return trig
        # an inexact period (2π) reduces only where a·x overflows: Reduced(x, P, a)
        guard = () if _exactly_representable(period) else (slope,)
        return trig.func(arg.xreplace({X: Reduced(X, period, *guard)}))

    return expr.replace(lambda e: isinstance(e, (sp.sin, sp.cos)) and e.args[0].has(X), rewrite)


def _exactly_representable(value: sp.Expr) -> bool:
    """Whether ``value`` (parameters aside) is built from rationals only: 8 or T/2, not 2π or √2."""
    if value.atoms(sp.NumberSymbol):
        return False
    return all(p.exp.is_Integer for p in value.atoms(sp.Pow) if p.base.is_number)


# The constants e^c that numeric shifts bring in, raised to the degree of the rational function
# they end up in, stay within float32's normal range (e^±80): half precision computes in float32.
_LARGEST_CONSTANT_EXPONENT = 80


def _shifted_exps(expr: sp.Expr) -> list[tuple[sp.exp, sp.Expr, sp.Expr]]:
    """(e^{v + c}, c, v) for each exponential of x, c the numeric part of its argument (0 when
    there is none).

    With the shift apart, σ(αx) − σ(αx − 1) is a rational function of the one t = e^{αx}, and
    so is evaluated as one fraction on the decaying side, where the two logistic values
    no longer cancel (nor overflow to inf/inf).
    """
    found = []
    for e in expr.atoms(sp.exp):
        if not e.args[0].has(X):
            continue
        shift, varying = e.args[0].as_independent(X, as_Add=True)
        if not (shift.is_number and shift.is_real):
            shift, varying = sp.Integer(0), e.args[0]
        found.append((e, shift, varying))
    return found


def _degree(polynomial: sp.Expr) -> int:
    try:
        return sp.Poly(polynomial, _T).total_degree()
    except sp.PolynomialError:  # t^(1/2): a degree as large as any shift allows, so no shift
        return _LARGEST_CONSTANT_EXPONENT + 1


def _exp_rational(expr: sp.Expr, poles: bool = True) -> sp.Expr | None:
    """Evaluate a rational function of e^{k·u} on its decaying side; None if not one.

    The exponentials are first taken whole (e^{αx − 3}: a σ of its own), then, if that fails,
    with their numeric shifts apart (σ(αx) − σ(αx − 1)) where the constants stay moderate.
    """
    exps = _shifted_exps(expr)
    whole = _exp_rational_in([(e, sp.Integer(0), e.args[0]) for e, _, _ in exps], expr, poles)
    if whole is not None or all(shift == 0 for _, shift, _ in exps):  # no shift: the same attempt again
        return whole
    return _exp_rational_in(exps, expr, poles)


def _exp_rational_in(exps: list[tuple[sp.exp, sp.Expr, sp.Expr]], expr: sp.Expr, poles: bool = True) -> sp.Expr | None:
    split = [(e, shift, *_coefficient_and_rest(varying)) for e, shift, varying in exps]
    if not split or len({rest for *_, rest in split}) != 1 or not all(c.is_Rational for _, _, c, _ in split):
        return None
    # u = unit·rest with unit the gcd of the coefficients, so that e^{k·rest + c} = e^c·t^{k/unit}.
    unit = abs(functools.reduce(sp.gcd, [c for _, _, c, _ in split]))
    base = unit * split[0][3]
    rational = sp.cancel(expr.xreplace({e: sp.exp(shift) * _T ** (c / unit) for e, shift, c, _ in split}))
    if rational.has(X) or not (poles or _no_positive_root(sp.fraction(rational)[1])):
        return None
    # The coefficients of R(t) grow as e^{|c|·degree}: (σ(x + 20) − σ(x − 20))³ has e^{120}.
    largest_shift = max(abs(shift) for _, shift, _, _ in split)
    degree = max(_degree(part) for part in sp.fraction(rational))
    if largest_shift and largest_shift * degree > _LARGEST_CONSTANT_EXPONENT:
        return None
    power = rational.as_independent(_T, as_Add=False)[1]
    if power == _T or (power.is_Pow and power.base == _T):
        return None  # c·e^{k·u} alone: it overflows only where its value does, so it stays as written
    for k in (1, 2, 3, 4):
        for logistic_form, argument in ((_T**k / (1 + _T**k), k * base), (1 / (1 + _T**k), -k * base)):
            scale = sp.cancel(rational / logistic_form)
            if not scale.has(_T):
                return scale * StableSigmoid(argument)
    mirrored = sp.cancel(rational.subs(_T, 1 / _T))
    if sp.cancel(rational - mirrored) == 0:
        logistic = _logistic_product(rational, base)
        return logistic if logistic is not None else sp.factor(rational).subs(_T, sp.exp(-sp.Abs(base)))
    negative_side = sp.factor(rational).subs(_T, sp.exp(sp.Min(base, 0)))
    positive_side = sp.factor(mirrored).subs(_T, sp.exp(-sp.Max(base, 0)))
    return sp.Piecewise((negative_side, base <= 0), (positive_side, True))


def _no_positive_root(polynomial: sp.Expr) -> bool:
    """True when the polynomial in t has no root t > 0: its coefficients never change sign
    (Descartes' rule), each sign decided from the parameters' assumptions."""
    try:
        coefficients = sp.Poly(polynomial, _T).all_coeffs()
    except sp.PolynomialError:
        return False
    signs = {True if c.is_positive else False if c.is_negative else None for c in coefficients if c != 0}
    return None not in signs and len(signs) == 1


def _coefficient_and_rest(u: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """u as c·rest, with the sign of a sum taken into c: −ax − bx³ is −1·(ax + bx³), as −αx
    is −1·(αx), so that e^u and e^{−u} are powers of one t."""
    coefficient, rest = u.as_coeff_Mul()
    if rest.is_Add and rest.could_extract_minus_sign():
        return -coefficient, -rest
    return coefficient, rest


def _logistic_product(rational: sp.Expr, base: sp.Expr) -> sp.Expr | None:
    """An even R(t), t = e^{−|u|}, as c·σ^a·(1 − σ)^b with σ = 1/(1 + e^{|u|}); None if it is
    not one.

    With t = σ/(1 − σ), the logistic density t/(1 + t)² is σ(1 − σ) and sech² is 4σ(1 − σ):
    one exponential and one division, as braintools computes σ(αx)(1 − σ(αx)), but with
    σ ≤ 1/2, so that 1 − σ never cancels. Every factor is well conditioned, and e^{|u|} may
    overflow to inf, where σ is 0 and so is the product. σ is a :class:`StableSigmoid`: its
    derivative σ(1 − σ) stays finite there (1/(1 + e^{|u|}) differentiated as a quotient
    would be inf/inf), and its exponential is compensated in the accurate mode.
    """
    # R(t) = Q(t^m) (sech²: 4t²/(1 + t²)²) is written in w = t^m = e^{−m|u|}.
    try:
        degrees = [d for part in sp.fraction(rational) for (d,) in sp.Poly(part, _T).monoms()]
    except sp.PolynomialError:
        return None
    step = functools.reduce(math.gcd, degrees, 0) or 1
    if step > 1:
        rational, base = sp.cancel(rational.subs(_T, _T ** sp.Rational(1, step))), step * base
    numerator, denominator = sp.fraction(sp.cancel(rational.subs(_T, _S / (1 - _S))))
    if denominator.has(_S):
        return None
    coefficient, factors = sp.factor_list(numerator, _S)
    powers = {}
    for factor, multiplicity in factors:
        if factor not in (_S, _S - 1):
            return None
        powers[factor] = multiplicity
    sigma = StableSigmoid(-sp.Abs(base))
    sign = (-1) ** powers.get(_S - 1, 0)  # (σ − 1)^b = (−1)^b·(1 − σ)^b
    return sign * coefficient / denominator * sigma ** powers.get(_S, 0) * (1 - sigma) ** powers.get(_S - 1, 0)


def _guarded_piecewise(expr: sp.Piecewise, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """Piecewise whose every branch sees harmless inputs where it is not selected.

    ``jnp.where`` differentiates both branches, so an unselected branch evaluated where it is
    singular poisons the gradient with ``0 * inf = nan``. Each branch therefore reads x, and
    every parameter that a condition of this Piecewise tests on its own (QPseudoSpike's α = 1
    branch and its 1/(1 − α) branch), through a :class:`Guard` that substitutes a safe point
    where the branch is not selected. The values are unchanged wherever it is selected.
    """
    expr = knot_relative(solved_for_x(expr))
    # Parameters that a condition tests on its own (α = 1), not through an x knot (|x| < 1/α).
    relations = [r for _, c in expr.args for r in c.atoms(sp.core.relational.Relational) if not r.has(X)]
    tested = sorted({s for r in relations for s in r.free_symbols}, key=sp.default_sort_key)
    pieces = []
    earlier: list[sp.Basic] = []
    for branch, cond in expr.args:
        branch = _stable_smooth(branch, defaults)
        active = cond if cond != sp.true else sp.Not(sp.Or(*earlier))
        if tested and earlier and cond != sp.true:
            # Selected only where no earlier condition holds: at α = 1 the x < 0 branch is not.
            active = sp.And(cond, sp.Not(sp.Or(*earlier)))
        inputs = [s for s in (X, *tested) if branch.has(s)]
        if inputs and active not in (sp.true, sp.false):
            safe = _safe_inputs(branch, [s for s in inputs if s != X], defaults)
            if safe is not None:
                branch = branch.xreplace({s: Guard(active, s, safe[s]) for s in inputs if s in safe})
        pieces.append((branch, cond))
        earlier.append(cond)
    return sp.Piecewise(*pieces)


def _safe_inputs(
    branch: sp.Expr, params: list[sp.Symbol], defaults: Mapping[sp.Symbol, sp.Expr]
) -> dict[sp.Symbol, sp.Expr] | None:
    """Values of x and of ``params`` where ``branch`` and its first derivatives are finite and real."""
    for shift in (0, 1, -sp.Rational(1, 2), 2):
        # Near the defaults first (inside the parameter's domain), then further away.
        values = {p: _shifted(p, defaults.get(p, sp.Integer(1)), shift) for p in params}
        if any(v is None for v in values.values()):
            continue
        at = {**defaults, **values}
        if params and not _finite_at(branch, at, params):
            continue
        point = _safe_point(branch, at) if branch.has(X) else None
        if branch.has(X) and point is None:
            continue
        return {**values, **({X: point} if point is not None else {})}
    return None


def _shifted(param: sp.Symbol, default: sp.Expr, shift: sp.Expr) -> sp.Expr | None:
    value = sp.nsimplify(default) + shift
    if (param.is_positive and not value > 0) or (param.is_nonnegative and not value >= 0):
        return None
    return value


def _finite_at(branch: sp.Expr, at: Mapping[sp.Symbol, sp.Expr], params: list[sp.Symbol]) -> bool:
    plain = expand_stable(branch)
    point = {X: sp.Rational(1, 3), **at}
    for expr in (plain, *(sp.diff(plain, p) for p in params)):
        try:
            value = complex(expr.subs(point).evalf())
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if not (abs(value) < 1e300 and value == value and value.imag == 0):
            return False
    return True


def _safe_point(branch: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr | None:
    plain = expand_stable(branch).subs(defaults)
    slope = sp.diff(plain, X)
    for point in _SAFE_POINTS:
        try:
            value, dvalue = complex(plain.subs(X, point).evalf()), complex(slope.subs(X, point).evalf())
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        # Real as well as finite: a complex value (log of a negative) is NaN in JAX.
        if all(abs(v) < 1e300 and v == v and v.imag == 0 for v in (value, dvalue)):
            return sp.Integer(point) if isinstance(point, int) else point
    return None


@dataclass(frozen=True)
class Rewrite:
    """One stabilising rewrite of a smooth (Piecewise-free) expression; each is an identity."""

    name: str
    apply: Callable[[sp.Expr, Mapping[sp.Symbol, sp.Expr]], sp.Expr]
    reason: str


def _exp_rationals(expr: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    hyperbolic = any(f.args[0].has(X) for f in expr.atoms(*_HYPERBOLIC))
    if hyperbolic or _risky_exps(expr):
        # Only the hyperbolics of x become exponentials: coth(b/2) of a parameter as
        # (e^b + 1)/(e^b − 1) would be inf/inf at large b and cancel at small b. Not deep:
        # SymPy would also write x³ in the argument as e^{3·log x}.
        as_exp = expr.replace(
            lambda e: isinstance(e, _HYPERBOLIC) and e.args[0].has(X), lambda e: e.rewrite(sp.exp, deep=False)
        )
        rational = _exp_rational(as_exp)
        if rational is not None:
            return rational
        rational = _exp_rational_times_a_factor(as_exp)
        if rational is not None:
            return rational
    return expr


def _exp_rational_times_a_factor(expr: sp.Expr) -> sp.Expr | None:
    """f(x)·R(e^u) with f free of exponentials: R(e^u) on its decaying side, times f.

    The chain rule puts u′ in front of R′ where u is not linear: (1 + tanh(ax + bx³))/2 has
    g = (a + 3bx²)·(1 − tanh²(u))/2, which is no rational function of e^u as a whole, and
    whose 1 − tanh² cancels in both tails (10⁷ ulp in float32).
    """
    if not isinstance(expr, sp.Mul):
        return None
    exps = [e for e in expr.atoms(sp.exp) if e.args[0].has(X)]
    factor, rest = expr.as_independent(*exps, as_Add=False)
    if not factor.has(X) or rest == 1:
        return None
    # Only an R without a pole on the real line: a pole (1/sinh x) may be removable in the
    # whole product (x/sinh x at 0), which the factor no longer sees.
    rational = _exp_rational(rest, poles=False)
    return None if rational is None else factor * rational


def logistic_differences(expr: sp.Expr) -> sp.Expr:
    """k·σ(a) − k·σ(b) with a − b free of x but not a number → k·σ(a)·σ(−b)·(−expm1(b − a)).

    The two logistic values are both near 1 in one tail and subtract there, 1 − 1 (the
    "soft box" σ(α(x + w)) − σ(α(x − w)) was 10⁷ ulp off in float32 at x = 6.9, 10¹⁵ in
    float64); the product has no subtraction of x-dependent terms in either tail. A shift
    by a parameter (αw) is not a number, so the shifted-exponential rewrite cannot merge the
    two exponentials into one fraction, as it does for a numeric shift. An identity; σ(a)
    is written 1/(1 + e^{−a}), as canonicalisation leaves it.

    >>> a = sp.Symbol("alpha", positive=True)
    >>> logistic_differences(1 / (1 + sp.exp(-a * (X + 1))) - 1 / (1 + sp.exp(-a * (X - 1))))
    -StableExpm1(-2*alpha)*StableSigmoid(-alpha*(x - 1))*StableSigmoid(alpha*(x + 1))
    >>> e, f = sp.exp(a * (X + 1)), sp.exp(a * (X - 1))  # d/dx of softplus(a(x ± 1))/a
    >>> logistic_differences(e / (e + 1) - f / (f + 1))
    -StableExpm1(-2*alpha)*StableSigmoid(-alpha*(x - 1))*StableSigmoid(alpha*(x + 1))
    """

    def logistic_term(term: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
        """(k, a) for a term k·σ(a) = k/(1 + e^{−a}), or = k·e^{a}/(1 + e^{a}) (the derivative
        of softplus(a), as SymPy writes it)."""
        k, rest = term.as_independent(X, as_Add=False)
        numerator = sp.Integer(1)
        if isinstance(rest, sp.Mul) and len(rest.args) == 2:
            numerator, rest = sorted(rest.args, key=lambda e: e.is_Pow and not isinstance(e, sp.exp))
        if not (rest.is_Pow and rest.exp == -1 and rest.base.is_Add and len(rest.base.args) == 2):
            return None
        one, exp = sorted(rest.base.args, key=lambda e: isinstance(e, sp.exp))
        if one != 1 or not isinstance(exp, sp.exp) or not exp.args[0].has(X):
            return None
        if numerator == 1:
            return k, -exp.args[0]
        return (k, exp.args[0]) if numerator == exp else None

    def tanh_term(term: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
        k, rest = term.as_independent(X, as_Add=False)
        return (k, rest.args[0]) if isinstance(rest, sp.tanh) else None

    def as_logistics(add: sp.Add) -> sp.Expr:
        """tanh(z) = 2σ(2z) − 1 where two tanh terms subtract (tanh(α(x + w)) − tanh(α(x − w)))."""
        pairs = [t for term in add.args if (t := tanh_term(term)) is not None]
        if not any(_shifted_by_a_parameter(k, z, m, y) for (k, z), (m, y) in itertools.combinations(pairs, 2)):
            return add
        return add.replace(
            lambda e: isinstance(e, sp.tanh) and e.args[0].has(X), lambda e: 2 / (1 + sp.exp(-2 * e.args[0])) - 1
        )

    def rewrite(add: sp.Add) -> sp.Expr:
        if add.has(sp.sinh):  # the derivative of log cosh u: sinh(u)/cosh(u)
            add = add.replace(lambda e: isinstance(e, sp.Mul) and e.has(sp.sinh), _sinh_over_cosh_as_tanh)
        add = as_logistics(add) if add.has(sp.tanh) else add
        terms = [part for term in sp.Add.make_args(add) for part in _distributed(term)]
        found = [(i, t) for i, term in enumerate(terms) if (t := logistic_term(term)) is not None]
        for (i, (k, a)), (j, (m, b)) in itertools.combinations(found, 2):
            if not _shifted_by_a_parameter(k, a, m, b):
                continue  # (a shift by a number is one fraction: exponential rationals)
            if k.could_extract_minus_sign():  # the positive-coefficient term first
                (k, a), (m, b) = (m, b), (k, a)
            pair = k * StableSigmoid(a) * StableSigmoid(-b) * -StableExpm1(sp.expand(b - a))
            rest = [t for n, t in enumerate(terms) if n not in (i, j)]
            return rewrite(sp.Add(*rest, pair))  # another pair among the rest
        return add

    return expr.replace(lambda e: isinstance(e, sp.Add) and e.has(sp.exp, sp.tanh, sp.sinh), rewrite)


def _distributed(term: sp.Expr) -> list[sp.Expr]:
    """k·(a + b) as [k·a, k·b] (a symbolic k·(2σ(2z) − 1) from a tanh); anything else whole."""
    sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Add)]
    if len(sums) != 1:
        return [term]
    rest = sp.Mul(*[f for f in sp.Mul.make_args(term) if f is not sums[0]])
    return [rest * part for part in sums[0].args]


def _sinh_over_cosh_as_tanh(mul: sp.Mul) -> sp.Expr:
    """sinh(u)·cosh(u)⁻¹ → tanh(u) in a product (exact)."""
    factors = list(mul.args)
    for sinh in [f for f in factors if isinstance(f, sp.sinh)]:
        cosh = sp.cosh(sinh.args[0]) ** -1
        if cosh in factors:
            factors.remove(sinh)
            factors.remove(cosh)
            factors.append(sp.tanh(sinh.args[0]))
    return sp.Mul(*factors)


def _shifted_by_a_parameter(k: sp.Expr, a: sp.Expr, m: sp.Expr, b: sp.Expr) -> bool:
    """k·f(a) + m·f(b) is a difference (m = −k) of f at arguments a parameter expression apart."""
    difference = sp.expand(a - b)
    return (k + m).expand() == 0 and not difference.has(X) and not difference.is_number


def half_angles(expr: sp.Expr) -> sp.Expr:
    """k·cos(u) − k → −2k·sin²(u/2) and k·cos(u) + k → 2k·cos²(u/2).

    1 − cos u cancels near every zero of it (u = 2πn: x = 6.3 in (1 − cos x)/x² is 500 ULP
    off in float64); the half-angle square has no subtraction.

    >>> half_angles(1 - sp.cos(X)), half_angles(3 + 3 * sp.cos(2 * X))
    (2*sin(x/2)**2, 6*cos(x)**2)
    """

    def rewrite(add: sp.Add) -> sp.Expr:
        terms = list(add.args)
        constant = sp.Add(*[t for t in terms if not t.has(X)])
        if constant == 0:
            return add
        for term in terms:
            k, rest = term.as_independent(X, as_Add=False)
            if not (isinstance(rest, sp.cos) and rest.args[0].has(X)):
                continue
            others = sp.Add(*[t for t in terms if t.has(X) and t is not term])
            half = rest.args[0] / 2
            if sp.simplify(constant + k) == 0:
                return others - 2 * k * sp.sin(half) ** 2
            if sp.simplify(constant - k) == 0:
                return others + 2 * k * sp.cos(half) ** 2
        return add

    return expr.replace(lambda e: isinstance(e, sp.Add) and e.has(sp.cos), rewrite)


# Applied in this order; each sees the result of the ones before it.
REWRITES: tuple[Rewrite, ...] = (
    Rewrite("one fraction", lambda e, d: one_fraction(e), "cancelling algebraic sums become one factored fraction"),
    Rewrite("merged exponentials", lambda e, d: merge_exps(e), "e^a·e^b is e^(a+b): no inf·0 far out"),
    Rewrite("dominant exponentials", lambda e, d: dominant_exponentials(e), "e^{P − e^v}: e^v wins if it overflows"),
    Rewrite("damped powers", lambda e, d: damped_powers(e), "x^p·e^u as (x^(p/m)·e^{u/m})^m: no inf·0"),
    Rewrite("inverse hyperbolic logs", lambda e, d: inverse_hyperbolic_logs(e), "log(u + √(u² + 1)) is asinh u"),
    Rewrite("combined logs", _combine_logs, "log(a) − log(b) of negative a, b is log(a/b)"),
    Rewrite("stable logs", lambda e, d: _logs(e), "log(1 + u) and log(σ) without cancellation or overflow"),
    Rewrite("softplus differences", lambda e, d: softplus_differences(e), "softplus(a) − softplus(b) of large a, b"),
    Rewrite("abs differences", lambda e, d: abs_differences(e), "|u| − |v| with u − v = d as clip(u + v, −d, d)"),
    Rewrite("expm1", lambda e, d: _expm1(e), "e^u − 1 is expm1(u) near u = 0"),
    Rewrite("erfc tails", lambda e, d: _erfc_tails(e), "1 − erf(z) is erfc(z) in the tail"),
    Rewrite("exponentials times erfc", lambda e, d: exponentials_times_erfc(e), "e^a·erfc(z) as e^{a − z²}·erfcx(z)"),
    Rewrite("half angles", lambda e, d: half_angles(e), "1 − cos u is 2sin²(u/2): no cancellation at its zeros"),
    Rewrite("reduced periods", lambda e, d: _reduce_periodic(e), "sin and cos of a phase reduced to one period"),
    Rewrite("logistic differences", lambda e, d: logistic_differences(e), "σ(a) − σ(b) as σ(a)σ(−b)(1 − e^{b−a})"),
    Rewrite("exponential rationals", _exp_rationals, "R(e^u) evaluated on the decaying side of u"),
    # Last: the exponential rewrites above need plain quotients to recognise R(e^u).
    Rewrite("bounded ratios", lambda e, d: bounded_ratios(e), "quotients of growing terms rescaled first"),
    Rewrite("vanishing products", lambda e, d: vanishing_products(e), "(1 + x²)·e^{−x²} is 0 where e^{−x²} is"),
)


def _stable_smooth(expr: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr] | None = None) -> sp.Expr:
    """``expr`` through every rewrite of :data:`REWRITES`, in order."""
    for rewrite in REWRITES:
        expr = rewrite.apply(expr, defaults or {})
    return expr
