"""The runtime under JAX transformations: grad, vmap, jit, forward mode, vmap over parameters.

Each transformation's gradient is compared with the mpmath value of the symbolic g (at the
float32-rounded parameter values, as the code sees them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

import numpy as np
import sympy as sp

from .._support._budget import bounded
from .._support._cache import cached
from .._symbolic._spec import Spec, param_symbol
from ._mpref import mp_function, real_value

POINTS = np.array([-3.0, -1.0, -0.3, -0.01, 0.0, 0.01, 0.3, 1.0, 3.0], np.float32)


def _reference(spec: Spec, values: dict[str, float | int], xs: np.ndarray) -> np.ndarray:
    subs = {
        param_symbol(p): sp.Integer(int(values[p.name])) if p.static else sp.Rational(float(np.float32(values[p.name])))
        for p in spec.params
    }
    expr = spec.grad.subs(subs)

    def compute() -> list[float]:
        g = mp_function(expr.doit() if expr.has(sp.Sum) else expr)
        return [float(real_value(g(float(x)))) for x in xs]

    key = (spec.formula_hash, sorted(values.items()), [float(x) for x in xs])
    return np.array(cached("transform-reference", key, lambda: bounded("reference", spec.name, compute)))


def _close(got: np.ndarray, ref: np.ndarray) -> tuple[bool, float]:
    got = np.asarray(got, np.float64)
    if got.size == 0:
        return True, 0.0
    scale = max(float(np.max(np.abs(ref))), 1e-30)
    with np.errstate(invalid="ignore"):  # inf − inf: a non-finite got fails below
        error = np.abs(got - ref) / (np.abs(ref) + 1e-3 * scale)  # sums cancel to ~0 (Fourier series)
    worst = float(np.max(error)) if error.size else 0.0
    return bool(np.all(np.isfinite(got)) and worst <= 1e-3), worst


def describe(err: BaseException) -> str:
    """One line naming an exception raised by the code under test."""
    lines = str(err).strip().splitlines()
    return f"raised {type(err).__name__}" + (f": {lines[0][:160]}" if lines else "")


def sweep_values(default: float | int, domain: str) -> list[float]:
    """Three parameter values around the default, inside the domain."""
    if domain == "real":
        return [default - 0.5, default, default + 0.5]
    if default == 0:
        return [0.0, 0.5, 1.0]
    return [default * 0.75, default, default * 1.5]  # near the default: QPseudoSpike(2) breaks at 1


def run_together(cases: Mapping[str, Callable[..., object]], *args: object) -> dict[str, object]:
    """Each case's output on ``args`` (or the exception it raised), compiled as one program
    when possible; the arguments are the program's, not constants XLA could fold.

    One XLA compilation instead of one per case: compilation dominates these tiny programs.
    When the combined program fails, each case runs alone so that the failure is attributed.
    The outputs come in the order of ``cases``.
    """
    import jax

    try:
        together = jax.jit(lambda *a: {name: run(*a) for name, run in cases.items()})(*args)
        return {name: together[name] for name in cases}
    except Exception:  # re-run one by one below to find which case failed
        pass
    outputs: dict[str, object] = {}
    for name, run in cases.items():
        try:
            outputs[name] = jax.jit(run)(*args)
        except Exception as err:  # the transformation itself failing is the finding
            outputs[name] = err
    return outputs


Verdicts = list[tuple[str, bool, str]]


def transform_cases(spec: Spec, cls: type) -> tuple[dict[str, Callable[[], object]], Callable[[Mapping], Verdicts]]:
    """The transformations of ``cls`` as cases to run (see :func:`run_together`), and the
    function that judges their outputs: (name, ok, found) for each.

    The cases may run in a program of their own or alongside other computations (the
    checks compile them with the gradients of :func:`._numerics.gradients`).
    """
    import jax
    import jax.numpy as jnp

    x = jax.device_put(POINTS)  # jnp.asarray would compile a staging program
    ref = _reference(spec, spec.defaults, POINTS)
    vjp, jvp = cls(**spec.defaults), cls(**spec.defaults, autodiff="jvp")
    at_x: dict[str, Callable[[jax.Array], jax.Array]] = {
        "grad": jax.vmap(jax.grad(lambda s: vjp(s))),
        "jit(grad(sum))": jax.grad(lambda v: vjp(v).sum()),
        "jvp": lambda v: jax.jvp(jvp, (v,), (jnp.ones_like(v),))[1],
        "jacfwd": lambda v: jnp.diag(jax.jacfwd(jvp)(v)),
    }
    cases = {name: functools.partial(case, x) for name, case in at_x.items()}
    sweeps = {f"vmap over {p.name}": (p.name, sweep_values(p.default, p.domain)) for p in spec.params if not p.static}
    for case, (param, values) in sweeps.items():

        def per_value(a: jax.Array, param: str = param) -> jax.Array:
            return jax.grad(lambda v: cls(**{**spec.defaults, param: a})(v).sum())(x)

        cases[case] = functools.partial(jax.vmap(per_value), jax.device_put(np.asarray(values, np.float32)))

    def judge(outputs: Mapping) -> Verdicts:
        results: Verdicts = []
        for name in cases:  # in the order declared (a jitted dict comes back with sorted keys)
            out = outputs[name]
            if isinstance(out, BaseException):  # the transformation itself failing is the finding
                results.append((name, False, describe(out)))
            elif name in sweeps:
                (param, values), worst, ok = sweeps[name], 0.0, True
                for row, value in zip(np.asarray(out), values, strict=True):
                    good, err = _close(row, _reference(spec, {**spec.defaults, param: value}, POINTS))
                    ok, worst = ok and good, max(worst, err)
                results.append((name, ok, f"max relative error {worst:.1e} at {param} = {values}"))
            else:
                ok, worst = _close(np.asarray(out), ref)
                results.append((name, ok, f"max relative error {worst:.1e}"))
        return results

    return cases, judge
