"""Deciding whether two surrogates are one shape: g_a(x) = scale · g_b(x_scale · x; θ_b(θ_a)).

The search is numeric, the verdict is not. For fixed parameter values of ``a`` a least-squares
fit over ``b``'s parameters and the x-scale (the output scale is solved in closed form)
proposes a mapping (shapes with jumps are fitted through their running integrals and
snapped to short exact numbers); fits at several values of ``a``'s free parameters are
generalised to exact expressions (constants, monomials, affine or Möbius forms in a's
parameters, constants recognised as q·c^p with c among π, √π, √2, √3, e, √(2π)); a mapping
is accepted only when SymPy proves ``g_a − scale·g_b∘mapping = 0`` or, where ``simplify``
cannot decide (Piecewise), when 40 random points agree to 25 digits. The x-scale is fixed
to 1 first, because it is redundant whenever one of b's parameters already scales x.
"""

from __future__ import annotations

import argparse
import itertools
import random
import signal
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._spec import Spec, _exact, param_symbol
from ._fitting import Fitter, as_exact, generalise, grid, numeric, refine

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
        inner = sp.sstr(self.x_scale * X)
        args = "".join(f"; {k}={v}" if i == 0 else f", {k}={v}" for i, (k, v) in enumerate(self.params.items()))
        factor = "" if self.scale == 1 else f"{sp.sstr(self.scale)} * "
        return f"{self.a}(x) = {factor}{self.b}({inner}{args})  [{self.proof} proof]"


def _resolve(obj: Any) -> tuple[Spec, dict[str, float]]:
    """The Spec and the numerically fixed parameters of a name, Spec, class or instance."""
    from .._runtime import Surrogate
    from .._symbolic._catalog import as_spec

    spec = as_spec(obj)
    fixed = {}
    if isinstance(obj, Surrogate):
        fixed = {p.name: p.default for p in spec.params}
    return spec, fixed


def _label(spec: Spec, fixed: Mapping[str, float]) -> str:
    name = f"{spec.group.split(':')[1]}.{spec.name}" if spec.group.startswith("presets:") else spec.name
    return name + (f"({', '.join(f'{k}={v!r}' for k, v in fixed.items())})" if fixed else "")


class _Timeout(Exception):
    pass


def _simplifies_to_zero(expr: sp.Expr, seconds: float = 5.0) -> bool:
    """sp.simplify(expr) == 0, given up after ``seconds`` (simplify can run for minutes)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return sp.cancel(expr) == 0

    def interrupt(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return sp.simplify(expr) == 0
    except (_Timeout, TypeError, ValueError, NotImplementedError, RecursionError):
        return False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _verify(ga: sp.Expr, mapped: sp.Expr, spec_a: Spec, free: list[str], fixed: Mapping[str, float]) -> str | None:
    """'symbolic' or 'numeric' when ga == mapped, else None. Random points come first: they
    reject a wrong candidate fast; only a surviving one is given to simplify."""
    difference = ga - mapped
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
                # Floats, not Rationals: exact rational powers with long denominators are very slow.
                values[symbols[name]] = sp.Float(repr(round(float(value), 6)), 30)
            x = sp.Float(repr(round(rng.uniform(-6, 6), 6)), 30)
            point = {X: x, **values}
            try:
                lhs = complex(sp.N(ga.xreplace(point), 30))
                rhs = complex(sp.N(mapped.xreplace(point), 30))
            except (TypeError, ValueError):
                return None
            if not np.isfinite(lhs) or abs(lhs - rhs) > 1e-20 * (1 + abs(lhs)):
                return None
    return "symbolic" if _simplifies_to_zero(difference) else "numeric"


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
    ga_numeric = numeric(ga, free_symbols)
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
    # A zero default (a leak of 0) would make ratios and monomials degenerate: start off it.
    samples = [[float(p.default) if p.default != 0 else 0.5 for p in free]]
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
    fitter = Fitter(spec_b, static, free_k)
    rng = random.Random(0)
    xs = grid(ga_numeric, samples[0])
    jumps = ga.has(sp.Piecewise) or spec_b.grad.has(sp.Piecewise)

    def attempt(values: list[float], starts: list[np.ndarray]) -> tuple[float, np.ndarray, float, bool]:
        target = ga_numeric(xs, *values)
        if not np.all(np.isfinite(target)) or not np.any(target):
            return np.inf, starts[0], 0.0, False
        points = refine(xs, target) if jumps else xs
        target = ga_numeric(points, *values)
        if not np.all(np.isfinite(target)):
            return np.inf, starts[0], 0.0, False
        error, u, scale = fitter.fit(points, target, starts)
        if jumps and not (error <= 1e-6 and fitter.snap(u, tolerance=1e-9, denominator=1000) is not None):
            # A jump's position is only known to the grid spacing from g: pin it down
            # through running integrals and snap it to an exact number.
            fitter.target_fn = lambda t: ga_numeric(t, *values)
            refined = fitter.fit_jumps(points, target, [u, *starts[:3]] if error <= 1e-6 else starts[:4])
            if refined[0] <= 1e-6:
                return (*refined, True)
        return error, u, scale, False

    error, u, _, snapped = attempt(samples[0], fitter.starts(rng))
    if error > 1e-6:
        return None
    for _ in range(fitter.size):
        points = refine(xs, ga_numeric(xs, *samples[0])) if snapped else xs
        reduced = fitter.freeze_redundant(u, points, ga_numeric(points, *samples[0]), 1e-2 if snapped else 1e-6)
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
        options = generalise(points, free_symbols) if free else [e for e in [as_exact(points[0][1])] if e is not None]
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
    from .._symbolic._targets import resolve_target
    from .._symbolic._usercatalog import resolve

    resolve_target(args.a, args.catalog)  # unknown names and parameters fail here, naming the culprit
    name_a, values_a = _parse_target(args.a)
    spec_a, spec_b = resolve(name_a, args.catalog), resolve(_parse_target(args.b)[0], args.catalog)
    result = equivalent(spec_a, spec_b, fix=values_a)
    if result is None:
        print(f"{args.a} and {args.b} are not the same shape (no parameter map, x-scale and output scale found)")
        return 1
    print(result)
    return 0


def add_commands(subparsers: Any) -> None:
    """The ``compare`` subcommand."""
    from .._symbolic._targets import add_catalog_option

    compare = subparsers.add_parser(
        "compare", help="decide whether A is B's shape up to a parameter map, x-scale and output scale"
    )
    compare.add_argument("a", help="a catalog or preset name, optionally with values: NAME(alpha=2)")
    compare.add_argument("b", help="the shape to map onto")
    add_catalog_option(compare)
    compare.set_defaults(func=_cmd_compare)


__all__ = ["Equivalence", "equivalent"]
