"""Run one corpus entry through the pipeline: define, check, generated code, finite gradients.

Shared by ``tests/test_corpus.py`` and ``tests/corpus/run_corpus.py`` (the failure table).
"""

from __future__ import annotations

import dis
import types
from dataclasses import dataclass, field

import jax
import jax.numpy as jnp
import numpy as np

import symsurrogate as ss
from symsurrogate._symbolic._spec import make_spec

from .formulas import Entry

DTYPES = (jnp.float16, jnp.bfloat16, jnp.float32)


def probe_points(dtype: jnp.dtype) -> np.ndarray:
    """±0, ±smallest subnormal, ±1e-3 … ±1e4 by decades, ±max of ``dtype`` (as float64)."""
    info = jnp.finfo(dtype)
    magnitudes = [0.0, float(info.smallest_subnormal), *(10.0**k for k in range(-3, 5)), float(info.max)]
    return np.array(sorted({s * m for m in magnitudes for s in (-1.0, 1.0)} | {-0.0}))


@dataclass
class Outcome:
    """What happened to one entry; ``failures`` maps a stage to a one-line message."""

    entry: Entry
    failures: dict[str, str] = field(default_factory=dict)
    refused: str | None = None  # the one-line FormulaError/ValueError message, when refused
    check_failed: list[str] = field(default_factory=list)  # names of failed checks
    has_primitive: bool = False


def undefined_globals(source: str) -> set[str]:
    """Global names that code in the module ``source`` loads but the module does not define."""
    module = types.ModuleType("corpus_generated")
    exec(compile(source, "<corpus>", "exec"), module.__dict__)  # generated code, no user text
    defined = set(module.__dict__) | set(
        dir(__builtins__) if isinstance(__builtins__, types.ModuleType) else __builtins__
    )
    missing: set[str] = set()

    def walk(code: types.CodeType) -> None:
        for instruction in dis.get_instructions(code):
            if instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME") and instruction.argval not in defined:
                missing.add(instruction.argval)
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                walk(const)

    walk(compile(source, "<corpus>", "exec"))
    return missing


def nonfinite_gradients(fn, points_of=probe_points) -> list[str]:
    """Where ``jax.grad`` of ``fn`` summed is not finite, per dtype, as 'dtype x=…' strings."""
    bad: list[str] = []
    for dtype in DTYPES:
        xs = jnp.asarray(points_of(dtype), dtype=dtype)
        try:
            grads = np.asarray(jax.grad(lambda x: jnp.sum(fn(x)).astype(jnp.float32))(xs), dtype=np.float64)
        except Exception as err:
            bad.append(f"{jnp.dtype(dtype).name}: {type(err).__name__}: {str(err).splitlines()[0][:120]}")
            continue
        bad += [
            f"{jnp.dtype(dtype).name} x={float(x):.3g}" for x, g in zip(xs, grads, strict=True) if not np.isfinite(g)
        ]
    return bad


def evaluate(entry: Entry, *, run_check: bool = True) -> Outcome:
    outcome = Outcome(entry)
    try:
        spec = make_spec(entry.name, grad=entry.grad, primitive=entry.primitive, params=entry.params)
        cls = ss.surrogate(entry.name, grad=entry.grad, primitive=entry.primitive, params=entry.params)
    except (ValueError, ss.FormulaError) as err:
        outcome.refused = str(err)
        if "\n" in outcome.refused:
            outcome.failures["define"] = "message is not one line"
        elif entry.well_posed:
            outcome.failures["define"] = f"{type(err).__name__}: {err}"
        return outcome
    except Exception as err:
        outcome.failures["define"] = f"crash {type(err).__name__}: {str(err).splitlines()[0][:150]}"
        return outcome
    outcome.has_primitive = spec.primitive is not None
    try:
        missing = undefined_globals(ss.codegen(spec))
        if missing:
            outcome.failures["codegen names"] = f"undefined: {', '.join(sorted(missing))}"
    except Exception as err:
        outcome.failures["codegen names"] = f"{type(err).__name__}: {str(err).splitlines()[0][:150]}"
    instance = cls()
    if entry.well_posed:
        bad = nonfinite_gradients(instance)
        if bad:
            outcome.failures["finite grad"] = "; ".join(bad[:4]) + (f" (+{len(bad) - 4})" if len(bad) > 4 else "")
        if outcome.has_primitive:
            bad = nonfinite_gradients(instance.surrogate_fun)
            if bad:
                outcome.failures["grad(G)"] = "; ".join(bad[:4]) + (f" (+{len(bad) - 4})" if len(bad) > 4 else "")
    if run_check:
        try:
            report = ss.check(cls)
            outcome.check_failed = [r.check for r in report.results if not r.ok]
            if entry.well_posed and not report.ok:
                details = [f"{r.check}: {r.found}"[:110] for r in report.results if not r.ok]
                outcome.failures["check"] = " | ".join(details)
        except Exception as err:
            outcome.failures["check"] = f"crash {type(err).__name__}: {str(err).splitlines()[0][:150]}"
    if not entry.well_posed and outcome.refused is None and run_check and not outcome.check_failed:
        outcome.failures["ill-posed"] = f"accepted and passes check ({entry.why})"
    return outcome
