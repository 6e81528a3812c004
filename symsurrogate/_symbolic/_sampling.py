"""A formula's values at many points, point by point in mpmath: for formulas that call a
function NumPy lacks (Bessel K), which a NumPy ``lambdify`` cannot evaluate.

>>> import sympy as sp
>>> from symsurrogate._symbolic._calculus import X
>>> sample = mpmath_sampler(sp.besselk(0, X), [X])
>>> [round(float(v.real), 6) for v in sample(np.array([1.0, 2.0]))]
[0.421024, 0.113894]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import mpmath
import numpy as np
import sympy as sp

__all__ = ["mpmath_sampler", "real_or_nan"]


def mpmath_sampler(expr: sp.Expr, symbols: Sequence[sp.Symbol]) -> Callable[..., np.ndarray]:
    """``(xs, *values) -> expr`` at each x (``symbols[0]``; ``values`` for the others) as a
    complex array, NaN where mpmath raises. The formula is turned into code once."""
    function = sp.lambdify(list(symbols), expr, modules="mpmath")

    def sample(xs: np.ndarray, *values: float) -> np.ndarray:
        out = np.full(np.shape(xs), complex(np.nan, 0.0), np.complex128)
        for i, x in enumerate(np.ravel(xs).tolist()):
            try:
                out.flat[i] = complex(function(mpmath.mpf(x), *values))
            except (ArithmeticError, ValueError, TypeError):
                pass  # undefined there (a pole, a log of 0): NaN
        return out

    return sample


def real_or_nan(values: np.ndarray) -> np.ndarray:
    """The real part where ``values`` are real to 12 digits, NaN where they are not (x^(3/2)
    at x < 0: a branch that does not exist there)."""
    return np.where(np.abs(values.imag) <= 1e-12 * np.abs(values.real), values.real, np.nan)
