"""Parameter knots: values where a Piecewise condition on a parameter switches.

QPseudoSpike's G has a separate branch for α = 1, where the general branch divides by
1 − α. At such a value every unselected branch must stay out of the gradient (see
``_stabilize._guarded_piecewise``), and the checks probe it as they probe the x knots: the
backward pass, ``grad(surrogate_fun)`` and the parameter gradients of both must be finite,
and the backward pass must equal the mpmath value of g at that parameter value.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._spec import Spec, param_symbol
from ._jaxchecks import POINTS, _close, _reference, describe, run_together


def parameter_knots(spec: Spec) -> dict[str, list[float]]:
    """For each traced parameter, the values in its domain where a condition on it alone switches.

    A condition that also involves x (|x| < 1/α) is an x knot, not a parameter knot.

    >>> import symsurrogate as ss
    >>> parameter_knots(ss.spec("Q", primitive="Piecewise((x, alpha > 1), (2*x, True))",
    ...                         params={"alpha": 2.0}))
    {'alpha': [1.0]}
    """
    exprs = [spec.grad, *([spec.primitive] if spec.primitive is not None else [])]
    found: dict[str, set[float]] = {}
    for p in spec.params:
        if p.static:
            continue
        symbol = param_symbol(p)
        others = {param_symbol(q): spec.at(param_symbol(q)) for q in spec.params if q.name != p.name}
        for expr in exprs:
            for rel in expr.atoms(sp.core.relational.Relational):
                if rel.has(X) or not rel.has(symbol):
                    continue
                try:
                    solutions = sp.solve(sp.Eq(rel.lhs, rel.rhs).subs(others), symbol)
                except (NotImplementedError, TypeError, ValueError):
                    continue
                for s in solutions:
                    value = complex(sp.N(s)) if s.is_number else None
                    if value is not None and value.imag == 0 and math.isfinite(value.real):
                        if (symbol.is_positive and value.real <= 0) or (symbol.is_nonnegative and value.real < 0):
                            continue
                        found.setdefault(p.name, set()).add(value.real)
    return {name: sorted(values) for name, values in found.items()}


def knot_checks(spec: Spec, cls: type) -> list[tuple[str, bool, str]]:
    """(name, ok, found) per parameter knot: finite derivatives there, and g against mpmath."""
    results = []
    for name, values in parameter_knots(spec).items():
        for value in values:
            params = {**spec.defaults, name: value}
            points = _points(spec, params)
            outs = _derivatives_at_knot(spec, cls, params, name, points)
            failed = next((out for out in outs.values() if isinstance(out, BaseException)), None)
            if failed is not None:  # the code failing to run at the knot is the finding
                results.append((f"knot {name}={value:g}", False, describe(failed)))
                continue
            problems = [f"{what} not finite" for what, out in outs.items() if not np.all(np.isfinite(out))]
            good, worst = _close(outs["backward"], _reference(spec, params, points))
            if not good:
                problems.append(f"backward differs from mpmath by {worst:.1e}")
            text = "; ".join(problems) or f"finite {', '.join(outs)}; backward within {worst:.1e} of mpmath"
            results.append((f"knot {name}={value:g}", not problems, text))
    return results


def _derivatives_at_knot(
    spec: Spec, cls: type, params: dict[str, float | int], name: str, points: np.ndarray
) -> dict[str, np.ndarray | BaseException]:
    """The backward pass at ``points`` and its derivative in parameter ``name`` (and the same
    for ``grad(surrogate_fun)`` when there is a G), each as an array or the exception it raised.

    All of them compile as one program (see :func:`._jaxchecks.run_together`), with the points
    and the parameter as its arguments.
    """
    import jax

    instance = cls(**params)

    def at(a: jax.Array) -> Callable[[jax.Array], jax.Array]:
        return cls(**{**params, name: a})

    cases = {
        "backward": lambda a, xs: jax.vmap(jax.grad(instance))(xs),
        f"d backward/d{name}": lambda a, xs: jax.vmap(jax.grad(lambda a, v: at(a)(v)), (None, 0))(a, xs),
    }
    if spec.primitive is not None:
        cases["grad(surrogate_fun)"] = lambda a, xs: jax.vmap(jax.grad(instance.surrogate_fun))(xs)
        cases[f"dG/d{name}"] = lambda a, xs: jax.vmap(jax.grad(lambda a, v: at(a).surrogate_fun(v)), (None, 0))(a, xs)
    outs = run_together(cases, np.float32(params[name]), jax.device_put(points))
    return {what: out if isinstance(out, BaseException) else np.asarray(out) for what, out in outs.items()}


def _points(spec: Spec, params: dict[str, float | int]) -> np.ndarray:
    """The fixed probe points plus the x knots of g and G at these parameter values (and their
    float32 neighbours)."""
    from ._mpref import numeric_knots

    knots = []
    for expr in (spec.grad, spec.primitive):
        if expr is not None:
            knots += numeric_knots(spec.at(expr, params))
    near = [np.float32(k) for k in knots if abs(k) < 1e30]
    near += [np.nextafter(k, np.float32(np.inf)) for k in near] + [np.nextafter(k, np.float32(-np.inf)) for k in near]
    return np.unique(np.concatenate([POINTS, np.asarray(near, np.float32)])).astype(np.float32)
