"""Import time plus the first call of a catalog surrogate, in fresh interpreters.

Each run is a new process: ``import jax``, ``import symsurrogate`` (which must not import
SymPy), then the first ``jax.grad`` through ``Sigmoid`` (tracing and compiling included).
Medians over ``--runs`` processes.

    python benchmarks/import_time.py --runs 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
import jax, jax.numpy as jnp
t1 = time.perf_counter()
import symsurrogate
t2 = time.perf_counter()
x = jnp.linspace(-2.0, 2.0, 1000)
jax.grad(lambda v: symsurrogate.Sigmoid()(v).sum())(x).block_until_ready()
t3 = time.perf_counter()
jax.grad(lambda v: symsurrogate.Sigmoid()(v).sum())(x).block_until_ready()
t4 = time.perf_counter()
print(json.dumps({"import jax": t1 - t0, "import symsurrogate": t2 - t1, "first grad": t3 - t2,
                  "second grad": t4 - t3, "sympy imported": "sympy" in sys.modules}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert not any(r["sympy imported"] for r in runs), "importing symsurrogate imported sympy"
    for key in ("import jax", "import symsurrogate", "first grad", "second grad"):
        print(f"{key:>20}: {statistics.median(r[key] for r in runs) * 1e3:8.1f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
