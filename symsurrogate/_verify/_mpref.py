"""mpmath references: high-precision evaluators of symbolic formulas and the probe points."""

from __future__ import annotations

import functools
import inspect
import itertools
import math
import types
from collections.abc import Callable, Iterable, Sequence

import mpmath
import sympy as sp

from .._symbolic._calculus import X, knots
from ._arbref import ball_function

DPS = 30

MpFunction = Callable[[object], object]


def mp_function(expr: sp.Expr, symbol: sp.Symbol = X) -> MpFunction:
    """A trustworthy mpmath evaluator of ``expr`` in ``symbol`` (parameters already substituted).

    Each value is first computed in ball arithmetic (see :mod:`._arbref`), and taken from it
    where the ball certifies 27 digits. Otherwise it is computed at 30 and 70 digits, and at up
    to 1000 digits while the two last disagree beyond 25 digits. A result that is exactly 0 or
    never settles is recomputed from ``cancel(expr)``: additive cancellation such as 1 − σ(αx)
    in a far tail becomes a quotient, which mpmath (whose exponents never overflow) evaluates
    exactly. Where the formula is undefined (division by zero, log of 0) or no value settles,
    the result is NaN.

    >>> f = mp_function(1 - 1 / (1 + sp.exp(-X)))  # 1 − σ(x): cancels completely in float64
    >>> mpmath.nstr(f(100), 8)
    '3.7200760e-44'
    """
    forms: list[Callable] = [_lambdify(symbol, expr)]
    ball = ball_function(expr, symbol)  # certified in one evaluation where it can be

    def alternative() -> Callable | None:
        if len(forms) == 1:
            # 1 − tanh² cancels as written; over exponentials it is a quotient that does not.
            hyperbolic = expr.has(sp.tanh, sp.sinh, sp.cosh, sp.sech, sp.csch, sp.coth)
            try:
                rewritten = sp.cancel(expr.rewrite(sp.exp) if hyperbolic else expr)
            except (sp.PolynomialError, TypeError, ValueError, NotImplementedError):
                rewritten = expr
            forms.append(_lambdify(symbol, rewritten) if rewritten != expr else None)
        return forms[1]

    def evaluate(x: object) -> object:
        certified = ball(x)
        if certified is not None:
            return certified
        value = _settle(forms[0], x)
        if value == 0 or _isnan(value):
            other = alternative()
            if other is not None:
                second = _settle(other, x)
                if not _isnan(second) and (second != 0 or _isnan(value)):
                    return second
        return value

    return evaluate


# Beyond this |argument| e^u is 0 or inf in every float format (10^(±4·10^99)), while mpmath
# would build a mantissa of ~log2|u| bits and take seconds (|u| = 10^1000), or run out of
# memory (exp(−e^{1000}), the far tail of a Gumbel density).
_EXP_ARGUMENT_LIMIT = mpmath.mpf(10) ** 100


def _bounded_exp(u: object) -> object:
    if isinstance(u, mpmath.mpf) and mpmath.isfinite(u) and abs(u) > _EXP_ARGUMENT_LIMIT:
        # 0, or the power of two nearest e^u: both far beyond every float, and (unlike inf)
        # a huge factor times a vanishing one stays 0 (the Gumbel density far left).
        return mpmath.mpf(0) if u < 0 else mpmath.ldexp(mpmath.mpf(1), int(u / mpmath.ln2))
    return mpmath.exp(u)


def _real_abs(value: object) -> object:
    # |z| of a non-real intermediate is real, but the formula is not defined there over the
    # reals: |log x| at x < 0 is NaN, as the generated code computes it, not |log|x| + iπ|.
    return abs(real_value(value)) if isinstance(value, mpmath.mpc) else abs(value)


def _lambdify(symbol: sp.Symbol, expr: sp.Expr) -> Callable:
    fn = sp.lambdify(symbol, expr, modules=[{"exp": _bounded_exp, "abs": _real_abs}, "mpmath"])
    # lambdify gives every function its own globals: guard the mpmath functions this one calls.
    for name in _names_called(fn.__code__):
        called = fn.__globals__.get(name)
        # routines only: mpmath's constants (e, pi) have an mpmath __module__ too
        if name not in _HUGE_ARGUMENT_SAFE and inspect.isroutine(called) and called.__module__.startswith("mpmath"):
            fn.__globals__[name] = _refusing_huge_arguments(called)
    return fn


def _names_called(code: types.CodeType) -> set[str]:
    """The global names of ``code`` and of the code nested in it (a Sum's generator)."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _names_called(constant)
    return names


# Beyond |argument| = 2^4096, far past every float, some mpmath functions take seconds to
# minutes (Ei(−2^(2^17))), never return (sin, cos: argument reduction), raise MemoryError
# (tanh, sinh), or abort the interpreter inside GMP (Ei, E1, expint at 2^(2^45): "overflow in
# mpz type"). Such an argument only arises as an intermediate (Ei(−e^{e^x}) far out); its
# value is left undecided (NaN).
# These functions answer such arguments at once and exactly:
_HUGE_ARGUMENT_SAFE = frozenset({"mpf", "mpc", "erf", "erfc", "atan", "log", "sqrt", "fabs", "sign", "re", "im"})
_HUGE_MAGNITUDE = 4096  # bits of exponent


class _HugeArgument(ValueError):
    """An argument beyond what the mpmath function can evaluate safely (``_at`` makes it NaN)."""


def _refusing_huge_arguments(function: Callable) -> Callable:
    @functools.wraps(function)
    def guarded(*args: object) -> object:
        for arg in args:
            if isinstance(arg, mpmath.mpc):
                parts = (arg.real, arg.imag)
            elif isinstance(arg, mpmath.mpf):
                parts = (arg,)
            else:
                continue
            if any(mpmath.isfinite(part) and part != 0 and mpmath.mag(part) > _HUGE_MAGNITUDE for part in parts):
                raise _HugeArgument(function.__name__)
        return function(*args)

    return guarded


def mp_magnitude(expr: sp.Expr, symbol: sp.Symbol = X) -> MpFunction:
    """A plain 30-digit mpmath evaluator of ``expr``, not cross-checked at higher precision.

    For magnitudes of single terms (condition numbers), where a few digits suffice and no
    subtraction of nearly equal values can occur.
    """
    fn, ball = _lambdify(symbol, expr), ball_function(expr, symbol)

    def magnitude(x: object) -> object:
        certified = ball(x)
        return _at(fn, x, DPS) if certified is None else certified

    return magnitude


def _isnan(value: object) -> bool:
    return isinstance(value, mpmath.mpf) and mpmath.isnan(value)


def _at(fn: Callable, x: object, dps: int) -> object:
    with mpmath.workdps(dps):
        try:
            return fn(mpmath.mpf(x))
        except (ZeroDivisionError, ValueError, OverflowError, TypeError, MemoryError, RecursionError):
            return mpmath.nan


def _settle(fn: Callable, x: object) -> object:
    # A large |x| needs more digits (cos(ωx) reduces its argument, e^(−x²) squares it, a step
    # in x³ approaches its limit as 1/x³). The ladder escalates only while two levels
    # disagree: the top levels cost seconds per point and are rarely reached.
    extra = 2 * int(mpmath.log10(abs(x))) if x != 0 and mpmath.isfinite(x) and abs(x) > 1e6 else 0
    previous, previous_dps = _at(fn, x, DPS + extra), DPS + extra
    for dps in sorted({70 + extra, 250 + extra, max(1000, 250 + extra)}):
        current = _at(fn, x, dps)
        if _agree(previous, current):
            with mpmath.workdps(DPS):
                return +current
        if dps >= 250 and _negligible(previous, previous_dps) and _negligible(current, dps):
            return mpmath.mpf(0)  # shrinks with the precision: cancelling terms (cos(π/2))
        if extra and not (_tiny(previous) and _tiny(current)):
            break  # far out, only a value that nearly cancels (G → 0 as 1/x³) earns more digits
        previous, previous_dps = current, dps
    # Never settled: a true zero computed from cancelling terms (cos(π/2)) shrinks with the
    # precision; anything else is unreliable. Tiny but settled values returned above.
    return mpmath.mpf(0) if _negligible(previous, previous_dps) else mpmath.nan


def _tiny(value: object) -> bool:
    try:
        return bool(abs(value) < mpmath.mpf(10) ** -20)
    except TypeError:
        return False


def _negligible(value: object, dps: int) -> bool:
    # Zero to working precision (terms of order 1 that cancel exactly, as cos(π/2)).
    try:
        return bool(abs(value) <= mpmath.mpf(10) ** (5 - dps))
    except TypeError:
        return False


def _agree(a: object, b: object) -> bool:
    try:
        if a == b:
            return True
        return bool(abs(a - b) <= mpmath.mpf(10) ** -25 * abs(b))
    except TypeError:
        return False


def real_value(value: object) -> mpmath.mpf:
    """The real number in an mpmath result, at its own precision; NaN for a genuinely complex one."""
    if isinstance(value, mpmath.mpf):
        return value  # mpmath.mpf(value) would round it to the context's 53 bits
    if isinstance(value, mpmath.mpc):
        if value.imag != 0 and abs(value.imag) > 1e-25 * max(abs(value.real), mpmath.mpf(1e-300)):
            return mpmath.nan
        return value.real
    try:
        return mpmath.mpf(value)
    except (TypeError, ValueError):
        return mpmath.nan


def is_complex(value: object) -> bool:
    """True for an mpmath result with a non-negligible imaginary part."""
    return isinstance(value, mpmath.mpc) and math.isnan(float(real_value(value)))


def numeric_knots(expr: sp.Expr) -> list[float]:
    """Real knots of ``expr`` (parameters substituted) as floats."""
    return list(_numeric_knots(expr))


@functools.lru_cache(maxsize=256)
def _numeric_knots(expr: sp.Expr) -> tuple[float, ...]:
    # The analysis, the continuity check and the numerics each ask for the knots of g and G;
    # solving the conditions for x takes SymPy tens of milliseconds each time.
    found = []
    for k in knots(expr):
        try:
            value = complex(sp.N(k))
        except (TypeError, ValueError):
            continue
        if abs(value.imag) < 1e-12 and math.isfinite(value.real):
            found.append(value.real)
    return tuple(sorted(set(found)))


def probe_points(knot_points: Iterable[float]) -> list[float]:
    """Points where properties are probed: a dense grid, log-spaced magnitudes, both sides of knots.

    Log-spaced magnitudes (1e-6 … 1e3) cover steep surrogates (α = 100) and wide ones alike.
    """
    points = {i / 40 for i in range(-400, 401)}
    for k in range(-48, 25):
        magnitude = 10 ** (k / 8)
        points.update((magnitude, -magnitude))
    for knot in knot_points:
        for offset in (0.0, 1e-9, 1e-4, 1e-2):
            points.update((knot - offset * max(1.0, abs(knot)), knot + offset * max(1.0, abs(knot))))
    return sorted(points)


def local_maximum(fn: MpFunction, points: Sequence[float], values: Sequence[float]) -> tuple[float, float]:
    """(location, value) of the maximum of ``fn``: the best probe point, refined on finer grids."""
    # Ties (periodic surrogates) go to the point nearest 0.
    best = max(
        range(len(points)), key=lambda i: (values[i] if math.isfinite(values[i]) else -math.inf, -abs(points[i]))
    )
    location, value = points[best], values[best]
    left = points[max(best - 1, 0)]
    right = points[min(best + 1, len(points) - 1)]
    for _ in range(3):
        step = (right - left) / 40
        if step <= 0:
            break
        for i in range(41):
            candidate = left + i * step
            v = float(real_value(fn(candidate)))
            if math.isfinite(v) and v > value:
                location, value = candidate, v
        left, right = location - step, location + step
    return location, value


def quad(fn: MpFunction, breaks: Sequence[float]) -> tuple[float, float]:
    """(∫ fn over ℝ, its uncertainty), split at ``breaks`` (knots and the body of fn).

    mpmath's error estimate is ~1e-36 for a smooth tail, and then it is the uncertainty. For a
    slowly decaying oscillating tail (sin²x/x²), which tanh-sinh samples too sparsely far out,
    it is large (~1e-5 to 1e-3) but is itself a sample, and can be smaller than the miss. The
    integral is then taken again, split also far out; the uncertainty is the larger of the two
    estimates and the two values' difference, and the value is the finer split's.
    """
    value, error = _tanh_sinh(fn, breaks)
    if error > 1e-9 * max(1.0, abs(value)):
        far = [side * 10.0**k for side in (-1, 1) for k in (1, 2, 3)]
        finer, finer_error = _tanh_sinh(fn, [*breaks, *far])
        value, error = finer, max(error, finer_error, abs(finer - value))
    return value, error


def _tanh_sinh(fn: MpFunction, breaks: Sequence[float]) -> tuple[float, float]:
    nodes = [-mpmath.inf, *sorted(set(breaks)), mpmath.inf]
    with mpmath.workdps(20):
        value, error = mpmath.quad(lambda t: real_value(fn(t)), nodes, maxdegree=8, error=True)
    return float(value), float(error)


def _log_magnitudes(fn: MpFunction, xs: list[float]) -> list[object]:
    """log|fn(x)| at each x (None where fn is 0), each value computed once."""
    with mpmath.workdps(40):
        return [mpmath.log(abs(v)) if (v := real_value(fn(x))) != 0 else None for x in xs]


def tail_class(fn: MpFunction, side: int) -> str:
    """Classify the tail of ``fn`` towards side·∞: none, constant, power(p), exponential(rate),
    gaussian (faster than exponential), oscillating, from samples far out."""
    window = [float(real_value(fn(side * (1000.3 + i * 0.37)))) for i in range(60)]
    if any(a * b < 0 for a, b in itertools.pairwise(window)):
        return "oscillating"
    # As far out as mpmath still resolves g (e^(−x²) underflows even there near x ~ 1e9).
    for first in (22, 14, 8, 3):
        xs = [side * 1.37 * 2.0**k for k in range(first, first + 9)]
        logs = _log_magnitudes(fn, xs)
        if all(v is not None for v in logs):
            break
    else:
        # Even the nearest samples vanish far out: a double-exponential tail (Gumbel's
        # e^(−e^(αx))) is exactly 0 beyond x ~ 100; classify it from the samples before that.
        known = list(itertools.takewhile(lambda v: v is not None, logs))
        if len(known) < 3:
            # A steeper one (e^(−e^(3x))) is 0 beyond x ~ 40: step by ones from 1/2.
            xs = [side * (0.5 + j) for j in range(9)]
            logs = _log_magnitudes(fn, xs)
            known = list(itertools.takewhile(lambda v: v is not None, logs))
            if len(known) < 3:
                return "none"
        xs, logs = xs[: len(known)], known
    steps = [float(b - a) for a, b in itertools.pairwise(logs)]
    if abs(steps[-1]) < 1e-8 and abs(steps[-2]) < 1e-8:
        return "constant"
    powers = [s / math.log(2) for s in steps]
    if abs(powers[-1] - powers[-2]) < 1e-3 * max(1, abs(powers[-1])):
        return f"power({round(powers[-1], 3):.6g})"
    rates = [s / abs(b - a) for s, a, b in zip(steps, xs, xs[1:], strict=False)]
    if abs(rates[-1] - rates[-2]) < 1e-3 * abs(rates[-1]):
        return f"exponential({-rates[-1]:.6g})"
    return "gaussian" if rates[-1] < rates[-2] else "unknown"
