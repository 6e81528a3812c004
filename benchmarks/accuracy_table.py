"""Accuracy of every catalog surrogate gradient against mpmath, as a Markdown table.

For each entry and dtype: the largest error in ulp of that dtype where the true value of
g exceeds 1e-30 (and the dtype's smallest normal), on about 620 points in [-1000, 1000]
(a linear grid over [-8, 8], logarithmic grids and 400 seeded random points in [-12, 12]),
parameters at their defaults rounded to float32 (the values the computation sees). For
float32 also the largest error beyond the bound of tests/test_stability.py (8 ULP; plus
the condition number where g changes sign), and where 8 ULP is missed, at which x.

    python benchmarks/accuracy_table.py --markdown accuracy.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jax.numpy as jnp
import ml_dtypes
import mpmath
import numpy as np
import sympy as sp

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _entries import catalog_classes  # noqa: E402

from symsurrogate._calculus import X  # noqa: E402
from symsurrogate._catalog import catalog_names, load_spec  # noqa: E402


def grid(dtype) -> np.ndarray:
    random = np.random.default_rng(7).uniform(-12, 12, 400)  # full significands, as the test
    x = np.concatenate([np.linspace(-8, 8, 129), np.geomspace(1e-3, 1e3, 49), -np.geomspace(1e-3, 1e3, 49), random])
    return np.unique(np.asarray(x, dtype).astype(np.float64))


def ulp(values: np.ndarray, dtype) -> np.ndarray:
    info = ml_dtypes.finfo(dtype)
    exponent = np.maximum(np.floor(np.log2(np.abs(values))), info.minexp)
    return 2.0 ** (exponent - info.nmant)


def reference(key: str, xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    spec = load_spec(key)
    values = {p.name: p.default if p.static else float(np.float32(p.default)) for p in spec.params}
    g = spec.at(spec.grad, values)
    g_mp, dg_mp = sp.lambdify(X, g, "mpmath"), sp.lambdify(X, sp.diff(g, X), "mpmath")
    exact, cond = [], []
    with mpmath.workdps(40):
        for x in xs:
            value = g_mp(mpmath.mpf(x))
            exact.append(float(value))
            cond.append(float(abs(mpmath.mpf(x) * dg_mp(mpmath.mpf(x)) / value)) if value != 0 else 0.0)
    return np.array(exact), np.array(cond)


def measure(key: str, cls: type) -> dict[str, str]:
    surrogate = cls()
    row = {"name": key}
    for dtype in (jnp.float32, jnp.bfloat16, jnp.float16):
        xs = grid(dtype)
        exact, cond = reference(key, xs)
        got = np.asarray(surrogate.surrogate_grad(jnp.asarray(xs, dtype)), np.float64)
        mask = np.abs(exact) > max(1e-30, float(jnp.finfo(dtype).tiny))
        error = np.abs(got - exact)[mask] / ulp(exact[mask], dtype)
        name = jnp.dtype(dtype).name
        row[name] = f"{error.max():.2f}" if error.size else "—"
        if dtype == jnp.float32 and error.size:
            sign_change = (exact < 0).any() and (exact > 0).any()
            excess = error - (8.0 + (cond[mask] if sign_change else 0.0))
            row["excess"] = f"{max(excess.max(), 0.0):.2f}"
            over = xs[mask][error > 8.0]
            row["over8"] = f"{over.size} pts, \\|x\\| ≥ {np.abs(over).min():.3g}" if over.size else "none"
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    classes = catalog_classes()
    lines = [
        "| surrogate | float32 max ULP | float32 points over 8 ULP | excess over the bound "
        "| bfloat16 max ulp | float16 max ulp |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
    ]
    print("\n".join(lines), flush=True)
    for key in catalog_names():
        cls = classes.get(key) or classes.get(load_spec(key).name)
        if cls is None:
            continue
        r = measure(key, cls)
        line = f"| {key} | {r['float32']} | {r['over8']} | {r['excess']} | {r['bfloat16']} | {r['float16']} |"
        lines.append(line)
        print(line, flush=True)
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
