"""Exponentials whose argument is computed in double-float arithmetic.

exp(u) amplifies an absolute error δ in u into a relative error δ of the result. In a
Gaussian tail u = −x²/(2σ²) reaches −70 in float32, and the half-ulp roundings of x², σ²
and their quotient cost up to 60 ulp: more than the whole error budget. Evaluating u as an
unevaluated sum hi + lo of two floats (Dekker's error-free products and Knuth's two-sum)
and returning exp(hi)·(1 + lo) brings the result back within a few ulp of the exact value.

Only arguments built from x, |x|, parameters and constants by +, ×, integer powers and
|·| are compensated; anything else is printed as a plain exponential.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

from .._symbolic._nodes import Guard

HELPERS = '''

def _common_dtype(a, b):
    dtype = jnp.result_type(a, b)
    return jnp.asarray(a, dtype), jnp.asarray(b, dtype)


def _split(a):
    """a = hi + lo with half-width significands: products of the halves are exact."""
    if a.dtype == jnp.float32:
        # keep the top 12 significant bits: one integer AND instead of Veltkamp's 3 flops
        bits = jax.lax.bitcast_convert_type(a, jnp.uint32) & jnp.uint32(0xFFFFF000)
        hi = jax.lax.bitcast_convert_type(bits, jnp.float32)
    else:
        c = a * 134217729.0  # Veltkamp: 2^27 + 1 for float64
        hi = c - (c - a)
    return hi, a - hi


def _two_prod(a, b):
    """a·b = p + e exactly (Dekker)."""
    a, b = _common_dtype(a, b)
    p = a * b
    (ah, al), (bh, bl) = _split(a), _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _two_sum(a, b):
    """a + b = s + e exactly (Knuth)."""
    a, b = _common_dtype(a, b)
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _dd_const(hi, lo, like):
    """The constant hi + lo (a float64 pair) as a pair in the dtype of ``like``."""
    head = jnp.asarray(hi, jnp.result_type(like))
    return head, jnp.asarray((hi - float(head)) + lo, head.dtype)


def _plus(e, *terms):
    # A low part of None is an exact zero: no operation is emitted for it.
    for term in terms:
        e = e if term is None else e + term
    return e


def _times(a, b):
    return None if a is None or b is None else a * b


def _dd_add(a, b):
    s, e = _two_sum(a[0], b[0])
    return s, _plus(e, a[1], b[1])


def _dd_mul(a, b):
    p, e = _two_prod(a[0], b[0])
    return p, _plus(e, _times(a[1], b[0]), _times(a[0], b[1]))


def _dd_scale(a, c):
    """(hi, lo)·c for a power of two c: exact."""
    return a[0] * c, _times(a[1], c)


def _dd_inv(a):
    # 1/(h + l) = r·(1 − (r·h − 1) − r·l) to first order, r = fl(1/h); r·h − 1 is exact.
    r = 1 / a[0]
    p, e = _two_prod(r, a[0])
    return r, r * _plus((1 - p) - e, _times(-r, a[1]))


def _dd_abs(a):
    negative = a[0] < 0
    return jnp.where(negative, -a[0], a[0]), _times(jnp.where(negative, -1, 1), a[1])


def _dd_exp(a):
    """exp(hi + lo) = exp(hi)·(1 + lo); lo is dropped where an overflow spoilt it.

    lo is a rounding error: its derivative is noise (and NaN where a split overflowed), so
    derivatives flow through hi alone.
    """
    hi, lo = a
    if lo is None:
        return jnp.exp(hi)
    lo = jax.lax.stop_gradient(lo)
    return jnp.exp(hi) * (1 + jnp.where(jnp.abs(lo) < 1, lo, 0))'''


def compensable(arg: sp.Expr, variable: sp.Symbol) -> bool:
    """True when ``arg`` is built from exact leaves by +, ×, integer powers and |·|.

    >>> x, alpha = sp.Symbol("x", real=True), sp.Symbol("alpha", positive=True)
    >>> compensable(-alpha * sp.Abs(x - 1) ** 2, x), compensable(-sp.log(1 + x**2), x)
    (True, False)
    """
    if arg.is_Number or arg.is_Symbol or isinstance(arg, Guard):
        return True
    if arg.is_number:
        return bool(arg.is_real)
    if isinstance(arg, (sp.Add, sp.Mul)):
        return all(compensable(a, variable) for a in arg.args)
    if isinstance(arg, sp.Pow):
        return bool(arg.exp.is_Integer) and compensable(arg.base, variable)
    if isinstance(arg, sp.Abs):
        return compensable(arg.args[0], variable)
    return False


def pair_code(arg: sp.Expr, leaf: Callable[[sp.Expr], str], like: str = "x") -> str:
    """Code computing ``arg`` as a double-float pair; ``leaf`` prints an exact value.

    >>> x, alpha = sp.Symbol("x", real=True), sp.Symbol("alpha", positive=True)
    >>> pair_code(-alpha * x**2, str)
    '_dd_scale(_dd_mul((alpha, None), _dd_mul((x, None), (x, None))), -1.0)'
    """

    def code(e: sp.Expr) -> str:
        if e.is_number:
            value = sp.N(e, 40)
            hi = float(value)
            lo = float(value - sp.Float(hi, 40))
            if lo == 0 and float(np.float32(hi)) == hi:  # exact in every compute dtype
                return f"(jnp.asarray({hi!r}, jnp.result_type({like})), None)"
            return f"_dd_const({hi!r}, {lo!r}, {like})"
        if isinstance(e, sp.Add):
            return _fold("_dd_add", [code(a) for a in e.args])
        if isinstance(e, sp.Mul):
            coeff, rest = e.as_coeff_Mul()
            if coeff != 1 and _power_of_two(coeff):
                return f"_dd_scale({code(rest)}, {float(coeff)!r})"
            return _fold("_dd_mul", [code(a) for a in e.args])
        if isinstance(e, sp.Pow):
            power = _fold("_dd_mul", [code(e.base)] * abs(int(e.exp)))
            return power if e.exp > 0 else f"_dd_inv({power})"
        if isinstance(e, sp.Abs) and not _is_leaf(e.args[0]):
            return f"_dd_abs({code(e.args[0])})"
        return f"({leaf(e)}, None)"

    return code(arg)


def _is_leaf(e: sp.Expr) -> bool:
    return e.is_Symbol or isinstance(e, Guard)


def _power_of_two(c: sp.Expr) -> bool:
    if not c.is_Rational or c == 0:
        return False
    p, q = abs(c.p), c.q
    return (p & (p - 1)) == 0 and (q & (q - 1)) == 0 and (p == 1 or q == 1)


def _fold(function: str, parts: list[str]) -> str:
    result = parts[0]
    for part in parts[1:]:
        result = f"{function}({result}, {part})"
    return result
