"""Ball arithmetic (python-flint's arb): the fast, rigorous first try of the mpmath references.

An arb value is a ball, a midpoint and a radius that provably contains the exact result of
every operation on it. One evaluation at 128 bits therefore says how many digits of its
midpoint are right; :func:`._mpref.mp_function` needs two mpmath evaluations (30 and 70
digits) and agreement between them to trust a value, at ten times the cost per operation.

A value is taken from the ball only when it is finite and certain to 27 digits (90 bits,
more than the 25 the mpmath ladder asks of two levels), after one retry at 512 bits. Anything
else falls back to mpmath: an operation outside the table below, a complex or undefined
intermediate (arb's NaN), a comparison the ball cannot decide, an exponent beyond 10^100,
a cancellation the 512 bits do not resolve. The fallback decides exactly as before, so the
ball changes only how fast a reference is found, never what it is.

python-flint is optional (the ``speed`` extra); without it every value comes from mpmath.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import mpmath
import sympy as sp
from mpmath.libmp import dps_to_prec, mpf_pos
from sympy.printing.pycode import MpmathPrinter

try:
    import flint
except ImportError:  # the optional ``speed`` extra
    flint = None

__all__ = ["ball_function"]

PRECISIONS = (128, 512)  # bits: the first try, and one retry for a cancellation
ACCURATE_BITS = 90  # ≈ 27 digits
_REFERENCE_BITS = dps_to_prec(30)  # the mpmath references' 30 digits
_EXP_ARGUMENT_LIMIT = 10**100  # as _mpref: beyond it mpmath's own bounded exponential decides


class _Undecided(Exception):
    """The ball cannot decide this value: mpmath must."""


class _BallPrinter(MpmathPrinter):
    """mpmath's printer with every comparison routed through :func:`_compare`.

    Python's operators on overlapping balls answer False both ways (``a < b`` and
    ``a >= b``), which would pick a Piecewise branch silently; ``_compare`` refuses instead.
    """

    def _print_Relational(self, expr: sp.core.relational.Relational) -> str:
        return f"_compare({self._print(expr.lhs)}, {expr.rel_op!r}, {self._print(expr.rhs)})"

    # Constants as calls: a ball of π is made at the precision of the evaluation, not once.
    def _print_Pi(self, expr: sp.Expr) -> str:
        return "_pi()"

    def _print_Exp1(self, expr: sp.Expr) -> str:
        return "_e()"


def _printer() -> _BallPrinter:
    # The settings lambdify gives its own printers: bare names, looked up in the namespace.
    return _BallPrinter({"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": True})


def _compare(a: object, op: str, b: object) -> bool:
    difference = _ball(a) - _ball(b)
    if difference.is_nan():
        raise _Undecided
    if difference.is_zero():
        return op in ("==", "<=", ">=")
    if 0 in difference:  # the ball straddles 0: the order is unknown
        raise _Undecided
    positive = difference > 0
    return {"<": not positive, "<=": not positive, ">": positive, ">=": positive, "==": False, "!=": True}[op]


def _extreme(beats: str) -> Callable[..., object]:
    """max (``beats`` = ">") or min ("<") whose comparisons refuse what the ball cannot decide."""

    def pick(*values: object) -> object:
        best = values[0]
        for value in values[1:]:
            if _compare(value, beats, best):
                best = value
        return best

    return pick


def _ball(value: object) -> flint.arb:
    if isinstance(value, flint.arb):
        return value
    if isinstance(value, tuple):  # an mpf's (sign, mantissa, exponent, bits): how mpmath's printer writes a Float
        sign, mantissa, exponent, _ = value
        return flint.arb((-int(mantissa) if sign else int(mantissa), int(exponent)))
    return flint.arb(value)


def _exp(u: object) -> flint.arb:
    u = _ball(u)
    if not u.is_finite() or abs(u) > _EXP_ARGUMENT_LIMIT:
        raise _Undecided  # mpmath's _bounded_exp has the rule for such arguments
    return u.exp()


def _sign(u: object) -> int:
    u = _ball(u)
    if u.is_zero():
        return 0
    if 0 in u or u.is_nan():
        raise _Undecided
    return 1 if u > 0 else -1


def _method(name: str) -> Callable[[object], flint.arb]:
    return lambda u: getattr(_ball(u), name)()


# The names mpmath's printer uses, each with the arb operation it stands for. A name
# missing here makes the evaluation fail with NameError, and mpmath decide.
_UNARY = (
    "log sqrt sin cos tan sec csc cot sinh cosh tanh sech csch coth asin acos atan asinh "
    "acosh atanh erf erfc erfi gamma rgamma lgamma digamma expm1 log1p floor ceil si ci ei li "
    "shi chi"
).split()


@functools.cache
def _namespace() -> dict[str, object]:
    namespace: dict[str, object] = {name: _method(name) for name in _UNARY}
    namespace.update(
        {
            "mpf": _ball,
            "exp": _exp,
            "sign": _sign,
            "max": _extreme(">"),
            "min": _extreme("<"),
            "_compare": _compare,
            "_pi": flint.arb.pi,
            "_e": flint.arb.const_e,
            # Functions mpmath's printer leaves under SymPy's name
            "Si": _method("si"),
            "Ci": _method("ci"),
            "Shi": _method("shi"),
            "Chi": _method("chi"),
            "Ei": _method("ei"),
            "loggamma": _method("lgamma"),
            "ceiling": _method("ceil"),
            "atan2": lambda y, x: flint.arb.atan2(_ball(y), _ball(x)),
        }
    )
    return namespace


def _exact_ball(x: object) -> flint.arb | None:
    """x (a float or an mpmath number) as an exact ball; None where it is not a finite real."""
    if isinstance(x, float | int):
        return flint.arb(x) if x == x and abs(x) != float("inf") else None
    if isinstance(x, mpmath.mpf) and mpmath.isfinite(x):
        return _ball(x._mpf_)
    return None


def ball_function(expr: sp.Expr, symbol: sp.Symbol) -> Callable[[object], mpmath.mpf | None]:
    """``value(x)``: expr at x from ball arithmetic, rounded to the mpmath references' 30
    digits, or None where the ball cannot certify 27 digits (the caller then asks mpmath).

    Without python-flint every call returns None. The evaluator is built on first use.
    """
    compiled: list[Callable | None] = []

    def build() -> Callable | None:
        if not compiled:
            namespace = _namespace()
            try:
                fn = sp.lambdify(symbol, expr, modules=[namespace], printer=_printer())
            except Exception:  # a form the printer cannot write: mpmath evaluates it
                fn = None
            # lambdify imports from mpmath every name the printer used that the namespace
            # lacks (besselj, lowergamma, euler): those compute at 53 bits, and the ball would
            # take their results as exact. Such a formula is left to mpmath.
            if fn is not None and not set(fn.__code__.co_names) <= set(namespace) | {"abs"}:
                fn = None
            compiled.append(fn)
        return compiled[0]

    def value(x: object) -> mpmath.mpf | None:
        if flint is None or (ball := _exact_ball(x)) is None or (fn := build()) is None:
            return None
        for bits in PRECISIONS:
            try:
                with flint.ctx.workprec(bits):
                    result = fn(ball)
            except Exception:  # _Undecided, NameError (no arb form), arb's own refusals
                return None
            if isinstance(result, int) and not isinstance(result, bool):
                return mpmath.mpf(result)
            if not isinstance(result, flint.arb) or not result.is_finite():
                return None
            if result.is_exact() or result.rel_accuracy_bits() >= ACCURATE_BITS:
                # The midpoint rounded to 30 digits, as +mpf(...) under workdps(30) gives it,
                # without entering a precision context per value.
                return mpmath.mp.make_mpf(mpf_pos(result.mid()._mpf_, _REFERENCE_BITS, "n"))
        return None

    return value
