"""LaTeX of a surrogate's formulas, from ``sympy.latex``."""

from __future__ import annotations

import sympy as sp

from ._calculus import X
from ._spec import Spec


def latex_of(spec: Spec) -> dict[str, str]:
    """LaTeX strings for ``forward``, ``primitive`` (empty when none) and ``grad``.

    Parameters print as their Greek letters where they have one (``alpha`` → ``\\alpha``).
    """
    step = sp.Piecewise((1, X > 0 if spec.strict else X >= 0), (0, True))
    return {
        "forward": f"H(x) = {sp.latex(step)}",
        "primitive": f"G(x) = {sp.latex(spec.primitive)}" if spec.primitive is not None else "",
        "grad": f"g(x) = {sp.latex(spec.grad)}",
    }
