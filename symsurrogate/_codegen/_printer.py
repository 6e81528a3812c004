"""Printing SymPy expressions as JAX code.

SymPy's stock ``JaxPrinter`` is a good base but mis-prints several things that matter
here (``erf`` as ``math.erf``, Piecewise as ``select(..., default=nan)``, negative
integer powers as ``lax.pow``, 15-digit floats); each is overridden explicitly below.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.numpy import JaxPrinter

from .._errors import FormulaError
from .._symbolic._calculus import X
from .._symbolic._nodes import (
    CompensatedExp,
    Damped,
    ExpErfc,
    Guard,
    Offset,
    Reduced,
    Scaled,
    SoftplusDifference,
    StableErfc,
    StableExpm1,
    StableLog1p,
    StableSigmoid,
    StableSoftplus,
    Vanishing,
)
from ._doublefloat import compensable, pair_code

_RELATIONS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "==", "!=": "!="}


class SurrogatePrinter(JaxPrinter):
    """``JaxPrinter`` with overrides for exact constants, integer powers and safe Piecewise.

    >>> import sympy as sp
    >>> x = sp.Symbol("x", real=True)
    >>> SurrogatePrinter().doprint(1 / (1 + sp.Abs(x)) ** 2 + sp.erf(x) + sp.Rational(1, 10))
    'jax.scipy.special.erf(x) + 0.1 + (jnp.abs(x) + 1) ** -2'
    """

    printmethod = "_symsurrogate_jax"

    def __init__(
        self,
        settings: dict | None = None,
        sigmoid: str = "jax.nn.sigmoid",
        reduce: str = "jnp.fmod",
        double_float: bool = False,
        helpers: bool = False,
    ) -> None:
        super().__init__({"fully_qualified_modules": True, **(settings or {})})
        # Generated modules carry the double-float helpers (see _doublefloat); plain printing
        # of a compensated exponential is jnp.exp.
        self.double_float = double_float
        # The generated modules pass their own σ (with a cancellation-free derivative) and
        # their own centred period reduction.
        self.sigmoid = sigmoid
        self.reduce = reduce
        # Whether the code may call the helpers of symsurrogate._jaxops (generated modules do).
        self.use_helpers = helpers
        # x, and the guarded copies of x that a Vanishing product is evaluated at (_emit).
        self.inputs: set[sp.Symbol] = {X}
        # The helpers of symsurrogate._jaxops the printed code calls (a bare name is one);
        # the modules it uses are in ``module_imports``, as in every SymPy code printer.
        self.helpers: set[str] = set()

    def _scipy_special(self, name: str) -> str:
        """``jax.scipy.special.<name>``, recording the module for the generated imports."""
        return self._module_format(f"jax.scipy.special.{name}")

    def _call(self, function: str, *args: sp.Basic) -> str:
        """``function(args…)``, recording a helper (bare name) or a module (dotted name) it uses."""
        if "." in function:
            function = self._module_format(function)
        else:
            self.helpers.add(function)
        return f"{function}({', '.join(self._print(a) for a in args)})"

    def _module_format(self, fqn: str, register: bool = True) -> str:
        name = super()._module_format(fqn, register)
        return "jnp." + name[len("jax.numpy.") :] if name.startswith("jax.numpy.") else name

    def _print(self, expr: sp.Basic, **kwargs: object) -> str:
        if isinstance(expr, sp.Expr) and expr.is_number and not expr.is_Integer:
            return self._number(expr)
        return super()._print(expr, **kwargs)

    def _print_Integer(self, expr: sp.Integer) -> str:
        # JAX reads a Python int as int32: 9577693125 (a Taylor coefficient's denominator)
        # raises OverflowError when traced. Beyond int32 it is a float literal.
        n = int(expr)
        return str(n) if -(2**31) <= n < 2**31 else repr(float(n))

    def _number(self, expr: sp.Expr) -> str:
        value = expr.evalf(30)
        if not value.is_real or not value.is_finite:
            raise FormulaError(f"constant {expr} is not a finite real number")
        return repr(float(value))

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        base, exponent = expr.args
        b = self.parenthesize(base, sp.printing.precedence.PRECEDENCE["Pow"] + 1)
        if exponent.is_Integer:
            # A Python int exponent makes JAX emit ``integer_pow`` (multiplications), not
            # ``pow`` (exp∘log, ~14× slower on CPU); a negative one keeps reverse mode
            # finite where the base overflows (d b^-n = -n·b^-(n+1) → 0, unlike 1/b^n).
            n = int(exponent)
            return b if n == 1 else f"{b} ** {n}"
        if exponent.is_Rational and exponent.q == 2:
            # b^(p/2) as a power of one (r)sqrt: one rounding, and b = inf gives 0 or inf, never nan.
            root = "jnp.sqrt" if exponent > 0 else "jax.lax.rsqrt"
            n = abs(int(exponent.p))
            text = f"{root}({self._print(base)})"
            return text if n == 1 else f"{text} ** {n}"
        return f"{b} ** {self.parenthesize(exponent, sp.printing.precedence.PRECEDENCE['Pow'] + 1)}"

    def _print_Mul(self, expr: sp.Mul) -> str:
        # All constant factors (sqrt(2), 1/sqrt(pi), …) become one number: one rounding.
        constant = sp.Mul(*[f for f in expr.args if f.is_number])
        numer = [f for f in expr.as_ordered_factors() if not f.is_number]
        sign, denom = "", None
        if constant.is_negative:
            sign, constant = "-", -constant
        if constant.is_Rational:
            if constant.p != 1:
                numer.insert(0, sp.Integer(constant.p))
            if constant.q != 1:
                denom = sp.Integer(constant.q)
        elif constant != 1:
            numer.insert(0, constant)
        prec = sp.printing.precedence.PRECEDENCE["Mul"]
        # Positive powers first, so ``a * b ** -2`` reads as a quotient.
        numer.sort(key=lambda f: bool(f.is_Pow and f.exp.is_number and f.exp < 0))
        top = " * ".join(self._print(f) if f.is_number else self.parenthesize(f, prec) for f in numer) or "1"
        return f"{sign}{top} / {self._print(denom)}" if denom is not None else sign + top

    def _print_Relational(self, expr: sp.core.relational.Relational) -> str:
        op = _RELATIONS.get(expr.rel_op)
        if op is None:
            raise FormulaError(f"cannot print condition {expr}")
        return f"({self._print(expr.lhs)} {op} {self._print(expr.rhs)})"

    def _print_And(self, expr: sp.And) -> str:
        return "(" + " & ".join(self._print(a) for a in expr.args) + ")"

    def _print_Or(self, expr: sp.Or) -> str:
        return "(" + " | ".join(self._print(a) for a in expr.args) + ")"

    def _print_Not(self, expr: sp.Not) -> str:
        return f"(~{self._print(expr.args[0])})"

    def _print_BooleanTrue(self, expr: sp.Basic) -> str:
        return "True"

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        *pieces, (last, last_cond) = expr.args
        if last_cond != sp.true:
            raise FormulaError("Piecewise needs a final default branch (condition True)")
        text = self._print(last)
        for branch, cond in reversed(pieces):
            text = f"jnp.where({self._print(cond)}, {self._print(branch)}, {text})"
        return text

    def _print_Guard(self, expr: Guard) -> str:
        cond, value, safe = expr.args
        return f"jnp.where({self._print(cond)}, {self._print(value)}, {self._print(safe)})"

    def _print_Reduced(self, expr: Reduced) -> str:
        reduced = self._call(self.reduce, *expr.args[:2])
        if len(expr.args) == 2:
            return reduced
        level = sp.printing.precedence.PRECEDENCE["Mul"]
        x, scale = self._print(expr.args[0]), 2 * sp.Abs(expr.args[2])
        scaled = self.parenthesize(expr.args[0], level)
        if scale != 1:
            scaled = f"{self.parenthesize(scale, level)} * {scaled}"
        return f"jnp.where(jnp.isfinite({scaled}), {x}, {reduced})"

    def _print_Scaled(self, expr: Scaled) -> str:
        # One value, squared or scaled only as a whole. A division, not u·s⁻¹: s⁻¹ is
        # subnormal for s near the largest float, and XLA:CPU flushes it to zero.
        level = sp.printing.precedence.PRECEDENCE["Mul"]
        u, s = self.parenthesize(expr.args[0], level, strict=True), self.parenthesize(expr.args[1], level)
        return f"({u} / {s})"

    def _print_Damped(self, expr: Damped) -> str:
        level = sp.printing.precedence.PRECEDENCE["Mul"]
        return f"({self.parenthesize(expr.args[0], level)} * {self.parenthesize(expr.args[1], level)})"

    def _print_Vanishing(self, expr: Vanishing) -> str:
        # In one expression; generated modules print it as three lines instead (_emit).
        factor, decaying = expr.args
        alive = sp.Ne(decaying, 0, evaluate=False)
        at = {X: Guard(alive, X, sp.Integer(0))}
        return f"jnp.where({self._print(alive)}, {self._print(factor.xreplace(at) * decaying.xreplace(at))}, 0)"

    def _print_Offset(self, expr: Offset) -> str:
        x, k = expr.args
        if k.is_number and k.is_negative:  # x − (−1) as x + 1: as exact, and plainer
            return f"({self._print(x)} + {self._print(-k)})"
        level = sp.printing.precedence.PRECEDENCE["Add"]
        return f"({self._print(x)} - {self.parenthesize(k, level, strict=True)})"

    def _print_Abs(self, expr: sp.Abs) -> str:
        return f"jnp.abs({self._print(expr.args[0])})"

    def _print_sign(self, expr: sp.sign) -> str:
        return f"jnp.sign({self._print(expr.args[0])})"

    def _print_sech(self, expr: sp.sech) -> str:
        return f"1 / jnp.cosh({self._print(expr.args[0])})"

    def _minmax(self, expr: sp.Expr, func: str) -> str:
        args = [self._print(a) for a in expr.args]
        text = args[-1]
        for arg in reversed(args[:-1]):
            text = f"{func}({arg}, {text})"
        return text

    def _print_Min(self, expr: sp.Min) -> str:
        return self._minmax(expr, "jnp.minimum")

    def _print_Max(self, expr: sp.Max) -> str:
        return self._minmax(expr, "jnp.maximum")

    def _print_erf(self, expr: sp.erf) -> str:
        return self._call("jax.scipy.special.erf", *expr.args)

    def _print_erfc(self, expr: sp.erfc) -> str:
        return self._call("jax.scipy.special.erfc", *expr.args)

    # Special functions of antiderivatives, as jax.scipy.special has them. JAX's incomplete
    # gamma functions are regularised and need a > 0: γ(a, z) = P(a, z)·Γ(a), Γ(a, z) = Q(a, z)·Γ(a).
    def _incomplete_gamma(self, expr: sp.Expr, regularised: str) -> str:
        a, z = expr.args
        if not (a.is_number and a.is_positive):
            raise FormulaError(f"{expr.func.__name__}({a}, ·) needs a positive number a in JAX")
        return f"{self._number(sp.gamma(a))} * {self._scipy_special(regularised)}({self._number(a)}, {self._print(z)})"

    def _print_lowergamma(self, expr: sp.lowergamma) -> str:
        return self._incomplete_gamma(expr, "gammainc")

    def _print_uppergamma(self, expr: sp.uppergamma) -> str:
        return self._incomplete_gamma(expr, "gammaincc")

    def _special(self, name: str, expr: sp.Expr, index: int | None = None) -> str:
        call = f"{self._scipy_special(name)}({', '.join(self._print(a) for a in expr.args)})"
        return call if index is None else f"{call}[{index}]"

    def _print_gamma(self, expr: sp.gamma) -> str:
        return self._call("_gamma", *expr.args)  # jax.scipy.special.gamma: up to 132 ulp off

    def _print_loggamma(self, expr: sp.loggamma) -> str:
        return self._special("gammaln", expr)

    def _print_digamma(self, expr: sp.digamma) -> str:
        return self._special("digamma", expr)

    def _print_Ei(self, expr: sp.Ei) -> str:
        return self._call("_expi", *expr.args)  # Ei(−inf) = 0, where expi is nan

    def _print_expint(self, expr: sp.expint) -> str:
        if expr.args[0] != 1:
            raise FormulaError(f"expint of order {expr.args[0]} has no JAX counterpart")
        return self._call("_exp1", expr.args[1])  # E₁(inf) = 0, where exp1 is nan

    def _print_Si(self, expr: sp.Si) -> str:
        return self._special("sici", expr, 0)

    def _print_Ci(self, expr: sp.Ci) -> str:
        return self._special("sici", expr, 1)

    def _print_fresnels(self, expr: sp.fresnels) -> str:
        return self._special("fresnel", expr, 0)

    def _print_fresnelc(self, expr: sp.fresnelc) -> str:
        return self._special("fresnel", expr, 1)

    def _print_besseli(self, expr: sp.besseli) -> str:
        order, z = expr.args
        if order not in (0, 1):
            raise FormulaError(f"besseli of order {order} has no JAX counterpart")
        return f"{self._scipy_special(f'i{order}')}({self._print(z)})"

    def _print_betainc_regularized(self, expr: sp.Expr) -> str:
        a, b, lower, upper = expr.args
        if lower != 0:
            raise FormulaError("betainc_regularized with a lower limit other than 0 has no JAX counterpart")
        return f"{self._scipy_special('betainc')}({self._print(a)}, {self._print(b)}, {self._print(upper)})"

    def _print_StableErfc(self, expr: StableErfc) -> str:
        return self._call("jax.scipy.special.erfc", *expr.args)

    def _print_ExpErfc(self, expr: ExpErfc) -> str:
        a, z = expr.args
        # e^{a − z²} with a − z² as one polynomial: its large terms cancel symbolically (the
        # modified Gaussian's λx), where both overflow at the largest floats.
        b = sp.factor(sp.expand(a - z**2))
        if self.use_helpers and all(compensable(e, X) for e in (a, b, z)):
            # In both precisions: with plain arguments the chain rule of x² overflows at the
            # largest floats (0·inf in the gradient), where the pairs' products do not.
            self.helpers.add("_dd_exp_erfc")
            pairs = [pair_code(e, self._print, use=self.helpers.add) for e in (a, b, z)]
            return f"_dd_exp_erfc({', '.join(pairs)})"
        # Plain printing: the two sides as one select (the helper also guards their inputs).
        right = f"{self._print(sp.exp(b))} * {self._call('jax.scipy.special.erfcx', z)}"
        left = f"{self._print(sp.exp(a))} * {self._call('jax.scipy.special.erfc', z)}"
        return f"jnp.where({self._print(z)} >= 0, {right}, {left})"

    def _print_StableSigmoid(self, expr: StableSigmoid) -> str:
        (z,) = expr.args
        if self.double_float and z.has(*self.inputs) and compensable(z, X):
            # e^{−z} is what σ amplifies: its argument in double-float, as for CompensatedExp.
            self.helpers.add("_dd_sigmoid")
            return f"_dd_sigmoid({pair_code(z, self._print, use=self.helpers.add)})"
        return self._call(self.sigmoid, z)

    def _print_SoftplusDifference(self, expr: SoftplusDifference) -> str:
        a, b = expr.args
        return self._call("_softplus_difference", a, b, sp.simplify(a - b))

    def _print_StableSoftplus(self, expr: StableSoftplus) -> str:
        return f"jax.nn.softplus({self._print(expr.args[0])})"

    def _print_StableLog1p(self, expr: StableLog1p) -> str:
        return f"jnp.log1p({self._print(expr.args[0])})"

    def _print_StableExpm1(self, expr: StableExpm1) -> str:
        return f"jnp.expm1({self._print(expr.args[0])})"

    def _print_CompensatedExp(self, expr: CompensatedExp) -> str:
        if not self.double_float:
            return f"jnp.exp({self._print(expr.args[0])})"
        self.helpers.add("_dd_exp")
        return f"_dd_exp({pair_code(expr.args[0], self._print, use=self.helpers.add)})"

    def _print_Sum(self, expr: sp.Sum) -> str:
        term, (index, start, stop) = expr.args[0], expr.args[1]
        # Start from zeros shaped like x: an empty range (SpikingJelly's n = 1) must still give an array.
        terms = f"({self._print(term)} for {index} in range({self._print(start)}, {self._print(stop)} + 1))"
        return f"sum({terms}, jnp.zeros_like(x))"

    def _print_Heaviside(self, expr: sp.Basic) -> str:
        raise FormulaError("Heaviside is ambiguous at 0; write a Piecewise instead")

    def emptyPrinter(self, expr: object) -> str:
        raise FormulaError(f"cannot generate JAX code for {type(expr).__name__}: {expr}")
