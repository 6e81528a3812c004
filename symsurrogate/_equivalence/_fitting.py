"""Numeric side of the equivalence search: sampling, least-squares fits, exact recognition.

Nothing here decides equivalence; it proposes mappings that :mod:`._equivalence` proves.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from .._symbolic._calculus import X, split_kinks
from .._symbolic._sampling import mpmath_sampler, real_or_nan
from .._symbolic._spec import Spec, param_symbol

CONSTANTS = [sp.Integer(1), sp.pi, sp.sqrt(sp.pi), sp.sqrt(2), sp.sqrt(3), sp.E, sp.sqrt(2 * sp.pi)]


def numeric(expr: sp.Expr, symbols: list[sp.Symbol]) -> Any:
    """A NumPy function of (x, *symbols); kinks become Piecewise so that NumPy can vectorise.
    Where NumPy lacks a function (Bessel K), mpmath evaluates it point by point."""
    function = sp.lambdify([X, *symbols], split_kinks(expr), modules="numpy")
    pointwise: list[Callable[..., np.ndarray]] = []  # made on the first NameError, then kept

    def evaluate(xs: np.ndarray, *values: float) -> np.ndarray:
        if pointwise:
            return real_or_nan(pointwise[0](xs, *values))
        try:
            with np.errstate(all="ignore"):
                out = np.asarray(function(xs, *values), dtype=float)
        except NameError:
            pointwise.append(mpmath_sampler(expr, [X, *symbols]))
            return real_or_nan(pointwise[0](xs, *values))
        except (OverflowError, ZeroDivisionError, ValueError, TypeError):
            return np.full(xs.shape, np.nan)  # parameters far outside any sensible range
        return np.broadcast_to(out, xs.shape)

    return evaluate


def grid(ga: Any, free_values: list[float]) -> np.ndarray:
    """Sample points scaled to where g_a lives; offset so they miss round-number knots."""
    probe = np.concatenate([-np.logspace(-4, 4, 400), np.logspace(-4, 4, 400)])
    values = np.abs(ga(probe, *free_values))
    peak = np.nanmax(np.where(np.isfinite(values), values, 0.0))
    alive = probe[np.isfinite(values) & (values >= 0.05 * peak)] if peak > 0 else probe
    width = float(np.clip(np.max(np.abs(alive)), 1e-3, 10.0)) if alive.size else 1.0
    core = np.linspace(-3.0, 3.0, 241) + 0.0123457
    tails = np.array([-20.0, -12.0, -8.0, -5.0, 5.0, 8.0, 12.0, 20.0]) + 0.0321
    return width * np.concatenate([core, tails])


def moving_region(xs: np.ndarray, values: np.ndarray) -> tuple[float, float]:
    """The interval where ``values`` on ``xs`` change, padded by its width or half its distance from 0."""
    order = np.argsort(xs)
    ordered, sorted_values = xs[order], values[order]
    moving = np.nonzero(np.abs(np.diff(sorted_values)) > 1e-9 * np.max(np.abs(sorted_values)))[0]
    lo, hi = (ordered[moving.min()], ordered[moving.max() + 1]) if moving.size else (ordered[0], ordered[-1])
    pad = max(hi - lo, 0.5 * max(abs(lo), abs(hi)), float(np.min(np.diff(ordered))))
    return lo - pad, hi + pad


def refine(xs: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``xs`` plus a dense sampling of where g changes, so that jumps are located finely."""
    lo, hi = moving_region(xs, values)
    return np.concatenate([xs, np.linspace(lo, hi, 241) + 1.1e-4 * (hi - lo)])


def _running_integral(xs: np.ndarray, function: Any) -> np.ndarray:
    """∫ from xs[0] to each x of ``function``, by the midpoint rule on a fine sorted grid."""
    mids = (xs[1:] + xs[:-1]) / 2
    with np.errstate(all="ignore"):
        values = np.asarray(function(mids), dtype=float)
    return np.concatenate([[0.0], np.cumsum(values * np.diff(xs))])


def is_height(grad: sp.Expr, symbol: sp.Symbol) -> bool:
    """Whether g is proportional to this parameter (g(2θ) = 2·g(θ) identically)."""
    try:
        return sp.simplify(sp.piecewise_fold(grad.xreplace({symbol: 2 * symbol}) - 2 * grad)) == 0
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False


class Fitter:
    """Least-squares fit of scale · g_b(k·x; θ_b) to samples of g_a (scale in closed form).

    Variables are b's traced parameters (log-scaled where positive) and, when ``free_k``,
    log k. Variables the data cannot identify (a height that the scale absorbs, or a width
    that k absorbs) are frozen, k first, so that the solution is unique.
    """

    def __init__(self, spec_b: Spec, static: Mapping[str, int], free_k: bool) -> None:
        self.traced = [p for p in spec_b.params if not p.static]
        static_subs = {param_symbol(p): sp.Integer(static[p.name]) for p in spec_b.params if p.static}
        grad = spec_b.grad.xreplace(static_subs)
        grad = grad.doit() if grad.has(sp.Sum) else grad
        self.gb = numeric(grad, [param_symbol(p) for p in self.traced])
        self.free_k = free_k
        self.log = [p.domain == "positive" for p in self.traced]
        self.size = len(self.traced) + free_k
        # Frozen variables: index -> value (1 for positive parameters and k, else the default).
        self.target_fn: Any = None
        self.rest = [0.0 if log else 1.0 for log in self.log] + [0.0]
        # A pure height (g_b = θ·h(x)) is redundant with the output scale: hold it at 1.
        self.frozen: dict[int, float] = {
            i: 0.0 for i, p in enumerate(self.traced) if self.log[i] and is_height(grad, param_symbol(p))
        }

    def full(self, u: np.ndarray) -> np.ndarray:
        values = iter(u)
        return np.array([self.frozen[i] if i in self.frozen else next(values) for i in range(self.size)])

    def unpack(self, u: np.ndarray) -> tuple[list[float], float]:
        u = self.full(u)
        values = [float(np.exp(v)) if log else float(v) for v, log in zip(u, self.log, strict=False)]
        return values, float(np.exp(u[-1])) if self.free_k else 1.0

    def model(self, u: np.ndarray, xs: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, float]:
        values, k = self.unpack(u)
        basis = self.gb(k * xs, *values)
        with np.errstate(all="ignore"):
            denom = float(basis @ basis)
        if not np.all(np.isfinite(basis)) or not np.isfinite(denom):
            return np.full_like(xs, 1e6), 0.0
        scale = float(target @ basis) / denom if denom > 0 else 0.0
        return scale * basis, scale

    def fit(self, xs: np.ndarray, target: np.ndarray, starts: list[np.ndarray]) -> tuple[float, np.ndarray, float]:
        from scipy.optimize import least_squares

        norm = float(np.max(np.abs(target))) or 1.0
        best: tuple[float, np.ndarray, float] = (np.inf, starts[0], 0.0)
        for start in starts:
            u = start
            if start.size:
                u = least_squares(
                    lambda v: (self.model(v, xs, target)[0] - target) / norm, start, xtol=1e-15, ftol=1e-15, gtol=1e-15
                ).x
            model, scale = self.model(u, xs, target)
            error = float(np.max(np.abs(model - target))) / norm
            if error < best[0]:
                best = (error, u, scale)
            if error < 1e-10:
                break
        return best

    def fit_jumps(
        self, xs: np.ndarray, target: np.ndarray, starts: list[np.ndarray]
    ) -> tuple[float, np.ndarray, float]:
        """For shapes with jumps: fit running integrals (continuous in the parameters), then
        snap the parameters to short exact numbers and re-check g itself."""
        from scipy.optimize import least_squares, minimize

        # Integrate finely where g_a changes (its jumps and slopes), with a margin on each side.
        fine = np.linspace(*moving_region(xs, target), 20001)
        target_area = _running_integral(fine, self.target_fn)
        span = float(np.ptp(target_area)) or 1.0

        def residual(u: np.ndarray) -> np.ndarray:
            values, k = self.unpack(u)
            with np.errstate(all="ignore"):
                model = _running_integral(fine, lambda t: self.gb(k * t, *values))
            if not np.all(np.isfinite(model)):
                return np.full_like(fine, 1e6)
            design = np.column_stack([model, np.ones_like(model)])
            coef, *_ = np.linalg.lstsq(design, target_area, rcond=None)
            return (design @ coef - target_area) / span

        def cost(u: np.ndarray) -> float:
            return float(np.sum(residual(u) ** 2))

        if starts[0].size:
            # Jump positions make the cost rugged: scan around the starts, descend from the best.
            rng = np.random.default_rng(3)
            scan = [start + offset for start in starts[:2] for offset in rng.uniform(-3, 3, (60, starts[0].size))]
            starts = sorted([*starts, *scan], key=cost)[:4]
        best: tuple[float, np.ndarray, float] = (np.inf, starts[0], 0.0)
        for start in starts:
            if start.size:
                u = least_squares(residual, start, diff_step=1e-2, xtol=1e-12, ftol=1e-12).x
                # The residual is flat below the grid spacing; a simplex search finishes the job.
                u = minimize(
                    cost,
                    u,
                    method="Nelder-Mead",
                    options={"xatol": 1e-10, "fatol": 1e-30, "maxiter": 400},
                ).x
            else:
                u = start
            snapped = self.snap(u)
            if snapped is None:
                continue
            model, scale = self.model(snapped, xs, target)
            error = float(np.max(np.abs(model - target))) / (float(np.max(np.abs(target))) or 1.0)
            if error < best[0]:
                best = (error, snapped, scale)
            if error < 1e-10:
                break
        return best

    def snap(self, u: np.ndarray, tolerance: float = 3e-3, denominator: int = 48) -> np.ndarray | None:
        full = self.full(u)
        snapped = []
        for i, value in enumerate(full):
            if i in self.frozen:
                continue
            logged = i >= len(self.log) or self.log[i]
            plain = float(np.exp(value)) if logged else float(value)
            exact = as_exact(plain, tolerance=tolerance, denominator=denominator)
            if exact is None or (logged and exact <= 0):
                return None
            snapped.append(np.log(float(exact)) if logged else float(exact))
        return np.array(snapped, dtype=float)

    def freeze_redundant(self, u: np.ndarray, xs: np.ndarray, target: np.ndarray, step: float = 1e-6) -> np.ndarray:
        """Freeze one variable the data cannot identify at u; returns the reduced u. (Use a
        coarse ``step`` where jumps move: a jump's position has no derivative at a fine one.)"""
        if u.size == 0:
            return u
        columns = []
        for i in range(u.size):
            up, down = u.copy(), u.copy()
            up[i] += step
            down[i] -= step
            columns.append((self.model(up, xs, target)[0] - self.model(down, xs, target)[0]) / (2 * step))
        jac = np.column_stack(columns)
        _, singular, vh = np.linalg.svd(jac, full_matrices=False)
        if singular[0] == 0 or singular[-1] > max(1e-6, 10 * step**2) * singular[0]:
            return u
        null = np.abs(vh[-1])
        free_indices = [i for i in range(self.size) if i not in self.frozen]
        k_position = len(free_indices) - 1 if self.free_k and (self.size - 1) in free_indices else None
        pick = k_position if k_position is not None and null[k_position] > 0.1 else int(np.argmax(null))
        self.frozen[free_indices[pick]] = self.rest[free_indices[pick]]
        return np.delete(u, pick)

    def starts(self, rng: random.Random) -> list[np.ndarray]:
        base = [np.log(p.default) if log else float(p.default) for p, log in zip(self.traced, self.log, strict=False)]
        base = [b for i, b in enumerate([*base, 0.0][: self.size]) if i not in self.frozen]
        starts = [np.array(base, dtype=float)]
        for _ in range(24):
            starts.append(np.array([b + rng.uniform(-3, 3) for b in base], dtype=float))
        return starts


def as_exact(value: float, tolerance: float = 1e-10, denominator: int = 1000) -> sp.Expr | None:
    """A short exact number equal to ``value`` within ``tolerance``: q·c^p, q rational, c a constant."""
    if abs(value) < 1e-12:
        return sp.Integer(0)
    for constant in CONSTANTS:
        for power in (1, -1, 2, -2):
            base = constant**power
            q = Fraction(value / float(base)).limit_denominator(denominator)
            if q != 0 and abs(float(q) * float(base) - value) <= tolerance * abs(value):
                return sp.Rational(q.numerator, q.denominator) * base
    return None


def generalise(samples: list[tuple[list[float], float]], symbols: list[sp.Symbol]) -> list[sp.Expr]:
    """Exact candidate expressions in ``symbols`` through the points (θ_a values, u)."""
    with np.errstate(all="ignore"):
        return _candidates(samples, symbols)


def _candidates(samples: list[tuple[list[float], float]], symbols: list[sp.Symbol]) -> list[sp.Expr]:
    thetas = np.array([s[0] for s in samples], dtype=float)
    us = np.array([s[1] for s in samples], dtype=float)
    candidates: list[sp.Expr] = []
    if np.allclose(us, us[0], rtol=1e-8, atol=1e-12):
        candidates.append(as_exact(us[0]))
    if np.all(us != 0) and np.all(thetas > 0):
        design = np.column_stack([np.ones(len(us)), np.log(thetas)])
        coef, *_ = np.linalg.lstsq(design, np.log(np.abs(us)), rcond=None)
        powers = [sp.Rational(round(p * 4), 4) for p in coef[1:]]
        monomial = sp.Mul(*[s**p for s, p in zip(symbols, powers, strict=True)])
        ratio = us / np.array([float(monomial.subs(dict(zip(symbols, t, strict=True)))) for t in thetas])
        if np.allclose(ratio, ratio[0], rtol=1e-8):
            constant = as_exact(ratio[0])
            candidates.append(None if constant is None else constant * monomial)
    design = np.column_stack([np.ones(len(us)), thetas])
    coef, *_ = np.linalg.lstsq(design, us, rcond=None)
    if np.allclose(design @ coef, us, rtol=1e-8, atol=1e-10):
        exact = [as_exact(c) for c in coef]
        if None not in exact:
            candidates.append(exact[0] + sum(c * s for c, s in zip(exact[1:], symbols, strict=True)))
    if len(symbols) == 1 and len(us) >= 4:
        # Möbius form u·(q0 + q1·θ) = p0 + p1·θ: the null vector of a linear system.
        t = thetas[:, 0]
        _, _, vh = np.linalg.svd(np.column_stack([np.ones_like(t), t, -us, -us * t]))
        p0, p1, q0, q1 = vh[-1] / (vh[-1][np.argmax(np.abs(vh[-1]))])
        if np.allclose((p0 + p1 * t) / (q0 + q1 * t), us, rtol=1e-8):
            s = symbols[0]
            e0, e1, f0, f1 = (as_exact(v) for v in (p0, p1, q0, q1))
            if None not in (e0, e1, f0, f1):
                candidates.append(sp.cancel((e0 + e1 * s) / (f0 + f1 * s)))
    return [c for c in candidates if c is not None]
