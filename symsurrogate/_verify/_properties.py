"""Properties of a surrogate at its default parameters, each found numerically and, where SymPy
can decide it within its time budget, symbolically.

:mod:`._registry` lists the properties and calls the :class:`Analysis` method of each;
:mod:`._checks` turns the findings into pass/fail results against the rules and the catalog
entry's declared expectations.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import mpmath
import sympy as sp

from .._support._budget import Budget
from .._support._jsondata import register_dataclass
from .._symbolic._calculus import X, limit_at_infinity, split_kinks, vanishes
from .._symbolic._decay import symbolic_tail
from .._symbolic._spec import Spec, param_symbol
from ._mpref import (
    is_complex,
    local_maximum,
    mp_function,
    numeric_knots,
    probe_points,
    quad,
    real_value,
    tail_class,
)

# A positive offset, x = b ± t strictly on one side of b (a Dummy: a parameter may be called t).
_T = sp.Dummy("t", positive=True)


@register_dataclass
@dataclass(frozen=True)
class Finding:
    """One property: the numeric value (always), the symbolic one (None when undecided)."""

    numeric: object
    symbolic: object = None
    detail: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def method(self) -> str:
        return "symbolic and numeric" if self.symbolic is not None else "numeric (symbolic undecided)"


def _float(value: object) -> float:
    return float(real_value(value))


def _sym_float(value: sp.Expr | None) -> float | None:
    if value is None:
        return None
    if value in (sp.oo, -sp.oo):
        return math.inf if value == sp.oo else -math.inf
    try:
        result = complex(sp.N(value))
    except (TypeError, ValueError):
        return None
    if abs(result.imag) > 1e-12 or math.isnan(result.real):
        return None
    return result.real


SYMBOLIC_SECONDS = 6.0  # all symbolic attempts on one surrogate together


class Analysis:
    """The numeric and symbolic analyses of one Spec at its defaults; the registry calls its methods."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.g = spec.at(spec.grad)
        self.G = spec.at(spec.primitive) if spec.primitive is not None else None
        self.g_mp = mp_function(self.g)
        self.G_mp = mp_function(self.G) if self.G is not None else None
        self.knots = numeric_knots(self.g) + (numeric_knots(self.G) if self.G is not None else [])
        self.points = probe_points(self.knots)
        raw = [self.g_mp(p) for p in self.points]
        self.complex_at = [p for p, v in zip(self.points, raw, strict=True) if is_complex(v)]
        self.values = [_float(v) for v in raw]
        # Started last: finding G and evaluating g at the probe points are not symbolic
        # attempts, and must not spend their time.
        self.budget = Budget(total=SYMBOLIC_SECONDS, per_call=1.5)

    def sym(self, fn: Callable[[], object]) -> object:
        try:
            return self.budget.run(fn)
        except (MemoryError, RecursionError):  # SymPy blew up: the symbolic side is undecided
            return None

    # --- definitions -----------------------------------------------------------------
    def real(self) -> Finding:
        nan_at = [p for p, v in zip(self.points, self.values, strict=True) if math.isnan(v)]
        symbolic = self.spec.grad.is_real
        numeric = not self.complex_at and not nan_at
        bad = self.complex_at[:3] or nan_at[:3]
        detail = "" if numeric else f"{'complex' if self.complex_at else 'undefined'} at x = {bad}"
        return Finding(numeric, symbolic, detail)

    def params_used(self) -> Finding:
        in_g = {s.name for s in self.spec.grad.free_symbols}
        in_G = {s.name for s in self.spec.primitive.free_symbols} if self.spec.primitive is not None else set()
        symbolic = {
            p.name: ("g" if p.name in in_g else "G only" if p.name in in_G else "unused") for p in self.spec.params
        }
        subset = self.points[:: max(1, len(self.points) // 80)]
        base = [_float(self.g_mp(p)) for p in subset]
        numeric = {}
        for p in self.spec.params:
            bumped = p.default + 1 if p.static else p.default * 1.001 + 1e-3
            g2 = mp_function(self.spec.at(self.spec.grad, {p.name: bumped}))
            changed = any(
                not math.isclose(_float(g2(x)), b, rel_tol=1e-12, abs_tol=0) for x, b in zip(subset, base, strict=True)
            )
            numeric[p.name] = "g" if changed else ("G only" if p.name in in_G else "unused")
        return Finding(numeric, symbolic)

    def derivative(self) -> Finding:
        if self.G is None:
            return Finding(None, None, "no closed-form primitive")
        diff = sp.diff(self.spec.primitive, X) - self.spec.grad

        def zero(expr: sp.Expr) -> bool | None:
            expr = sp.piecewise_fold(expr)
            if expr == 0 or sp.simplify(expr) == 0:
                return True
            return True if sp.simplify(split_kinks(expr)) == 0 else None

        # At the default parameters interval by interval first (fast and decisive for Piecewise),
        # then for all parameters.
        symbolic = self.sym(lambda: vanishes(self.spec.at(diff))) or self.sym(lambda: zero(diff))
        far = [p for p in self.points if all(abs(p - k) > 1e-3 * max(1, abs(k)) for k in self.knots)]
        # Absolute error against the peak of g: far out, G is ~constant and a difference
        # quotient cannot resolve g to relative precision (the symbolic check covers tails).
        peak = max(abs(v) for v in self.values if math.isfinite(v)) or 1.0
        worst = 0.0
        with mpmath.workdps(30):
            for p in far[:: max(1, len(far) // 60)]:
                d = _float(mpmath.diff(lambda t: real_value(self.G_mp(t)), mpmath.mpf(p), h=mpmath.mpf("1e-9")))
                worst = max(worst, abs(d - _float(self.g_mp(p))) / peak)
        return Finding(worst < 1e-10, symbolic, f"max |dG/dx - g| / max|g| {worst:.1e}", {"error": worst})

    # --- shape ---------------------------------------------------------------------------
    def symmetric(self) -> Finding:
        diff = self.g - self.g.subs(X, -X)
        scale = max((abs(v) for v in self.values if math.isfinite(v)), default=1.0)
        known = dict(zip(self.points, self.values, strict=True))  # the probe grid is mostly symmetric
        mirrored = {p: known[-p] if -p in known else _float(self.g_mp(-p)) for p in known if p > 0}
        gaps = {p: abs(known[p] - value) for p, value in mirrored.items()}
        worst = max(gaps.values())
        numeric = worst <= 1e-20 * scale
        symbolic = True if diff == 0 else None
        if symbolic is None and not numeric:
            # SymPy's exact value at the point where g(x) and g(−x) differ most: a proof of
            # asymmetry at once, where simplifying g(x) − g(−x) takes SymPy up to seconds to
            # find no 0 (Gumbel: 0.4 s).
            witness = sp.nsimplify(max(gaps, key=gaps.__getitem__), rational=True)
            symbolic = self.sym(lambda: False if diff.subs(X, witness) != 0 else None)
        if symbolic is None:
            symbolic = self.sym(lambda: True if sp.simplify(split_kinks(diff)) == 0 else None)
        return Finding(numeric, symbolic, f"max |g(x) - g(-x)| {worst:.1e}")

    def nonnegative(self) -> Finding:
        low = min(self.values)
        scale = max(abs(v) for v in self.values)
        symbolic = self.g.is_nonnegative
        return Finding(low >= -1e-25 * scale, symbolic, f"min g = {low:.6g}")

    def peak(self) -> Finding:
        location, value = local_maximum(self.g_mp, self.points, self.values)
        symbolic = None
        for candidate in [0.0, *self.knots]:
            if abs(location - candidate) <= 1e-6 * max(1, abs(candidate)):
                point = sp.nsimplify(candidate, rational=True)
                exact = self.sym(
                    lambda p=point: sp.nsimplify(self.g.subs(X, p)) if not self.g.has(sp.Piecewise) else None
                )
                if exact is None:
                    exact = self.sym(lambda p=point: sp.limit(self.g, X, p, "+"))
                # Snap to the simple point only if g attains the maximum there (not a supremum
                # approached from one side, as at a jump).
                exact_value = _sym_float(exact) if exact is not None else None
                if exact_value is not None and math.isclose(exact_value, value, rel_tol=1e-6, abs_tol=1e-300):
                    symbolic = (float(point), exact)
                    location = float(point)
                    value = max(value, _float(self.g_mp(location)))
        return Finding((location, value), symbolic)

    def continuity(self) -> Finding:
        numeric, symbolic = {}, {}
        for name, expr, fn in (("g", self.g, self.g_mp), ("G", self.G, self.G_mp)):
            if fn is None:
                continue
            jumps, sym_jumps, decided = [], [], True
            for k in numeric_knots(expr):
                if _jumps(fn, k):
                    jumps.append(k)
                point = sp.nsimplify(k, rational=True)
                sides = self.sym(lambda e=expr, p=point: _one_sided(e, p))
                if sides is None or not all(s.is_finite for s in sides):
                    decided = False
                elif sp.simplify(sides[0] - sides[1]) != 0:
                    sym_jumps.append(k)
            numeric[name] = jumps
            if decided:
                symbolic[name] = sym_jumps
        return Finding(numeric, symbolic if len(symbolic) == len(numeric) else None)

    def support(self) -> Finding:
        """The smallest interval outside which g is exactly 0.

        An exact zero of a formula comes from a knot (Piecewise, Max, Min): an edge found
        away from every knot is mpmath underflow (e^(−x²) at x ~ 1e12), so that side is unbounded.
        """
        mags = [10 ** (j / 8) for j in range(-48, 97)]  # 1e-6 … 1e12
        probes = [-m for m in reversed(mags)] + [0.0] + mags
        nonzero = [i for i, p in enumerate(probes) if real_value(self.g_mp(p)) != 0]
        if not nonzero:
            return Finding((0.0, 0.0), None, "g vanishes everywhere")
        ends, sym_ends = [], []
        for side, inner, edge in ((-1, nonzero[0], 0), (1, nonzero[-1], len(probes) - 1)):
            end = math.inf * side
            if inner != edge:
                zero_at, nonzero_at = probes[inner + side], probes[inner]
                for _ in range(80):
                    mid = (zero_at + nonzero_at) / 2
                    if real_value(self.g_mp(mid)) != 0:
                        nonzero_at = mid
                    else:
                        zero_at = mid
                end = next((k for k in self.knots if abs(k - nonzero_at) <= 1e-9 * max(1, abs(k))), end)
            ends.append(end)
            if math.isinf(end):
                sym_ends.append(end if self.sym(lambda s=side: self._nonzero_tail(s)) else None)
                continue
            point = sp.nsimplify(end, rational=True)
            vanishes = self.sym(lambda p=point, s=side: sp.simplify(split_kinks(self.g).subs(X, p + s * _T)) == 0)
            sym_ends.append(end if vanishes else None)
        symbolic = tuple(sym_ends) if None not in sym_ends else None
        return Finding(tuple(ends), symbolic)

    def _nonzero_tail(self, side: int) -> bool | None:
        # A tail tending to 0 may still be nonzero: undecided. Where substituting ±∞ already
        # gives 0 (every part takes its limit, as 1 − tanh²(αx) does), SymPy's limit, which
        # takes about a second, could at best say the same.
        if _substituted_limit(self.g, side) == 0:
            return None
        value = limit_at_infinity(self.g, side)
        return True if value != 0 else None

    def tail(self, support: tuple[float, float]) -> Finding:
        numeric, symbolic = {}, {}
        for side, end, key in ((-1, support[0], "left"), (1, support[1], "right")):
            if math.isfinite(end):
                numeric[key] = symbolic[key] = "none"
                continue
            numeric[key] = tail_class(self.g_mp, side)
            symbolic[key] = self.sym(lambda s=side: symbolic_tail(self.g, s))
        decided = all(v is not None for v in symbolic.values())
        return Finding(numeric, symbolic if decided else None)

    # --- global ----------------------------------------------------------------------------
    def limits(self) -> Finding:
        if self.G is None:
            return Finding(None, None, "no closed-form primitive")
        numeric = []
        for side in (-1, 1):
            # irrational multiples: large floats are all multiples of any small period (aliasing)
            for exponents in ((15, 30, 60), (2, 2.5, 3)):
                with mpmath.workdps(80):
                    far = [side * mpmath.mpf(10) ** e * mpmath.sqrt(2) for e in exponents]
                a, b, c = (_float(self.G_mp(x)) for x in far)
                if not all(math.isnan(v) for v in (a, b, c)):
                    break
                # G undefined that far out for mpmath (Ei(−e^{e^{10^15}})): nearer, where it can be
            near = exponents[0] < 15
            if math.isclose(b, c, rel_tol=1e-9, abs_tol=1e-12):
                numeric.append(round(c, 12))
            elif not near and (c - b) * (b - a) > 0 and abs(c - b) >= 0.5 * abs(b - a):
                # (not judged from the near points, where a G that converges slowly still moves)
                numeric.append(math.copysign(math.inf, c - b))  # grows without settling (log x or faster)
            else:
                numeric.append(math.nan)
        sym = [self.sym(lambda s=side: limit_at_infinity(self.G, s)) for side in (-1, 1)]
        values = [_sym_float(v) if v is not None and v != sp.nan else None for v in sym]
        return Finding(tuple(numeric), tuple(values) if None not in values else None)

    def integral(self, found: dict[str, Finding]) -> Finding:
        tails = found["tail"].numeric
        extra = {}
        if any(t == "oscillating" for t in tails.values()):
            numeric = math.nan
        elif any(t == "constant" or (t.startswith("power(") and _power(t) >= -1) for t in tails.values()):
            numeric = math.inf if found["nonnegative"].numeric else math.nan
        else:
            body = [-1.0, 0.0, 1.0, *[k for k in self.knots if abs(k) < 1e6]]
            numeric, error = quad(self.g_mp, body)
            if error > 1e-9 * max(1.0, abs(numeric)):
                extra["uncertainty"] = error  # mpmath's own estimate: the comparison allows it
        symbolic = None
        jumps = (found["continuity"].numeric or {}).get("G", [])
        if self.G is not None and not jumps and found["derivative"].numeric:
            lo, hi = found["limits"].symbolic or (None, None)
            if lo is not None and hi is not None and math.isfinite(lo) and math.isfinite(hi):
                symbolic = hi - lo
        if symbolic is None and not math.isnan(numeric):  # SymPy calls ∫cos over ℝ 0: not for oscillating tails
            value = self.sym(lambda: sp.integrate(split_kinks(self.g), (X, -sp.oo, sp.oo)))
            if value is not None and not value.has(sp.Integral):
                symbolic = _sym_float(value)
        return Finding(numeric, symbolic, extra=extra)

    def step_limit(self) -> Finding:
        """As the steepness grows, g's mass concentrates at 0: G tends to a step (of height ∫g)."""
        name = self.spec.steepness
        assert name is not None
        base = next(p.default for p in self.spec.params if p.name == name)
        fractions = [self._off_step_fraction(name, base * scale, 0.5) for scale in (1, 10, 100, 1000)]
        numeric = fractions[-1] <= 1e-2 * fractions[0] or fractions[-1] < 1e-6
        numeric = numeric and all(b <= a * (1 + 1e-9) + 1e-30 for a, b in itertools.pairwise(fractions))
        symbolic = None
        if self.spec.primitive is not None:
            s = sp.Symbol("s_", positive=True)
            G = self.spec.at(self.spec.primitive.subs(param_symbol(_param(self.spec, name)), s), {})

            def decide() -> bool | None:
                height = limit_at_infinity(G, 1) - limit_at_infinity(G, -1)
                inner = (G.subs(X, _T) - G.subs(X, -_T)) / height
                value = sp.limit(sp.simplify(inner), s, sp.oo)
                return bool(sp.simplify(value - 1) == 0) if not value.has(_T) else None

            symbolic = self.sym(decide)
        detail = "fraction of |g| mass outside |x| < 0.5 at 1, 10, 100, 1000 × default: "
        return Finding(numeric, symbolic, detail + ", ".join(f"{e:.1e}" for e in fractions))

    def _off_step_fraction(self, name: str, value: float, delta: float) -> float:
        g = mp_function(self.spec.at(self.spec.grad, {name: value}))
        with mpmath.workdps(20):
            parts = [
                mpmath.quad(lambda t: abs(real_value(g(t))), [a, b])
                for a, b in ((-mpmath.inf, -delta), (-delta, 0), (0, delta), (delta, mpmath.inf))
            ]
        total = sum(parts)
        return float((parts[0] + parts[3]) / total) if total else 0.0


def _substituted_limit(expr: sp.Expr, side: int) -> sp.Expr:
    """``expr`` at x = side·∞ by substitution: each function takes its limit and an
    indeterminate form (∞ − ∞, 0·∞) gives nan; ``nan`` when SymPy cannot substitute."""
    try:
        return sp.piecewise_fold(expr).subs(X, side * sp.oo)
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return sp.nan


def _jumps(fn: Callable, k: float) -> bool:
    """Whether ``fn`` jumps at ``k``: its values at k ± ε differ, and keep differing as ε
    shrinks from 1e-20 to 1e-40. A continuous function whose slope is infinite at k (√x at
    0, √(1 − x²) at ±1) differs by ε^(1/2) at k ± ε: a hundred-billion-fold less at the
    smaller ε. A jump differs by the same amount at both.
    """
    gaps = []
    for exponent in (20, 40):
        with mpmath.workdps(exponent + 20):  # k ± ε must not round back to k
            eps = mpmath.mpf(10) ** -exponent * max(1, abs(k))
            below, above = mpmath.mpf(k) - eps, mpmath.mpf(k) + eps
        left, right = _float(fn(below)), _float(fn(above))
        if math.isclose(left, right, rel_tol=1e-12, abs_tol=1e-18):
            return False
        gaps.append(abs(left - right))
    return not gaps[1] <= 0.1 * gaps[0]


def _one_sided(expr: sp.Expr, point: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """(left, right) limits at ``point``: x = point ∓ t with t > 0 resolves Piecewise conditions."""
    return tuple(sp.limit(expr.subs(X, point + side * _T), _T, 0, "+") for side in (-1, 1))  # type: ignore[return-value]


def _param(spec: Spec, name: str):  # noqa: ANN202
    return next(p for p in spec.params if p.name == name)


def _power(tail: str) -> float:
    return float(tail[len("power(") : -1])
