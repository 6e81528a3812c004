"""Parameter knots: values where a Piecewise condition on a parameter switches.

QPseudoSpike's G has a separate branch for α = 1, where the general branch divides by
1 − α. At such a value every unselected branch must stay out of the gradient (see
``_stabilize._guarded_piecewise``), and the checks probe it as they probe the x knots: the
backward pass, ``grad(surrogate_fun)`` and the parameter gradients of both must be finite,
and the backward pass must equal the mpmath value of g at that parameter value.
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._spec import Spec, param_symbol
from ._jaxchecks import POINTS, _close, _reference, describe


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
    import jax
    import jax.numpy as jnp

    results = []
    for name, values in parameter_knots(spec).items():
        for value in values:
            params = {**spec.defaults, name: value}
            instance = cls(**params)
            points = _points(spec, params)
            xs = jax.device_put(np.asarray(points))
            problems: list[str] = []
            try:
                g = np.asarray(jax.vmap(jax.grad(lambda v: instance(v)))(xs))  # noqa: B023
                outs = {"backward": g}
                outs[f"d backward/d{name}"] = np.asarray(
                    jax.vmap(jax.grad(lambda a, v: cls(**{**params, name: a})(v)), (None, 0))(jnp.float32(value), xs)  # noqa: B023
                )
                if spec.primitive is not None:
                    outs["grad(surrogate_fun)"] = np.asarray(jax.vmap(jax.grad(instance.surrogate_fun))(xs))
                    outs[f"dG/d{name}"] = np.asarray(
                        jax.vmap(jax.grad(lambda a, v: cls(**{**params, name: a}).surrogate_fun(v)), (None, 0))(  # noqa: B023
                            jnp.float32(value), xs
                        )
                    )
            except Exception as err:  # the code failing to run at the knot is the finding
                results.append((f"knot {name}={value:g}", False, describe(err)))
                continue
            problems += [f"{what} not finite" for what, out in outs.items() if not np.all(np.isfinite(out))]
            good, worst = _close(g, _reference(spec, params, points))
            if not good:
                problems.append(f"backward differs from mpmath by {worst:.1e}")
            text = "; ".join(problems) or f"finite {', '.join(outs)}; backward within {worst:.1e} of mpmath"
            results.append((f"knot {name}={value:g}", not problems, text))
    return results


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
