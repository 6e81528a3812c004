"""The error allowance for exponent arguments rounded in the working precision.

Fast code computes every exponential e^u of the accurate code (a ``CompensatedExp``) with u
rounded in the working precision instead of in double-float; everything else is the same.
Accurate code rounds u only where u is not a polynomial in x and the parameters (e^{−|x|^{3/2}},
the Gumbel density's e^{−x − e^{−x}}): double-float products cannot hold a fractional power
or an exponential. The budget is the accurate one (8 ULP, plus the conditioning where g
changes sign) plus what that rounding explains, derived to first order:

* u is evaluated with n roundings (n counted from its expression tree, see
  :func:`roundings`), each a relative error ≤ 2⁻ᵖ (p = 24 in float32, 53 in float64) of
  its own result. So ``|fl(u) − u| ≤ n·2⁻ᵖ·|u|₊``, where ``|u|₊`` is u evaluated with every
  sum replaced by the sum of absolute values (equal to |u| for a product or quotient such
  as α|x| or x²/(2σ²)).
* e^{fl(u)} = e^u·e^{fl(u) − u}: an absolute error δ of u is a relative error δ of e^u.
* Through g, the relative error of the i-th exponential Eᵢ is scaled by its condition
  ``κᵢ = |Eᵢ·∂g/∂Eᵢ / g|`` (1 for g = c·E; (1 − E)/(1 + E) for a logistic density).
* An ULP of g is larger than |g|·2⁻ᵖ, so the relative error Σ κᵢ·nᵢ·2⁻ᵖ·|uᵢ|₊ is at most
  ``Σ κᵢ·nᵢ·|uᵢ|₊`` ULP.

That is the allowance, per point, on top of the accurate budget (evaluated in float64: a
bound needs a few digits). In float32 a Gaussian tail (|u| up to 87 before e^u underflows,
n = 4) may thus cost a few hundred ULP: exactly the error the accurate mode's double-float
arguments remove.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import sympy as sp

from .._codegen._stabilize import stabilize
from .._support._budget import bounded
from .._support._cache import cached
from .._symbolic._calculus import X
from .._symbolic._nodes import CompensatedExp, expand_stable
from .._symbolic._sampling import mpmath_sampler, real_or_nan
from .._symbolic._spec import Spec, param_symbol


def roundings(u: sp.Expr) -> int:
    """An upper bound on the roundings of evaluating ``u`` in floating point.

    A sum or product of k operands rounds k − 1 times, an integer power bᵐ at most
    |m| − 1 times (plus one for the reciprocal when m < 0), a rational power b^(p/q)
    ⌈|p/q|·(1 + roundings of b)⌉ + |p| − 1 times (the root's error raised to the power), any
    other function once; a constant that is not a dyadic rational rounds once. Negation and |·| are exact.

    >>> x, a = sp.symbols("x alpha", positive=True)
    >>> roundings(-a * sp.Abs(x)), roundings(-(x**2) / (2 * a**2))
    (1, 4)
    """
    if u.is_Number:
        return 0 if u.is_Rational and (u.q & (u.q - 1)) == 0 else 1
    if u.is_Symbol:
        return 0
    if isinstance(u, sp.Abs):
        return roundings(u.args[0])
    if u.is_Mul:
        # A factor ±2ᵏ scales exactly (short of underflow): it is no operation.
        factors = [f for f in u.args if not (f.is_Rational and _power_of_two(abs(f.p)) and _power_of_two(f.q))]
        return max(len(factors) - 1, 0) + sum(roundings(f) for f in factors)
    if u.is_Add:
        return len(u.args) - 1 + sum(roundings(t) for t in u.args)
    if u.is_Pow and u.exp.is_Integer:
        m = abs(int(u.exp))
        return roundings(u.base) + max(m - 1, 0) + (1 if u.exp < 0 else 0)
    if u.is_Pow and u.exp.is_Rational:
        # b^(p/q): the rounding of the root (and the base's) is raised to the power |p/q|,
        # which multiplies the relative error; one more rounding per multiplication.
        e = abs(u.exp)
        return math.ceil(float(e) * (1 + roundings(u.base))) + max(abs(int(u.exp.p)) - 1, 0)
    return 1 + sum(roundings(a) for a in u.args if isinstance(a, sp.Expr))


# Functions whose stable form holds exponentials (the hyperbolics are rewritten over e^u).
_EXPONENTIAL = (sp.exp, sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch)


def _power_of_two(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


def _magnitude(u: sp.Expr) -> sp.Expr:
    """|u|₊: u with every sum a sum of absolute values (bounds the absolute rounding error)."""
    return sp.Abs(u.replace(lambda e: e.is_Add, lambda e: sp.Add(*(sp.Abs(t) for t in e.args))))


def _exponent_terms(spec: Spec, precision: str) -> tuple[sp.Expr, list[tuple[sp.Expr, sp.Expr, int]]]:
    """(g with each rounded-argument exponential a symbol Eᵢ, [(Eᵢ, uᵢ, nᵢ)]) at float32-rounded
    default parameters: the plain exponentials of x, and in fast mode the compensated ones too."""
    defaults = {param_symbol(p): spec.at(param_symbol(p)) for p in spec.params}
    stable = stabilize(spec.grad, defaults)
    plain = [e for e in stable.atoms(sp.exp) if e.args[0].has(X)]
    compensated = list(stable.atoms(CompensatedExp)) if precision == "fast" else []
    exps = sorted(plain + compensated, key=sp.default_sort_key)
    names = [sp.Dummy(f"E{i}", positive=True) for i in range(len(exps))]
    body = expand_stable(stable.xreplace(dict(zip(exps, names, strict=True))))
    values = {
        param_symbol(p): sp.Integer(int(p.default)) if p.static else sp.Rational(float(np.float32(p.default)))
        for p in spec.params
    }
    # The argument's guards (a branch's input replaced by a safe value where inactive) pick
    # the value where the branch is active: the value the allowance is about.
    arguments = [expand_stable(e.args[0]) for e in exps]
    terms = [(name, u, roundings(u)) for name, u in zip(names, arguments, strict=True)]
    return body.subs(values), [(name, u.subs(values), n) for name, u, n in terms]


def _values(expr: sp.Expr, xs: np.ndarray) -> np.ndarray:
    """``expr`` at ``xs`` in float64: an allowance needs a few correct digits, not forty.

    Vectorised NumPy; point by point in mpmath where NumPy lacks a function (a normalising
    constant K₁(1) of the hyperbolic distribution).
    """
    try:
        out = np.asarray(sp.lambdify(X, expr, "numpy")(xs.astype(np.complex128)), np.complex128)
    except (NameError, TypeError):
        out = mpmath_sampler(expr, [X])(xs)
    # Complex where the formula is not real (a branch not taken there): NaN, no allowance.
    return np.broadcast_to(real_or_nan(out), xs.shape)


def argument_allowance(spec: Spec, xs: Iterable[float], precision: str = "fast") -> dict[float, float]:
    """x → Σ κᵢ·nᵢ·|uᵢ|₊ (ULP) at the default parameters, over the exponentials whose argument
    is rounded in ``precision``: in fast mode every exponential of x; in accurate mode those
    whose argument is not a polynomial (e^{−|x|^{3/2}}, e^{−e^{−x}}), which no double-float
    product can hold. Empty when there is none.
    """

    def compute() -> dict[float, float]:
        if not spec.grad.has(*_EXPONENTIAL):  # nothing to round: skip the stabilisation
            return {}
        body, terms = _exponent_terms(spec, precision)
        if not terms:
            return {}
        exps = {name: sp.exp(u) for name, u, _ in terms}
        xs = np.asarray(points, np.float64)
        with np.errstate(all="ignore"):
            g = np.abs(_values(body.xreplace(exps), xs))
            total = np.zeros_like(xs)
            for name, u, n in terms:
                kappa = np.abs(_values((name * sp.diff(body, name)).xreplace(exps), xs)) / g
                total += kappa * n * np.abs(_values(_magnitude(u), xs))
        # Where g is 0 or a magnitude not finite there is no allowance: the accurate budget alone.
        total = np.where(np.isfinite(total) & (g > 0), total, 0.0)
        return dict(zip(points, (float(t) for t in total), strict=True))

    values = np.fromiter(xs, np.float64)
    points = sorted(set(values[np.isfinite(values)].tolist()))  # one NumPy pass, not a test per point
    key = (spec.formula_hash, precision, tuple(points))
    return cached("numerics-argument-allowance", key, lambda: bounded("reference", spec.name, compute))
