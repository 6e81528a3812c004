"""Accuracy of every catalog surrogate gradient against mpmath, as a Markdown table.

For each entry and dtype: the largest error in ulp of that dtype where the true value of
g exceeds 1e-30 (and the dtype's smallest normal), on about 620 points in [-1000, 1000]
(a linear grid over [-8, 8], logarithmic grids and 400 seeded random points in [-12, 12]),
parameters at their defaults rounded to float32 (the values the computation sees): the
grid, ulp and reference of tests/test_stability.py, imported from it. For
float32 also the largest error beyond the bound of tests/test_stability.py (8 ULP; plus
the condition number where g changes sign), and where 8 ULP is missed, at which x.

    python benchmarks/accuracy_table.py --markdown accuracy.md
"""

from __future__ import annotations

import argparse
from pathlib import Path

import jax.numpy as jnp
import numpy as np

# The grid, ulp and mpmath reference of the accuracy test itself: the table shows what it checks.
from symsurrogate._symbolic._catalog import catalog_names, load_spec
from symsurrogate._testing import accuracy_grid, allowed_ulp, catalog_classes, mp_reference, ulp


def measure(key: str, cls: type) -> dict[str, str]:
    surrogate = cls()
    row = {"name": key}
    for dtype in (jnp.float32, jnp.bfloat16, jnp.float16):
        xs = accuracy_grid(dtype)
        exact, cond = mp_reference(key, xs)
        got = np.asarray(surrogate.surrogate_grad(jnp.asarray(xs, dtype)), np.float64)
        mask = np.abs(exact) > max(1e-30, float(jnp.finfo(dtype).tiny))
        error = np.abs(got - exact)[mask] / ulp(exact[mask], dtype)
        name = jnp.dtype(dtype).name
        row[name] = f"{error.max():.2f}" if error.size else "—"
        if dtype == jnp.float32 and error.size:
            excess = error - allowed_ulp(cond[mask], exact)
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
