"""SymPy building blocks: formula-level helpers and the nodes that stable forms print from.

Formula-level helpers (``logistic``, ``softplus``, ``log1p``) expand into elementary
functions, so that differentiation, integration and limits see plain ``exp``/``log``.
The ``Stable*`` nodes only appear after the stabilising rewrites and map one-to-one onto
a numerically careful JAX call.
"""

from __future__ import annotations

import sympy as sp


def logistic(z: sp.Expr) -> sp.Expr:
    """σ(z) = 1 / (1 + e^{−z})."""
    return 1 / (1 + sp.exp(-z))


def softplus(z: sp.Expr) -> sp.Expr:
    """log(1 + e^{z})."""
    return sp.log(1 + sp.exp(z))


def log1p(z: sp.Expr) -> sp.Expr:
    """log(1 + z)."""
    return sp.log(1 + z)


class StableSigmoid(sp.Function):
    """σ(z), printed as ``jax.nn.sigmoid``."""

    nargs = 1

    def _eval_rewrite_as_exp(self, z: sp.Expr, **kwargs: object) -> sp.Expr:
        return logistic(z)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        z = self.args[0]
        return StableSigmoid(z) * StableSigmoid(-z)


class StableSoftplus(sp.Function):
    """log(1 + e^{z}), printed as ``jax.nn.softplus``."""

    nargs = 1

    def _eval_rewrite_as_exp(self, z: sp.Expr, **kwargs: object) -> sp.Expr:
        return softplus(z)


class StableLog1p(sp.Function):
    """log(1 + z), printed as ``jnp.log1p``."""

    nargs = 1

    def _eval_rewrite_as_log(self, z: sp.Expr, **kwargs: object) -> sp.Expr:
        return sp.log(1 + z)


class StableExpm1(sp.Function):
    """e^{z} − 1, printed as ``jnp.expm1``."""

    nargs = 1

    def _eval_rewrite_as_exp(self, z: sp.Expr, **kwargs: object) -> sp.Expr:
        return sp.exp(z) - 1


class StableErfc(sp.Function):
    """erfc(z) kept as written (SymPy folds ``erfc(−z)`` into ``2 − erfc(z)``, which cancels)."""

    nargs = 1

    def _eval_rewrite_as_erfc(self, z: sp.Expr, **kwargs: object) -> sp.Expr:
        return sp.erfc(z)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return -2 * sp.exp(-(self.args[0] ** 2)) / sp.sqrt(sp.pi)


class Guard(sp.Function):
    """``where(condition, x, safe)``: feeds an inactive Piecewise branch a harmless point.

    ``jnp.where`` differentiates both branches; an inactive branch evaluated at a point
    where it is singular poisons the gradient with ``0 * inf = nan``. Evaluating it at a
    safe point instead keeps every derivative finite.
    """

    nargs = 3

    def _eval_is_extended_real(self) -> bool | None:
        # Real like the value it guards: without this SymPy can decide that beta*(Guard - 1)
        # is not real, and Min/Max over it (decaying-side exponentials) refuse to build.
        return self.args[1].is_extended_real

    def _eval_rewrite_as_Piecewise(self, cond: sp.Basic, x: sp.Expr, safe: sp.Expr, **kw: object) -> sp.Expr:
        return x


class Reduced(sp.Function):
    """x reduced by a period of the periodic expression it feeds, into [−P/2, P/2].

    ``cos(a·x)`` overflows its argument (and returns nan) near the largest floats and loses
    accuracy as ``a·x`` grows; ``cos(a·r)`` with r = x − P·round(x/P) is equal, odd in x
    (even shapes stay exactly symmetric) and exact when P·round(x/P) is (a power-of-two P),
    else within one ulp of x. Generated modules print it as their ``_reduce`` helper (ten
    times cheaper on CPU than an exact ``fmod``); the plain printer prints ``jnp.fmod``.

    A period that no float holds (2π) is off by n·ulp(P) after n periods: radians at
    x = 3·10⁷ in float32, where JAX's own sin and cos reduce exactly. ``Reduced(x, P, a)``
    therefore keeps x itself wherever a·x is finite and reduces only beyond.
    """

    nargs = (2, 3)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Integer(1) if argindex == 1 else sp.Integer(0)


class CompensatedExp(sp.Function):
    """exp(u) with u computed in double-float arithmetic (see :mod:`._doublefloat`)."""

    nargs = 1

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return self


class Scaled(sp.Function):
    """u/s for a positive scale s ≥ |u|: a quotient kept whole, so it stays within [−1, 1].

    SymPy distributes powers over products, (u/s)² → u²·s⁻², which brings back the u² that
    overflows; as a node the quotient is squared only after the division. Printed ``(u / s)``.
    """

    nargs = 2

    def _eval_is_extended_real(self) -> bool | None:
        return self.args[0].is_extended_real

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        u, s = self.args
        return 1 / s if argindex == 1 else -u / s**2


class _OfTwoReals(sp.Function):
    """A node of two arguments that is real wherever both arguments are."""

    nargs = 2

    def _eval_is_extended_real(self) -> bool | None:
        return True if all(a.is_extended_real for a in self.args) else None


class Damped(_OfTwoReals):
    """u·e for a growing u and a decaying exponential e, kept whole so that a power of it is
    taken after the product: SymPy distributes (u·e)ⁿ → uⁿ·eⁿ, and uⁿ overflows (inf·0 =
    nan) where the product is 0. Printed ``(u * e)``.
    """

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        u, e = self.args
        return e if argindex == 1 else u


class Offset(_OfTwoReals):
    """x − k kept whole: exact near k (Sterbenz's lemma), where a branch that vanishes at k
    needs it. SymPy distributes a coefficient over a sum, (x − 2)/3 → x/3 − 2/3, which
    rounds both parts and loses the distance to k. Printed ``(x - k)``.
    """

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Integer(1) if argindex == 1 else sp.Integer(-1)


class ExpErfc(_OfTwoReals):
    """e^{a}·erfc(z), printed as one helper that takes e^{−z²} out of erfc where z ≥ 0.

    Where z grows, erfc(z) underflows while e^{a} may overflow (the exponentially modified
    Gaussian, inf·0 = nan), and erfc(z) computed alone rounds z² inside its exponential;
    e^{a − z²}·erfcx(z) has neither problem.
    """

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        a, z = self.args
        return self if argindex == 1 else -2 * sp.exp(a - z**2) / sp.sqrt(sp.pi)


class Vanishing(_OfTwoReals):
    """f·d, and 0 wherever d is 0 (f at a harmless point there): ``where(d == 0, 0, f·d)``.

    A growing factor overflows where a decaying one underflows: (1 + x²)·e^{−x²} and the
    chain rule's (a + 3bx²)·σ(−|u|) are inf·0 = nan at the largest floats. Wherever d is 0
    the product is 0 in exact arithmetic (f is finite at every finite x), so the guard is
    exact; the inputs of both factors are guarded too, or the unselected product would leak
    its nan into the gradient.
    """

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        f, d = self.args
        return d if argindex == 1 else f


class SoftplusDifference(_OfTwoReals):
    """softplus(a) − softplus(b) where a − b is free of x, printed as one helper.

    A soft box's G (σ or tanh bumps at ±1 integrated) is such a difference. Where a and b
    are both large the two terms are nearly equal and round to the same float (G = 0 instead
    of 1 at x = 10³⁰), or overflow together (inf − inf = nan at the largest floats); there
    the difference is a − b + softplus(−a) − softplus(−b), with a − b taken exactly from
    the formula.
    """

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        a, b = self.args
        return StableSigmoid(a) if argindex == 1 else -StableSigmoid(b)


STABLE_NODES = (
    StableSigmoid,
    StableSoftplus,
    StableLog1p,
    StableExpm1,
    StableErfc,
    CompensatedExp,
    Guard,
    Reduced,
    Scaled,
    Damped,
    Offset,
    Vanishing,
    ExpErfc,
    SoftplusDifference,
)


def expand_stable(expr: sp.Expr) -> sp.Expr:
    """Replace every stable node by its elementary definition (for proofs and references)."""
    expr = expr.replace(lambda e: isinstance(e, Scaled), lambda e: e.args[0] / e.args[1])
    expr = expr.replace(lambda e: isinstance(e, (Damped, Vanishing)), lambda e: e.args[0] * e.args[1])
    expr = expr.replace(lambda e: isinstance(e, ExpErfc), lambda e: sp.exp(e.args[0]) * sp.erfc(e.args[1]))
    expr = expr.replace(lambda e: isinstance(e, Offset), lambda e: e.args[0] - e.args[1])
    expr = expr.replace(
        lambda e: isinstance(e, SoftplusDifference), lambda e: softplus(e.args[0]) - softplus(e.args[1])
    )
    expr = expr.replace(
        lambda e: isinstance(e, (Guard, Reduced)), lambda e: e.args[1] if isinstance(e, Guard) else e.args[0]
    )
    return expr.replace(
        lambda e: isinstance(e, STABLE_NODES[:6]),
        lambda e: {
            StableSigmoid: logistic,
            StableSoftplus: softplus,
            StableLog1p: log1p,
            StableExpm1: lambda z: sp.exp(z) - 1,
            StableErfc: sp.erfc,
            CompensatedExp: sp.exp,
        }[type(e)](e.args[0]),
    )
