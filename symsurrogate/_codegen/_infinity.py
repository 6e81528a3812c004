"""Whether a stable form, printed with plain exponentials, is already right at x = ±inf.

The runtime reads x as ``clip(x, −max, max)`` before it evaluates g, because a product of a
growing and a decaying factor (x·e^{−x²}, x/(1 + x²)²) is inf·0 = NaN at inf itself. The
clip costs a compare and a select per bound, about 7 % of a fast backward pass. Some stable
forms need no clip: a Piecewise whose outer branches are constants is already right at inf.
For those the runtime's fast mode skips it.

The decision is symbolic: the form (stable nodes replaced by their definitions) is evaluated
at x = ±∞ node by node in SymPy's extended-real arithmetic, which agrees with IEEE's on what
matters here (0·∞, ∞ − ∞ and ∞/∞ are NaN; e^{−∞} = 0; 1/∞ = 0). An infinite value that
meets a parameter in any node is refused: in floating point the parameter's factor can
underflow to 0 (a subnormal α; e^{−α} at α = 120 in float32) or overflow, and make 0·inf
or inf − inf where the clip gave a finite value. So is anything left unevaluated (sin(∞),
a node SymPy cannot evaluate there) and a quotient of two growing factors, which IEEE
evaluates as ∞/∞. What remains (shapes whose x-dependence at ±∞ involves no parameter:
constant tails, ±x of a Piecewise branch) needs no clip.
"""

from __future__ import annotations

import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._nodes import Reduced, expand_stable


def plain_value_at_infinity(stable: sp.Expr) -> bool:
    """True when ``stable`` (a stable form in x, printed without double-float) is a finite
    value at x = +inf and at x = −inf for every parameter value of its domain."""
    if stable.has(Reduced, sp.Sum):
        return False  # periodic reduction and loops: their IEEE value at inf is not SymPy's
    plain = expand_stable(stable)
    for point in (sp.oo, -sp.oo):
        try:
            value = _node_by_node(plain, point)
        except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
            return False
        if value is None or value.has(X, sp.oo, -sp.oo) or value.is_finite is not True:
            return False
    return True


def _node_by_node(expr: sp.Basic, point: sp.Expr) -> sp.Basic | None:
    """``expr`` at x = point, each node evaluated from its evaluated arguments, as the code
    computes it; None as soon as one node is undefined there.

    Substituting at once would let SymPy multiply cos(∞) (the interval [−1, 1]) by e^{−∞} = 0
    and return 0, while IEEE computes cos(inf) = NaN and NaN·0 = NaN. Every node is therefore
    refused where it is NaN, complex infinity or an interval, whatever multiplies it later.
    (An unselected Piecewise branch refused this way keeps the clip, though ``where`` would
    discard it: the cautious side.)
    """
    if expr == X:
        return point
    if not expr.args or not expr.has(X):
        return expr
    args = []
    for arg in expr.args:
        value = _node_by_node(arg, point)
        if value is None:
            return None
        args.append(value)
    if any(a.has(sp.oo, -sp.oo) for a in args) and any(a.free_symbols for a in args):
        # ∞ meets a parameter: SymPy takes α·∞ = ∞ for every α > 0, but in floating point
        # α (or e^{−α}, or 1/α) may underflow to 0, or overflow to inf, and give 0·inf or
        # inf − inf = NaN where the clip to ±max gave a finite product.
        return None
    value = expr.func(*args)
    return None if value.has(sp.nan, sp.zoo, sp.AccumBounds) else value
