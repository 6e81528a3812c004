"""Exponentials whose argument is computed in double-float arithmetic: which arguments, and their code.

The helpers the code calls (``_dd_exp``, ``_dd_mul``, …) are ordinary JAX functions in
:mod:`symsurrogate._jaxops`.

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


def pair_code(
    arg: sp.Expr, leaf: Callable[[sp.Expr], str], like: str = "x", use: Callable[[str], object] = lambda name: None
) -> str:
    """Code computing ``arg`` as a double-float pair; ``leaf`` prints an exact value.

    ``use`` is told the name of every helper the code calls.

    >>> x, alpha = sp.Symbol("x", real=True), sp.Symbol("alpha", positive=True)
    >>> pair_code(-alpha * x**2, str)
    '_dd_scale(_dd_mul((alpha, None), _dd_mul((x, None), (x, None))), -1.0)'
    """

    def call(helper: str, *args: str) -> str:
        use(helper)
        return f"{helper}({', '.join(args)})"

    def fold(helper: str, parts: list[str]) -> str:
        result = parts[0]
        for part in parts[1:]:
            result = call(helper, result, part)
        return result

    def code(e: sp.Expr) -> str:
        if e.is_number:
            value = sp.N(e, 40)
            hi = float(value)
            lo = float(value - sp.Float(hi, 40))
            if lo == 0 and float(np.float32(hi)) == hi:  # exact in every compute dtype
                return f"(jnp.asarray({hi!r}, jnp.result_type({like})), None)"
            return call("_dd_const", repr(hi), repr(lo), like)
        if isinstance(e, sp.Add):
            return fold("_dd_add", [code(a) for a in e.args])
        if isinstance(e, sp.Mul):
            coeff, rest = e.as_coeff_Mul()
            if coeff != 1 and _power_of_two(coeff):
                return call("_dd_scale", code(rest), repr(float(coeff)))
            return fold("_dd_mul", [code(a) for a in e.args])
        if isinstance(e, sp.Pow):
            power = fold("_dd_mul", [code(e.base)] * abs(int(e.exp)))
            return power if e.exp > 0 else call("_dd_inv", power)
        if isinstance(e, sp.Abs) and not _is_leaf(e.args[0]):
            return call("_dd_abs", code(e.args[0]))
        return f"({leaf(e)}, None)"

    return code(arg)


def _is_leaf(e: sp.Expr) -> bool:
    return e.is_Symbol or isinstance(e, Guard)


def _power_of_two(c: sp.Expr) -> bool:
    if not c.is_Rational or c == 0:
        return False
    p, q = abs(c.p), c.q
    return (p & (p - 1)) == 0 and (q & (q - 1)) == 0 and (p == 1 or q == 1)
