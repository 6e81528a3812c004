"""Whether a stable form, printed with plain exponentials, is already right at x = ±inf.

The runtime reads x as ``clip(x, −max, max)`` before it evaluates g, because a product of a
growing and a decaying factor (x·e^{−x²}, x/(1 + x²)²) is inf·0 = NaN at inf itself. The
clip costs a compare and a select per bound, about 7 % of a fast backward pass. Many stable
forms need no clip: a Piecewise whose outer branches are constants, or e^{−α|x|}, which is
e^{−inf} = 0 at inf for every α the code can meet there. For those the runtime's fast mode
skips it.

The decision is symbolic: the form (stable nodes replaced by their definitions) is evaluated
at x = ±∞ node by node in SymPy's extended-real arithmetic, which agrees with IEEE's on what
matters here (0·∞, ∞ − ∞ and ∞/∞ are NaN; e^{−∞} = 0; 1/∞ = 0). Where an infinite value
meets a parameter, SymPy's α·∞ = ∞ holds in floating point only for some α: a subnormal α
is 0 in XLA's float32 (0·inf = NaN), and α² underflows long before α does. Such a meeting is
accepted only in a sum or product whose finite terms are monomials c·Π θᵢ^kᵢ. In a product
each θᵢ is taken positive, and a bound 2^−e ≤ θᵢ ≤ 2^e keeps every partial product of those
factors a normal float32 number (e·Σ|kᵢ| + |log₂ c| ≤ 125); in a sum (x − μ) a term need
only be finite, |θᵢ| ≤ 2^e. The runtime drops the clip only when the instance's parameters
are concrete values within the bounds. Anything else that meets
infinity (e^{−α}·∞, ∞^α), anything left unevaluated (sin(∞)) and a quotient of two growing
factors, which IEEE evaluates as ∞/∞, keeps the clip.
"""

from __future__ import annotations

import math

import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._nodes import Reduced, expand_stable

# float32, the narrowest compute dtype, holds 2^−126 … 2^127 as normal numbers; one binade of
# margin for the rounding of each partial product.
_NORMAL_EXPONENT = 125
_WIDEST_BOUND = 64  # no parameter needs more than 2^±64 to be read without the clip


def unclipped_at_infinity(stable: sp.Expr) -> dict[str, tuple[float, float]] | None:
    """When ``stable`` (a stable form in x, printed without double-float) is already its finite
    limit at x = +inf and at x = −inf as the code computes it.

    Returns:
        None where it never is (the clip stays); otherwise ``{name: (low, high)}``: it is
        whenever each named parameter lies in [low, high], powers of two (an empty dict: for
        every parameter value).
    """
    if stable.has(Reduced, sp.Sum):
        return None  # periodic reduction and loops: their IEEE value at inf is not SymPy's
    plain = expand_stable(stable)
    params = sorted(plain.free_symbols - {X}, key=str)
    positive: set[sp.Symbol] = set()
    # Each pass takes the parameters found meeting ∞ as positive and starts again: at most
    # one pass per parameter, plus the last.
    for _ in range(len(params) + 1):
        # Each parameter keeps the assumptions of its domain (a positive σ makes 1/σ finite).
        dummies = {
            p: sp.Dummy(p.name, **{**p.assumptions0, "finite": True, **({"positive": True} if p in positive else {})})
            for p in params
        }
        evaluation = _Evaluation({d: p for p, d in dummies.items()}, positive)
        try:
            finite = all(evaluation.finite_at(plain.xreplace(dummies), point) for point in (sp.oo, -sp.oo))
        except _TakePositive as retry:
            positive |= retry.params
            continue
        except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
            return None
        if not finite:
            return None
        # Every conclusion of this pass holds for the parameters taken positive only: each of
        # them is bounded positive, also one that no longer met ∞ in it (a Piecewise branch on
        # α > 0, dropped once α is positive).
        for param in positive:
            evaluation.narrow(param, 2.0**-_WIDEST_BOUND, 2.0**_WIDEST_BOUND)
        return {p.name: evaluation.bounds[p] for p in sorted(evaluation.bounds, key=str)}
    return None


class _TakePositive(Exception):
    """Parameters met ∞ while taken as any real: evaluate again with them positive."""

    def __init__(self, params: set[sp.Symbol]) -> None:
        super().__init__()
        self.params = params


class _Evaluation:
    """One evaluation at ±∞, recording the bound each parameter meeting ∞ needs."""

    def __init__(self, originals: dict[sp.Dummy, sp.Symbol], positive: set[sp.Symbol]) -> None:
        self.originals = originals
        self.positive = positive
        self.bounds: dict[sp.Symbol, tuple[float, float]] = {}

    def finite_at(self, expr: sp.Expr, point: sp.Expr) -> bool:
        value = self.node_by_node(expr, point)
        return value is not None and not value.has(X, sp.oo, -sp.oo) and value.is_finite is True

    def node_by_node(self, expr: sp.Basic, point: sp.Expr) -> sp.Basic | None:
        """``expr`` at x = point, each node evaluated from its evaluated arguments, as the code
        computes it; None as soon as one node is undefined there.

        Substituting at once would let SymPy multiply cos(∞) (the interval [−1, 1]) by
        e^{−∞} = 0 and return 0, while IEEE computes cos(inf) = NaN and NaN·0 = NaN. Every
        node is therefore refused where it is NaN, complex infinity or an interval, whatever
        multiplies it later. (An unselected Piecewise branch refused this way keeps the clip,
        though ``where`` would discard it: the cautious side.)
        """
        if expr == X:
            return point
        if not expr.args or not expr.has(X):
            return expr
        args = []
        for arg in expr.args:
            value = self.node_by_node(arg, point)
            if value is None:
                return None
            args.append(value)
        if any(a.has(sp.oo, -sp.oo) for a in args) and any(a.free_symbols for a in args):
            if not self.meets_infinity(expr, args):
                return None
        value = expr.func(*args)
        return None if value.has(sp.nan, sp.zoo, sp.AccumBounds) else value

    def meets_infinity(self, expr: sp.Basic, args: list[sp.Basic]) -> bool:
        """Whether ∞ meeting parameters in ``expr`` (with evaluated ``args``) is what IEEE
        computes too, once the parameters are bounded; records those bounds."""
        if not isinstance(expr, (sp.Mul, sp.Add, sp.core.relational.Relational)):
            return False
        infinite = [a for a in args if a.has(sp.oo, -sp.oo)]
        if any(a not in (sp.oo, -sp.oo) for a in infinite):
            return False  # ∞ already entangled with a parameter (∞·β of unknown sign)
        degree, constant_bits, met = 0.0, 0.0, set()
        # A product needs each factor nonzero (0·∞); a sum (∞ − ∞) and a comparison only
        # finite terms, so a parameter there may be 0 or negative, unless its power is not a
        # polynomial's.
        signed = not isinstance(expr, sp.Mul)
        for arg in args:
            if arg in (sp.oo, -sp.oo):
                continue
            constant, monomial = arg.as_independent(*self.originals, as_Add=False)
            value = complex(constant.evalf(20))
            if value.imag or not value.real or not math.isfinite(value.real):
                return False
            constant_bits += abs(math.log2(abs(value.real)))
            for base, exponent in monomial.as_powers_dict().items():
                if base == 1:
                    continue
                if base not in self.originals or not exponent.is_Rational:
                    return False  # e^{−α}·∞, (1 + α)·∞: their floats can underflow or overflow
                degree += abs(float(exponent))
                met.add(self.originals[base])
                signed = signed and exponent.is_Integer and exponent > 0
        if not signed and not met <= self.positive:
            raise _TakePositive(met - self.positive)
        exponent = min(math.floor((_NORMAL_EXPONENT - constant_bits) / degree), _WIDEST_BOUND) if degree else 0
        if exponent < 1:
            return False
        for param in met:
            self.narrow(param, -(2.0**exponent) if signed else 2.0**-exponent, 2.0**exponent)
        return True

    def narrow(self, param: sp.Symbol, low: float, high: float) -> None:
        """Bound ``param`` to [low, high] as well as to what it was bounded to already."""
        old_low, old_high = self.bounds.get(param, (low, high))
        self.bounds[param] = (max(low, old_low), min(high, old_high))
