"""Deciding whether two surrogates are one shape: g_a(x) = scale · g_b(x_scale · x; θ_b(θ_a)).

The search is numeric, the verdict is not. For fixed parameter values of ``a`` a least-squares
fit over ``b``'s parameters and the x-scale (the output scale is solved in closed form)
proposes a mapping; fits at several values of ``a``'s free parameters are generalised to
exact expressions (constants, monomials, affine or Möbius forms in a's parameters, with
constants recognised by ``nsimplify``); the mapping is accepted only when SymPy proves
``g_a − scale·g_b∘mapping = 0`` or, where ``simplify`` cannot decide (Piecewise), when 40
random points agree to 25 digits in mpmath. The x-scale is fixed to 1 first, because it is
redundant whenever one of b's parameters already scales x.
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from ._calculus import X, split_kinks
from ._catalog import catalog_entries, load_spec
from ._spec import Spec, _exact, param_symbol

_CONSTANTS = [sp.Integer(1), sp.pi, sp.sqrt(sp.pi), sp.sqrt(2), sp.sqrt(3), sp.E, sp.sqrt(2 * sp.pi)]
_STATIC_CANDIDATES = range(1, 9)


@dataclass(frozen=True)
class Equivalence:
    """``g_a(x) = scale · g_b(x_scale · x; params)`` for every x (and every free parameter of a).

    Attributes:
        a: name of the first surrogate (with its fixed parameter values, if any).
        b: name of the catalog shape it maps onto.
        params: b's parameters as exact expressions in a's parameters.
        x_scale: factor on x inside b.
        scale: constant factor on b's output.
        proof: ``"symbolic"`` (SymPy simplified the difference to 0) or ``"numeric"``
            (random points agree to 25 digits; used where Piecewise defeats ``simplify``).
        fixed: a's parameters that were held at numeric values.
    """

    a: str
    b: str
    params: Mapping[str, sp.Expr]
    x_scale: sp.Expr
    scale: sp.Expr
    proof: str
    fixed: Mapping[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        inner = "x" if self.x_scale == 1 else f"({self.x_scale})*x"
        args = ", ".join(f"{k}={v}" for k, v in self.params.items())
        factor = "" if self.scale == 1 else f"{self.scale} * "
        return f"{self.a}(x) = {factor}{self.b}({inner}; {args})  [{self.proof} proof]"


def _resolve(obj: Any) -> tuple[Spec, dict[str, float]]:
    """The Spec and the numerically fixed parameters of a name, Spec, class or instance."""
    from ._api import as_spec
    from ._runtime import Surrogate

    spec = as_spec(obj)
    fixed = {}
    if isinstance(obj, Surrogate):
        fixed = {p.name: p.default for p in spec.params}
    return spec, fixed


def _label(spec: Spec, fixed: Mapping[str, float]) -> str:
    name = f"{spec.group.split(':')[1]}.{spec.name}" if spec.group.startswith("presets:") else spec.name
    return name + (f"({', '.join(f'{k}={v!r}' for k, v in fixed.items())})" if fixed else "")


def _numeric(expr: sp.Expr, symbols: list[sp.Symbol]) -> Any:
    """A NumPy function of (x, *symbols); kinks become Piecewise so that NumPy can vectorise."""
    function = sp.lambdify([X, *symbols], split_kinks(expr), modules="numpy")

    def evaluate(xs: np.ndarray, *values: float) -> np.ndarray:
        try:
            with np.errstate(all="ignore"):
                out = np.asarray(function(xs, *values), dtype=float)
        except (OverflowError, ZeroDivisionError, ValueError, TypeError):
            return np.full(xs.shape, np.nan)  # parameters far outside any sensible range
        return np.broadcast_to(out, xs.shape)

    return evaluate


def _grid(ga: Any, free_values: list[float]) -> np.ndarray:
    """Sample points scaled to where g_a lives; offset so they miss round-number knots."""
    probe = np.concatenate([-np.logspace(-4, 4, 400), np.logspace(-4, 4, 400)])
    values = np.abs(ga(probe, *free_values))
    peak = np.nanmax(np.where(np.isfinite(values), values, 0.0))
    alive = probe[np.isfinite(values) & (values >= 0.05 * peak)] if peak > 0 else probe
    width = float(np.clip(np.max(np.abs(alive)), 1e-3, 10.0)) if alive.size else 1.0
    core = np.linspace(-3.0, 3.0, 241) + 0.0123457
    tails = np.array([-20.0, -12.0, -8.0, -5.0, 5.0, 8.0, 12.0, 20.0]) + 0.0321
    return width * np.concatenate([core, tails])


def _running_integral(xs: np.ndarray, function: Any) -> np.ndarray:
    """∫ from xs[0] to each x of ``function``, by the midpoint rule on a fine sorted grid."""
    mids = (xs[1:] + xs[:-1]) / 2
    with np.errstate(all="ignore"):
        values = np.asarray(function(mids), dtype=float)
    return np.concatenate([[0.0], np.cumsum(values * np.diff(xs))])


def _is_height(grad: sp.Expr, symbol: sp.Symbol) -> bool:
    """Whether g is proportional to this parameter (g(2θ) = 2·g(θ) identically)."""
    try:
        return sp.simplify(sp.piecewise_fold(grad.xreplace({symbol: 2 * symbol}) - 2 * grad)) == 0
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False


class _Fitter:
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
        self.gb = _numeric(grad, [param_symbol(p) for p in self.traced])
        self.free_k = free_k
        self.log = [p.domain == "positive" for p in self.traced]
        self.size = len(self.traced) + free_k
        # Frozen variables: index -> value (1 for positive parameters and k, else the default).
        self.target_fn: Any = None
        self.rest = [0.0 if log else float(p.default) for p, log in zip(self.traced, self.log, strict=True)] + [0.0]
        # A pure height (g_b = θ·h(x)) is redundant with the output scale: hold it at 1.
        self.frozen: dict[int, float] = {
            i: 0.0 for i, p in enumerate(self.traced) if self.log[i] and _is_height(grad, param_symbol(p))
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
        from scipy.optimize import least_squares

        core = np.max(np.abs(xs[:-8]))
        fine = np.linspace(-core, core, 20001)
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

        best: tuple[float, np.ndarray, float] = (np.inf, starts[0], 0.0)
        for start in starts:
            u = least_squares(residual, start, diff_step=1e-2, xtol=1e-12, ftol=1e-12).x if start.size else start
            snapped = self._snap(u)
            if snapped is None:
                continue
            model, scale = self.model(snapped, xs, target)
            error = float(np.max(np.abs(model - target))) / (float(np.max(np.abs(target))) or 1.0)
            if error < best[0]:
                best = (error, snapped, scale)
            if error < 1e-10:
                break
        return best

    def _snap(self, u: np.ndarray) -> np.ndarray | None:
        full = self.full(u)
        snapped = []
        for i, value in enumerate(full):
            if i in self.frozen:
                continue
            logged = i >= len(self.log) or self.log[i]
            plain = float(np.exp(value)) if logged else float(value)
            exact = _as_exact(plain, tolerance=3e-3, denominator=48)
            if exact is None or (logged and exact <= 0):
                return None
            snapped.append(np.log(float(exact)) if logged else float(exact))
        return np.array(snapped, dtype=float)

    def freeze_redundant(self, u: np.ndarray, xs: np.ndarray, target: np.ndarray) -> np.ndarray:
        """Freeze one variable the data cannot identify at u; returns the reduced u."""
        if u.size == 0:
            return u
        step = 1e-6
        columns = []
        for i in range(u.size):
            shifted = u.copy()
            shifted[i] += step
            columns.append((self.model(shifted, xs, target)[0] - self.model(u, xs, target)[0]) / step)
        jac = np.column_stack(columns)
        _, singular, vh = np.linalg.svd(jac, full_matrices=False)
        if singular[0] == 0 or singular[-1] > 1e-6 * singular[0]:
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


def _as_exact(value: float, tolerance: float = 1e-10, denominator: int = 1000) -> sp.Expr | None:
    """A short exact number equal to ``value`` within ``tolerance``: q·c^p, q rational, c a constant."""
    if abs(value) < 1e-12:
        return sp.Integer(0)
    for constant in _CONSTANTS:
        for power in (1, -1, 2, -2):
            base = constant**power
            q = Fraction(value / float(base)).limit_denominator(denominator)
            if q != 0 and abs(float(q) * float(base) - value) <= tolerance * abs(value):
                return sp.Rational(q.numerator, q.denominator) * base
    return None


def _generalise(samples: list[tuple[list[float], float]], symbols: list[sp.Symbol]) -> list[sp.Expr]:
    """Exact candidate expressions in ``symbols`` through the points (θ_a values, u)."""
    with np.errstate(all="ignore"):
        return _candidates(samples, symbols)


def _candidates(samples: list[tuple[list[float], float]], symbols: list[sp.Symbol]) -> list[sp.Expr]:
    thetas = np.array([s[0] for s in samples], dtype=float)
    us = np.array([s[1] for s in samples], dtype=float)
    candidates: list[sp.Expr] = []
    if np.allclose(us, us[0], rtol=1e-8, atol=1e-12):
        candidates.append(_as_exact(us[0]))
    if np.all(us != 0) and np.all(thetas > 0):
        design = np.column_stack([np.ones(len(us)), np.log(thetas)])
        coef, *_ = np.linalg.lstsq(design, np.log(np.abs(us)), rcond=None)
        powers = [sp.Rational(round(p * 4), 4) for p in coef[1:]]
        monomial = sp.Mul(*[s**p for s, p in zip(symbols, powers, strict=True)])
        ratio = us / np.array([float(monomial.subs(dict(zip(symbols, t, strict=True)))) for t in thetas])
        if np.allclose(ratio, ratio[0], rtol=1e-8):
            constant = _as_exact(ratio[0])
            candidates.append(None if constant is None else constant * monomial)
    design = np.column_stack([np.ones(len(us)), thetas])
    coef, *_ = np.linalg.lstsq(design, us, rcond=None)
    if np.allclose(design @ coef, us, rtol=1e-8, atol=1e-10):
        exact = [_as_exact(c) for c in coef]
        if None not in exact:
            candidates.append(exact[0] + sum(c * s for c, s in zip(exact[1:], symbols, strict=True)))
    if len(symbols) == 1 and len(us) >= 4:
        # Möbius form u·(q0 + q1·θ) = p0 + p1·θ: the null vector of a linear system.
        t = thetas[:, 0]
        _, _, vh = np.linalg.svd(np.column_stack([np.ones_like(t), t, -us, -us * t]))
        p0, p1, q0, q1 = vh[-1] / (vh[-1][np.argmax(np.abs(vh[-1]))])
        if np.allclose((p0 + p1 * t) / (q0 + q1 * t), us, rtol=1e-8):
            s = symbols[0]
            e0, e1, f0, f1 = (_as_exact(v) for v in (p0, p1, q0, q1))
            if None not in (e0, e1, f0, f1):
                candidates.append(sp.cancel((e0 + e1 * s) / (f0 + f1 * s)))
    return [c for c in candidates if c is not None]


def _verify(ga: sp.Expr, mapped: sp.Expr, spec_a: Spec, free: list[str], fixed: Mapping[str, float]) -> str | None:
    """'symbolic' or 'numeric' when ga == mapped, else None."""
    difference = ga - mapped
    try:
        if sp.simplify(difference) == 0:
            return "symbolic"
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        pass
    rng = random.Random(1234)
    symbols = {p.name: param_symbol(p) for p in spec_a.params}
    defaults = {p.name: p.default for p in spec_a.params}
    with mpmath.workdps(30):
        for _ in range(40):
            values = {}
            for name in free:
                default = float(defaults[name])
                domain = next(p.domain for p in spec_a.params if p.name == name)
                if domain == "positive":
                    value = default * np.exp(rng.uniform(-0.7, 0.7))
                else:
                    value = default + rng.uniform(-1, 1)
                values[symbols[name]] = sp.Rational(repr(round(float(value), 6)))
            x = sp.Rational(repr(round(rng.uniform(-6, 6), 6)))
            point = {X: x, **values}
            try:
                lhs = complex(sp.N(ga.xreplace(point), 30))
                rhs = complex(sp.N(mapped.xreplace(point), 30))
            except (TypeError, ValueError):
                return None
            if not np.isfinite(lhs) or abs(lhs - rhs) > 1e-20 * (1 + abs(lhs)):
                return None
    return "numeric"


def equivalent(a: Any, b: Any, *, fix: Mapping[str, float] | None = None) -> Equivalence | None:
    """Whether ``a`` is ``b``'s shape up to a parameter mapping, an x-scale and a constant scale.

    Args:
        a: a catalog or preset name, Spec, surrogate class, or instance (an instance fixes
            its parameter values: ``presets.spikingjelly.QPseudoSpike(alpha=2.0)``).
        b: the shape to map onto (its parameters are what is solved for).
        fix: parameters of ``a`` to hold at these values.

    Returns:
        The :class:`Equivalence` (with exact expressions), or None when there is none.

    >>> print(equivalent("snntorch.fast_sigmoid", "spyx.superspike"))
    snntorch.fast_sigmoid(x) = spyx.superspike(x; k=slope)  [symbolic proof]
    >>> equivalent("Sigmoid", "spikingjelly.ATan") is None
    True
    """
    spec_a, fixed = _resolve(a)
    spec_b, _ = _resolve(b)
    fixed = {**fixed, **dict(fix or {})}
    for p in spec_a.params:
        if p.static:
            fixed.setdefault(p.name, p.default)
    unknown = sorted(set(fixed) - {p.name for p in spec_a.params})
    if unknown:
        raise ValueError(f"{spec_a.name} has no parameter {unknown[0]!r}")
    ga = spec_a.grad.xreplace({param_symbol(p): _exact(fixed[p.name]) for p in spec_a.params if p.name in fixed})
    ga = ga.doit() if ga.has(sp.Sum) else ga
    free = [p for p in spec_a.params if p.name not in fixed]
    free_symbols = [param_symbol(p) for p in free]
    ga_numeric = _numeric(ga, free_symbols)
    samples = _parameter_samples(free)
    statics = [p for p in spec_b.params if p.static]
    for free_k in (False, True):
        for combo in itertools.product(_STATIC_CANDIDATES, repeat=len(statics)):
            static = {p.name: n for p, n in zip(statics, combo, strict=True)}
            found = _search(spec_a, spec_b, ga, ga_numeric, free, samples, static, free_k, fixed)
            if found is not None:
                return found
    return None


def _parameter_samples(free: list) -> list[list[float]]:
    """Values of a's free parameters to fit at: defaults, then independent short-rational changes
    (short, so that mappings of shapes with jumps snap to exact numbers)."""
    rng = random.Random(7)
    factors = (1.5, 2 / 3, 1.25, 2.0, 0.5, 5 / 3, 0.8, 3.0)
    samples = [[float(p.default) for p in free]]
    for _ in range(len(free) + 4 if free else 0):
        row = []
        for p in free:
            if p.domain == "positive":
                row.append(float(p.default) * rng.choice(factors))
            else:
                row.append(float(p.default) + rng.choice((0.25, 0.5, 0.75, 1.0, 1.5)))
        samples.append(row)
    return samples


def _search(
    spec_a: Spec,
    spec_b: Spec,
    ga: sp.Expr,
    ga_numeric: Any,
    free: list,
    samples: list[list[float]],
    static: Mapping[str, int],
    free_k: bool,
    fixed: Mapping[str, float],
) -> Equivalence | None:
    fitter = _Fitter(spec_b, static, free_k)
    rng = random.Random(0)
    xs = _grid(ga_numeric, samples[0])
    jumps = ga.has(sp.Piecewise) or spec_b.grad.has(sp.Piecewise)

    def attempt(values: list[float], starts: list[np.ndarray]) -> tuple[float, np.ndarray, float, bool]:
        target = ga_numeric(xs, *values)
        if not np.all(np.isfinite(target)) or not np.any(target):
            return np.inf, starts[0], 0.0, False
        error, u, scale = fitter.fit(xs, target, starts)
        if error > 1e-6 and jumps:
            fitter.target_fn = lambda t: ga_numeric(t, *values)
            return (*fitter.fit_jumps(xs, target, starts[:8]), True)
        return error, u, scale, False

    error, u, _, snapped = attempt(samples[0], fitter.starts(rng))
    if error > 1e-6:
        return None
    for _ in range(fitter.size if not snapped else 0):
        reduced = fitter.freeze_redundant(u, xs, ga_numeric(xs, *samples[0]))
        if reduced.size == u.size:
            break
        error, u, _, _ = attempt(samples[0], [reduced, *fitter.starts(rng)])
        if error > 1e-6:
            return None
    starts = [u, *fitter.starts(rng)]
    fits = []
    for values in samples:
        if not np.all(np.isfinite(ga_numeric(xs, *values))):
            continue  # outside a's domain (QPseudoSpike at alpha = 1): other samples decide
        error, u, scale, _ = attempt(values, starts)
        if error > 1e-6:
            return None
        starts = [u, *starts[1:]]
        fitted, k = fitter.unpack(u)
        fits.append((values, [*fitted, k, scale]))
    free_symbols = [param_symbol(p) for p in free]
    columns = []
    for index in range(len(fits[0][1])):
        points = [(values, u[index]) for values, u in fits]
        options = _generalise(points, free_symbols) if free else [e for e in [_as_exact(points[0][1])] if e is not None]
        if not options:
            return None
        columns.append(options)
    names = [p.name for p in fitter.traced]
    for choice in itertools.product(*columns):
        *mapped_params, k, scale = choice
        exprs = {p: e for p, e in zip(fitter.traced, mapped_params, strict=True)}
        subs = {param_symbol(p): e for p, e in exprs.items()}
        subs.update({param_symbol(p): sp.Integer(n) for p in spec_b.params if p.static for n in [static[p.name]]})
        subs[X] = k * X
        gb = spec_b.grad.xreplace(subs)
        gb = gb.doit() if gb.has(sp.Sum) else gb
        proof = _verify(ga, scale * gb, spec_a, [p.name for p in free], fixed)
        if proof is not None:
            params = {p.name: sp.Integer(static[p.name]) for p in spec_b.params if p.static}
            params.update({name: e for name, e in zip(names, mapped_params, strict=True)})
            ordered = {p.name: params[p.name] for p in spec_b.params}
            return Equivalence(_label(spec_a, fixed), _label(spec_b, {}), ordered, k, scale, proof, dict(fixed))
    return None


def _parse_target(text: str) -> tuple[str, dict[str, float]]:
    """``name`` or ``name(alpha=2, k=3.5)`` from the command line."""
    name, _, rest = text.partition("(")
    values: dict[str, float] = {}
    if rest:
        if not rest.endswith(")"):
            raise ValueError(f"{text!r}: expected NAME or NAME(param=value, ...)")
        for item in filter(None, (s.strip() for s in rest[:-1].split(","))):
            key, sep, value = item.partition("=")
            try:
                values[key.strip()] = float(value)
            except ValueError:
                raise ValueError(f"{text!r}: {item!r} is not param=number") from None
            if not sep:
                raise ValueError(f"{text!r}: {item!r} is not param=number")
    return name.strip(), values


def _cmd_compare(args: argparse.Namespace) -> int:
    name_a, values_a = _parse_target(args.a)
    name_b, _ = _parse_target(args.b)
    names = catalog_entries()
    for name in (name_a, name_b):
        if name not in names:
            load_spec(name)  # raises KeyError with a close-match suggestion
    result = equivalent(name_a, name_b, fix=values_a)
    if result is None:
        print(f"{args.a} and {args.b} are not the same shape (no parameter map, x-scale and output scale found)")
        return 1
    print(result)
    return 0


def add_commands(subparsers: Any) -> None:
    """The ``compare`` subcommand."""
    compare = subparsers.add_parser(
        "compare", help="decide whether A is B's shape up to a parameter map, x-scale and output scale"
    )
    compare.add_argument("a", help="a catalog or preset name, optionally with values: NAME(alpha=2)")
    compare.add_argument("b", help="the shape to map onto")
    compare.set_defaults(func=_cmd_compare)


__all__ = ["Equivalence", "equivalent"]
