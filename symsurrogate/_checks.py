"""Checks: each property decided symbolically where SymPy can, and numerically always."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from ._calculus import X
from ._spec import Spec

GRID = np.concatenate([np.linspace(-8, 8, 321), [-1e-3, 1e-3, 0.5, -0.5]])


@dataclass(frozen=True)
class CheckResult:
    """One check of one surrogate: what was expected, what was found, and how it was decided."""

    surrogate: str
    check: str
    ok: bool
    expected: str
    found: str
    method: str

    def __str__(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        return f"{mark} {self.check}: expected {self.expected}; found {self.found} ({self.method})"


@dataclass
class Report:
    """The outcome of :func:`check`: per-check results and the measured properties."""

    surrogate: str
    results: list[CheckResult] = field(default_factory=list)
    properties: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    def add(self, check: str, ok: bool, expected: str, found: str, method: str) -> None:
        self.results.append(CheckResult(self.surrogate, check, bool(ok), expected, found, method))

    def __str__(self) -> str:
        head = f"{self.surrogate}: {'all checks passed' if self.ok else 'CHECKS FAILED'}"
        props = ", ".join(f"{k}={_fmt(v)}" for k, v in self.properties.items())
        return "\n".join([head, *(f"  {r}" for r in self.results), f"  properties: {props}"])


def _fmt(value: object) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def mp_function(expr: sp.Expr) -> Callable[[float], mpmath.mpf]:
    """An mpmath evaluator of ``expr`` in x (parameters already substituted)."""
    fn = sp.lambdify(X, expr, modules="mpmath")

    def evaluate(x: float) -> mpmath.mpf:
        with mpmath.workdps(40):
            return fn(mpmath.mpf(x))

    return evaluate


def is_zero(expr: sp.Expr, points: np.ndarray = GRID) -> tuple[bool, str]:
    """Decide expr ≡ 0: symbolically when SymPy simplifies it to 0, else numerically (40 digits)."""
    try:
        if sp.simplify(sp.piecewise_fold(expr)) == 0:
            return True, "symbolic"
    except (TypeError, ValueError, NotImplementedError):
        pass
    fn = mp_function(expr)
    worst = max(abs(fn(float(p))) for p in points)
    return bool(worst < 1e-25), f"numeric, max |difference| {float(worst):.2e} on {len(points)} points"


def check_spec(spec: Spec, runtime: Callable | None = None) -> Report:
    """Check ``spec`` at its default parameters; ``runtime`` is its JAX class, if generated."""
    report = Report(spec.name)
    g = spec.at(spec.grad)
    g_mp = mp_function(g)
    if spec.primitive is not None:
        G = spec.at(spec.primitive)
        ok, how = is_zero(sp.diff(G, X) - g, GRID[np.abs(np.abs(GRID) - 1) > 1e-9])
        report.add("derivative", ok, "dG/dx = g", "equal" if ok else "different", how)
    values = np.array([float(g_mp(p)) for p in GRID])
    report.properties["integral"] = _integral(g, g_mp)
    report.properties["peak"] = float(values.max())
    report.properties["peak_at"] = float(GRID[values.argmax()])
    symmetric, _ = is_zero(g - g.subs(X, -X))
    report.properties["symmetric"] = symmetric
    report.properties["nonnegative"] = bool(values.min() >= 0)
    if runtime is not None:
        _check_runtime(report, runtime, g_mp)
    return report


def _integral(g: sp.Expr, g_mp: Callable) -> float:
    try:
        value = sp.integrate(g, (X, -sp.oo, sp.oo))
        if value.is_finite and not value.has(sp.Integral):
            return float(value)
        if value in (sp.oo, -sp.oo, sp.zoo):
            return math.inf
    except (NotImplementedError, ValueError, TypeError):
        pass
    with mpmath.workdps(20):
        value = mpmath.quad(g_mp, [-mpmath.inf, -1, 0, 1, mpmath.inf])
    return float(value) if abs(value) < 1e12 else math.inf


def _check_runtime(report: Report, surrogate: Callable, g_mp: Callable) -> None:
    import jax
    import jax.numpy as jnp

    x = jnp.asarray(GRID, jnp.float32)
    reference = np.array([float(g_mp(float(p))) for p in np.asarray(x, np.float64)])
    tolerance = 1e-5 * np.maximum(np.abs(reference), 1e-30) + 1e-6 * np.abs(reference).max()
    for how, fn in {
        "grad": lambda v: jax.grad(lambda s: surrogate(s))(v),
        "vmap(grad)": jax.vmap(jax.grad(lambda s: surrogate(s))),
        "jit(grad(sum))": jax.jit(jax.grad(lambda v: surrogate(v).sum())),
    }.items():
        if how == "grad":
            got = np.array([float(fn(v)) for v in x[::16]])
            ref, tol = reference[::16], tolerance[::16]
        else:
            got, ref, tol = np.asarray(fn(x), np.float64), reference, tolerance
        worst = float(np.max(np.abs(got - ref) - tol))
        report.add(
            f"runtime {how}", worst <= 0, "g(x) from mpmath", f"max excess error {worst:.1e}", "numeric, float32"
        )
