"""Accuracy of the generated backward pass against an mpmath reference, in four dtypes.

What is measured is what training uses: ``jit(grad(sum(spike(x))))`` of the runtime class.
Errors are counted where the reference is a normal number of the dtype:

* float32 and float64: the error in ULPs of the dtype, ``|got − ref| / ulp(ref)``; a check
  passes when it is at most ``ULP_BUDGET`` (8). Only where g changes sign is
  ``cond(x) = |x·g'(x)/g(x)|``, the condition number of g, plus ``Σ(|tᵢ| + |x·tᵢ'|)/|g|``
  when g is a sum of terms tᵢ, allowed on top: near a zero the relative error of any
  fixed-precision sum is unbounded. (Exponentials, whose argument rounding would cost up
  to 64 ULP, compute that argument in double-float: see :mod:`._doublefloat`.) An
  absolute error of ``FLUSH_SLACK`` smallest normals is forgiven: XLA:CPU flushes subnormal
  intermediates (``e^{−α|x|}`` before the factor α) to 0.
* Exponent arguments rounded in the working precision: at each point, the error that their
  rounding explains is allowed on top (see :mod:`._fastbudget`). In ``precision="fast"``
  that is every exponent argument; in the accurate mode only those that are not polynomials
  (e^{−|x|^{3/2}}, e^{−x − e^{−x}}), which double-float arithmetic cannot hold.
* bfloat16 and float16 (computed internally in float32, then rounded): the relative error,
  allowed one ULP of the dtype plus the float32 budget above.

The reference uses the parameter values the code sees (rounded to float32, or to float64 in
float64), so that the figure measures the code and not the rounding of a decimal default.

Points: a grid of 1/16 steps over [−8, 8], ±2^e·(1 + j/8) for e in [−24, 24] (all exact in
bfloat16), in float32 and float64 also 512 seeded random float32 values, the dtype's
extremes (±max, ±smallest normal, ±smallest subnormal, ±eps, ±1, 0) and the three floats
either side of every knot. A subnormal input may be read as 0 (XLA:CPU
does so), so there the value of g at 0 is accepted too.

Non-finite behaviour (documented and checked): for every finite input, including ±max, the
gradient is finite. At ±inf it equals the limit of g at ±∞ (0 for a decaying tail), or NaN
where that limit does not exist (an oscillating series). A NaN input gives NaN, or the value
of the branch that a Piecewise takes when every comparison with NaN is false; ``nan_value``
in the results records which.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from .._support._budget import bounded
from .._support._cache import cached
from .._symbolic._calculus import X
from .._symbolic._spec import Spec, param_symbol
from ._jaxchecks import describe
from ._mpref import mp_function, mp_magnitude, real_value

DTYPES = ("float32", "float64", "bfloat16", "float16")
ULP_BUDGET = 8.0  # the float32 accuracy target of generated code
FLUSH_SLACK = 64.0


def _finfo(dtype: str):  # noqa: ANN202
    import ml_dtypes

    return ml_dtypes.finfo(getattr(ml_dtypes, dtype) if dtype == "bfloat16" else np.dtype(dtype))


def _np_dtype(dtype: str) -> np.dtype:
    import ml_dtypes

    return np.dtype(ml_dtypes.bfloat16) if dtype == "bfloat16" else np.dtype(dtype)


def shared_points() -> list[float]:
    """Points exactly representable in all four dtypes."""
    points = {i / 16 for i in range(-128, 129)}
    for e in range(-24, 25):
        for j in range(8):
            value = 2.0**e * (1 + j / 8)
            points.update((value, -value))
    return sorted(points)


def random_points() -> list[float]:
    """Seeded float32 values with full significands: grid points have few bits, so x² and α·x
    are often exact there and would hide the rounding of a computed argument."""
    rng = np.random.default_rng(20261128)
    uniform = rng.uniform(-16, 16, 384)
    logarithmic = np.exp(rng.uniform(np.log(1e-3), np.log(1e3), 128)) * rng.choice([-1, 1], 128)
    return [float(v) for v in np.concatenate([uniform, logarithmic]).astype(np.float32)]


def dtype_points(dtype: str, knots: list[float]) -> np.ndarray:
    """The probe points of one dtype (values of that dtype, as float64)."""
    info = _finfo(dtype)
    npd = _np_dtype(dtype)
    big = float(info.max)
    special = [float(info.max), float(info.smallest_normal), float(info.smallest_subnormal), float(info.eps), 1.0]
    points = [p for p in shared_points() if abs(p) <= big] + special + [-v for v in special] + [0.0]
    if dtype in ("float32", "float64"):
        points += random_points()
    for knot in knots:
        if not math.isfinite(knot) or abs(knot) > big:
            continue
        below = above = np.array(knot, npd)
        for _ in range(3):
            below = (
                np.nextafter(below, np.array(-np.inf, npd)) if npd != _np_dtype("bfloat16") else _bf16_step(below, -1)
            )
            above = np.nextafter(above, np.array(np.inf, npd)) if npd != _np_dtype("bfloat16") else _bf16_step(above, 1)
            points += [float(below), float(above)]
        points.append(float(np.array(knot, npd)))
    # Each point as the dtype holds it: 1.5·2^-24 is not a float16 (its subnormals are
    # multiples of 2^-24), and the reference must be taken where the code is evaluated.
    return np.unique(np.asarray(points, np.float64).astype(npd).astype(np.float64))


def _bf16_step(value: np.ndarray, direction: int) -> np.ndarray:
    # numpy's nextafter does not know bfloat16: step the float32 bit pattern by 2^16.
    bits = np.array(float(value), np.float32).view(np.uint32).astype(np.int64)
    positive = float(value) > 0 or (float(value) == 0 and direction > 0)
    bits = bits + (1 << 16) * (direction if positive else -direction)
    if float(value) == 0:
        bits = np.int64((1 << 16) if direction > 0 else (1 << 31) + (1 << 16))
    return np.array(np.array(bits, np.uint32).view(np.float32), _np_dtype("bfloat16"))


def _substituted(spec: Spec, expr: sp.Expr, rounding: type) -> sp.Expr:
    values = {}
    for p in spec.params:
        if p.static:
            values[param_symbol(p)] = sp.Integer(int(p.default))
        else:
            values[param_symbol(p)] = sp.Rational(float(rounding(p.default)))  # the binary value, exactly
    result = expr.subs(values)
    return result.doit() if result.has(sp.Sum) else result


def references(spec: Spec, knots: list[float]) -> dict[str, dict[float, tuple[float, float]]]:
    """Per parameter precision ("float32", "float64"): x -> (ref_hi, ref_lo), cached on disk."""

    def compute() -> dict[str, tuple[list[float], ...]]:
        xs = sorted({float(x) for d in DTYPES for x in dtype_points(d, knots)})
        # Parameters that float32 holds exactly (4.0, 0.5) give the float64 table the same values.
        same = all(p.static or float(np.float32(p.default)) == float(p.default) for p in spec.params)
        values: dict[str, dict[float, mpmath.mpf]] = {}
        for name, rounding in (("float32", np.float32), ("float64", np.float64)):
            if name == "float64" and same:
                values[name] = values["float32"]
                continue
            g = mp_function(_substituted(spec, spec.grad, rounding))
            values[name] = {x: real_value(g(x)) for x in xs}
        # Stored as columns of floats: a table of ~3000 tuples would be encoded item by item.
        return {
            name: (
                list(table),
                [float(v) for v in table.values()],
                [float(v - float(v)) if mpmath.isfinite(v) else 0.0 for v in table.values()],
            )
            for name, table in values.items()
        }

    key = (spec.formula_hash, tuple(knots))
    columns = cached("numerics-reference-columns", key, lambda: bounded("reference", spec.name, compute))
    return {name: dict(zip(xs, zip(hi, lo, strict=True), strict=True)) for name, (xs, hi, lo) in columns.items()}


def condition_numbers(spec: Spec, table: Mapping[float, tuple[float, float]], xs: list[float]) -> dict[float, float]:
    """x -> the conditioning allowed near a zero of g (see :func:`_conditions`), at ``xs`` only.

    :func:`measure` asks for the points whose error exceeds the plain budget, and only where
    g changes sign: elsewhere the allowance cannot change a verdict. ``table`` holds g at the
    float32-rounded parameters (:func:`references`). Cached on disk.
    """
    if not xs:
        return {}

    def compute() -> list[float]:
        with mpmath.workdps(40):
            values = {x: mpmath.mpf(table[x][0]) + mpmath.mpf(table[x][1]) for x in xs}
        conds = _conditions(spec, values)
        return [conds[x] for x in xs]

    key = (spec.formula_hash, xs)
    found = cached("numerics-condition-numbers", key, lambda: bounded("reference", spec.name, compute))
    return dict(zip(xs, found, strict=True))


def _conditions(spec: Spec, values: dict[float, mpmath.mpf]) -> dict[float, float]:
    """x -> |x·g'/g|, plus Σ(|tᵢ| + |x·tᵢ'|)/|g| when g is a sum of terms tᵢ (each term
    rounds its own argument)."""
    derivative = mp_function(_substituted(spec, sp.diff(spec.grad, X), np.float64))
    coeff, body = _substituted(spec, spec.grad, np.float64).as_independent(X, as_Add=False)
    scale = abs(float(coeff)) if coeff.is_number else 1.0
    terms = [(mp_magnitude(t), mp_magnitude(t.diff(X))) for t in (body.args if isinstance(body, sp.Add) else ())]
    conds = {}
    for x, v in values.items():
        dv = real_value(derivative(x))
        cond = float(abs(x * dv / v)) if v != 0 and mpmath.isfinite(dv) else 0.0
        if terms and v != 0:
            spread = sum(abs(real_value(t(x))) + abs(x * real_value(dt(x))) for t, dt in terms)
            cond += float(spread * scale / abs(v))
        conds[x] = cond
    return conds


def gradient_inputs(knots: list[float]) -> dict[str, np.ndarray]:
    """Per dtype, the points :func:`measure` judges, then −inf, +inf and NaN."""
    return {d: np.concatenate([dtype_points(d, knots), [-np.inf, np.inf, np.nan]]) for d in DTYPES}


def gradients(
    runtime: Callable, inputs: dict[str, np.ndarray], alongside: Mapping[str, Callable[[], object]] | None = None
) -> tuple[dict[str, np.ndarray | Exception], dict[str, object]]:
    """dtype -> ``jit(grad(sum(runtime(x))))(x)`` for ``x = inputs[dtype]``, as float64; and
    the output of each case of ``alongside`` (see :func:`._jaxchecks.run_together`).

    float32, bfloat16, float16 and the ``alongside`` cases compile as one program: an XLA
    compilation costs about 25 ms however small the program, and compilation dominates a
    check. float64 needs x64 mode and compiles apart. An exception is returned, not raised:
    a crash in the generated code is itself the finding, attributed by running the dtypes
    and the cases one by one.
    """
    import jax

    grad = jax.grad(lambda v: runtime(v).sum())
    cases = dict(alongside or {})

    def converted(dtype: str, out: jax.Array) -> np.ndarray:
        if out.dtype != _np_dtype(dtype):
            raise TypeError(f"gradient has dtype {out.dtype}, not {dtype}")
        # Converted by NumPy (ml_dtypes for bfloat16): an eager JAX conversion would compile
        # one small program per dtype and array length, that is per entry.
        return np.asarray(out).astype(np.float64)

    def run(dtypes: list[str], together: Mapping[str, Callable[[], object]]) -> tuple[dict, dict]:
        with jax.enable_x64(dtypes == ["float64"]):
            xs = [jax.device_put(np.asarray(inputs[d]).astype(_np_dtype(d))) for d in dtypes]
            outs, extra = jax.jit(lambda xs: ([grad(x) for x in xs], {n: case() for n, case in together.items()}))(xs)
            return {d: converted(d, out) for d, out in zip(dtypes, outs, strict=True)}, dict(extra)

    results: dict[str, np.ndarray | Exception] = {}
    narrow = [d for d in inputs if d != "float64"]
    groups = [(narrow, cases), *([(["float64"], {})] if "float64" in inputs else [])]
    extra: dict[str, object] = {}
    for group, group_cases in groups:
        try:
            found, outputs = run(group, group_cases)
            results.update(found)
            extra.update(outputs)
            continue
        except Exception:  # run one by one below to attribute the failure
            pass
        for dtype in group:
            try:
                results.update(run([dtype], {})[0])
            except Exception as err:
                results[dtype] = err
        if group_cases:
            from ._jaxchecks import run_together

            extra.update(run_together(group_cases))
    return results, extra


def measure(
    spec: Spec,
    outputs: Mapping[str, np.ndarray | Exception],
    knots: list[float],
    limits: tuple[float, float],
    precision: str = "accurate",
) -> dict[str, dict]:
    """Per dtype: max error (ULP or relative), where, budget excess, non-finite points, ±inf/NaN values.

    ``outputs`` are the runtime's :func:`gradients` at the :func:`gradient_inputs` of
    ``knots``. ``limits`` are lim g at −∞ and +∞ (NaN where the limit does not exist).
    ``precision`` is the runtime's: ``"fast"`` adds the rounding of plain exponent arguments
    to the budget (see :mod:`._fastbudget`).
    """
    refs = references(spec, knots)
    points = {dtype: dtype_points(dtype, knots) for dtype in DTYPES}
    from ._fastbudget import argument_allowance

    allowance = argument_allowance(spec, np.concatenate(list(points.values())), precision)
    results: dict[str, dict] = {}
    errors = {}
    for dtype in DTYPES:
        if isinstance(outputs[dtype], Exception):  # a crash in the generated code is itself the finding
            results[dtype] = {"error": describe(outputs[dtype])}
            continue
        errors[dtype] = _errors(dtype, points[dtype], outputs[dtype][:-3], refs, allowance)
    # Near a zero of a g that changes sign no fixed-precision sum is accurate to a few ULP;
    # there (only) the conditioning is allowed on top of the budget: where g at the
    # float32-rounded parameters changes sign, in each dtype whose own usable points do. It
    # only ever raises the budget, so it is computed only where the error exceeds the
    # budget without it.
    finite = [hi for hi, _ in refs["float32"].values() if math.isfinite(hi)]
    conds: dict[float, float] = {}
    if finite and min(finite) < 0 < max(finite):
        over = {float(x) for e in errors.values() if e.sign_change for x in e.xs[e.usable & (e.error > e.allowed())]}
        conds = condition_numbers(spec, refs["float32"], sorted(over))
    for dtype, e in errors.items():
        cond = 0.0
        if conds and e.sign_change:
            cond = np.nan_to_num(np.array([conds.get(float(x), 0.0) for x in e.xs]), nan=0.0)  # unknown: none
        excess = np.where(e.usable, e.error / e.allowed(cond), 0.0)
        worst = int(np.argmax(e.error)) if e.usable.any() else 0
        got, edge = outputs[dtype][:-3], outputs[dtype][-3:]
        results[dtype] = {
            "max_error": float(e.error[worst]),
            "worst_at": float(e.xs[worst]),
            "excess": float(excess.max()) if e.usable.any() else 0.0,
            "excess_at": float(e.xs[int(np.argmax(excess))]) if e.usable.any() else 0.0,
            "points": int(e.usable.sum()),
            "nonfinite": e.xs[~np.isfinite(got)].tolist()[:5],
            "at_inf": (float(edge[0]), float(edge[1])),
            "inf_ok": all(_same(v, lim) for v, lim in zip(edge[:2], limits, strict=True)),
            "nan_value": float(edge[2]),
            "argument_rounding": bool(allowance),
        }
    return {dtype: results[dtype] for dtype in DTYPES}


@dataclass(frozen=True)
class _Errors:
    """One dtype's errors against the reference, and the pieces of its budget."""

    xs: np.ndarray
    error: np.ndarray  # ULP (float32, float64) or relative (bfloat16, float16); 0 where unusable
    usable: np.ndarray  # the reference is a normal number of the dtype
    rounding: np.ndarray | float  # the argument-rounding allowance, float32 ULP (see _fastbudget)
    eps: float | None  # the dtype's epsilon for bfloat16 and float16 (relative errors), else None
    sign_change: bool  # g takes both signs at the usable points

    def allowed(self, cond: np.ndarray | float = 0.0) -> np.ndarray | float:
        """The budget in the unit of ``error``, with the conditioning ``cond`` (float32 ULP) on top."""
        budget = ULP_BUDGET + cond
        budget = budget + self.rounding  # in this order: the figures stay those of a single pass
        return budget if self.eps is None else self.eps + budget * 2.0**-23


def _errors(
    dtype: str, xs: np.ndarray, got: np.ndarray, refs: Mapping[str, Mapping], allowance: Mapping[float, float]
) -> _Errors:
    info = _finfo(dtype)
    table = refs["float64" if dtype == "float64" else "float32"]
    hi = np.array([table[float(x)][0] for x in xs])
    lo = np.array([table[float(x)][1] for x in xs])
    tiny, big = float(info.smallest_normal), float(info.max)
    usable = np.isfinite(hi) & (np.abs(hi) >= tiny) & (np.abs(hi) <= big)
    # XLA:CPU flushes subnormal intermediates to zero: a result within FLUSH_SLACK smallest
    # normals of zero may come from such an intermediate (α·e^{−α|x|}), so that much
    # absolute error is forgiven.
    compute_tiny = float(_finfo("float64" if dtype == "float64" else "float32").smallest_normal)
    zero = table[0.0]
    with np.errstate(invalid="ignore"):  # inf − inf where got is not finite: reported apart
        diff = np.maximum(np.abs((got - hi) - lo) - FLUSH_SLACK * compute_tiny, 0.0)
        # XLA:CPU also reads subnormal inputs as 0: there the value at 0 is as right as g(x).
        at_zero = np.maximum(np.abs((got - zero[0]) - zero[1]) - FLUSH_SLACK * compute_tiny, 0.0)
    diff = np.where((np.abs(xs) < compute_tiny) & np.isfinite(at_zero), np.minimum(diff, at_zero), diff)
    sign_change = bool((hi[usable] < 0).any() and (hi[usable] > 0).any())
    rounding = np.array([allowance.get(float(x), 0.0) for x in xs]) if allowance else 0.0
    if dtype in ("float32", "float64"):
        exponent = np.floor(np.log2(np.where(usable, np.abs(hi), 1.0)))
        ulp = np.exp2(exponent - (info.nmant))
        error, eps = np.where(usable, diff / ulp, 0.0), None
    else:
        error, eps = np.where(usable, diff / np.where(usable, np.abs(hi), 1.0), 0.0), float(info.eps)
    error = np.where(np.isfinite(got), error, 0.0)  # non-finite outputs are reported apart
    return _Errors(xs, error, usable, rounding, eps, sign_change)


def _same(value: float, limit: float) -> bool:
    if math.isnan(limit):
        return True  # no limit: any value (typically NaN) is acceptable
    return bool(math.isclose(value, limit, rel_tol=1e-3, abs_tol=1e-30))
