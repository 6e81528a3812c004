"""Whether a stable form, printed with plain exponentials, is already right at x = ±inf.

The runtime reads x as ``clip(x, −max, max)`` before it evaluates g, because a product of a
growing and a decaying factor (x·e^{−x²}, x/(1 + x²)²) is inf·0 = NaN at inf itself. The
clip costs a compare and a select per bound, about 7 % of a fast backward pass. Many stable
forms need no clip: e^{−α|x|}·α·(e^{−α|x|} + 1)^{−2} is 0 at inf in IEEE arithmetic, as it
is in the limit. For those the runtime's fast mode skips it.

The decision is symbolic: the form (stable nodes replaced by their definitions) is evaluated
at x = ±∞ node by node in SymPy's extended-real arithmetic, which agrees with IEEE's on what
matters here (0·∞, ∞ − ∞ and ∞/∞ are NaN; e^{−∞} = 0; 1/∞ = 0), with each parameter ranging
over its whole domain. Only a result that is then a finite expression in the parameters is accepted:
anything left unevaluated (∞·α for an α that may be 0, sin(∞), a node SymPy cannot
evaluate there) keeps the clip. So does a quotient of two growing factors, which IEEE
evaluates as ∞/∞ even where the form, rewritten, would have a limit.
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
    value = expr.func(*args)
    return None if value.has(sp.nan, sp.zoo, sp.AccumBounds) else value
