"""Shared test and benchmark helpers: ULPs, probe grids, mpmath references, the catalog's classes.

The test suite and ``benchmarks/`` import these from one place, so a benchmark table shows
exactly what the tests check. Needs SymPy, mpmath and ml_dtypes (a JAX dependency).
"""

from __future__ import annotations

import ml_dtypes
import mpmath
import numpy as np
import sympy as sp

from ._codegen._resolve import resolve_class
from ._runtime import Surrogate
from ._shipped import shipped_classes
from ._symbolic._calculus import X
from ._symbolic._catalog import load_spec

__all__ = ["accuracy_grid", "allowed_ulp", "catalog_class", "catalog_classes", "mp_reference", "ulp"]


def catalog_class(name: str) -> type[Surrogate]:
    """The class of catalog entry ``name`` (presets as ``library.Name``): see ``_codegen._resolve``."""
    return resolve_class(name)


def catalog_classes() -> dict[str, type[Surrogate]]:
    """Every committed surrogate class by catalog name, found without SymPy."""
    return shipped_classes()


def accuracy_grid(dtype: np.dtype | type) -> np.ndarray:
    """Probe points for accuracy: a uniform and a log grid, and seeded random full-significand values.

    On round grid points x², α·x are often exact, which hides the rounding of a computed exp
    argument; the random values expose it. Rounded to ``dtype``, returned as float64.
    """
    random = np.random.default_rng(7).uniform(-12, 12, 400)
    x = np.concatenate([np.linspace(-8, 8, 129), np.geomspace(1e-3, 1e3, 49), -np.geomspace(1e-3, 1e3, 49), random])
    return np.unique(np.asarray(x, dtype).astype(np.float64))


def ulp(values: np.ndarray, dtype: np.dtype | type) -> np.ndarray:
    """The unit in the last place of ``values`` in ``dtype`` (subnormals: the smallest step).

    >>> float(ulp(np.array([1.0]), np.float32)[0]) == 2.0**-23
    True
    """
    info = ml_dtypes.finfo(dtype)
    exponent = np.maximum(np.floor(np.log2(np.abs(values))), info.minexp)
    return 2.0 ** (exponent - info.nmant)


def mp_reference(key: str, xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """g of catalog entry ``key`` and its condition number |x·g'/g|, from mpmath at 40 digits.

    Parameters are the defaults rounded to float32, as the float32 code sees them.
    """
    spec = load_spec(key)
    values = {p.name: p.default if p.static else float(np.float32(p.default)) for p in spec.params}
    g = spec.at(spec.grad, values)
    g_mp, dg_mp = sp.lambdify(X, g, "mpmath"), sp.lambdify(X, sp.diff(g, X), "mpmath")
    exact, cond = [], []
    with mpmath.workdps(40):
        for x in xs:
            value = g_mp(mpmath.mpf(x))
            exact.append(float(value))
            cond.append(float(abs(mpmath.mpf(x) * dg_mp(mpmath.mpf(x)) / value)) if value != 0 else 0.0)
    return np.array(exact), np.array(cond)


def allowed_ulp(cond: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """The float32 error budget in ULP: 8, plus the condition number where g changes sign.

    Near the zeros of a g that changes sign (a multi-Gaussian's side lobes, a Fourier series)
    the relative error of any fixed-precision sum is unbounded; the allowance adds what
    perturbing x by one ulp explains.
    """
    return 8.0 + (cond if (exact < 0).any() and (exact > 0).any() else 0.0)
