"""From a formula to a jitted gradient, and to a checked one: seconds per formula.

Each measurement runs in a fresh interpreter with the disk cache off
(``SYMSURROGATE_NO_CACHE=1`` and an empty ``SYMSURROGATE_CACHE``), so nothing computed by
an earlier run is reused. Per formula and run it records, after ``import symsurrogate``:

* ``define``: ``ss.surrogate(...)`` (parsing, derivative or primitive, code generation);
* ``define+jit``: that plus the first ``jax.jit(jax.grad(...))`` call on 1000 points;
* ``define+check``: ``ss.surrogate(...)`` plus ``ss.check(...)`` (the whole report).

Medians over ``--runs`` processes; the table also shows the 1-minute load average before
and after, since a shared machine makes every figure noisy.

    python benchmarks/bench_define.py --runs 3
    python benchmarks/bench_define.py --runs 1 --only student-t gumbel
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name: keyword arguments of ss.surrogate, one per kind of formula in issue 12.
FORMULAS: dict[str, dict] = {
    "student-t": {"grad": "(1 + x**2/nu)**(-(nu + 1)/2)", "params": {"nu": 3.0}},
    "sech2 (1-tanh^2)": {"grad": "alpha*(1 - tanh(alpha*x)**2)/2", "params": {"alpha": 2.0}},
    "logistic x/t": {"primitive": "1/(1 + exp(-x/t))", "params": {"t": 0.5}},
    "gumbel": {"grad": "alpha*exp(-alpha*x)*exp(-exp(-alpha*x))", "params": {"alpha": 2.0}},
    "x/(1+|x|)": {"primitive": "(alpha*x/(1 + Abs(alpha*x)) + 1)/2", "params": {"alpha": 2.0}},
    "x/sqrt(1+x^2)": {"primitive": "(alpha*x/sqrt(1 + (alpha*x)**2) + 1)/2", "params": {"alpha": 2.0}},
    "epanechnikov": {"grad": "Piecewise((3*(1 - x**2)/4, Abs(x) < 1), (0, True))"},
    "gaussian": {"grad": "exp(-x**2/(2*sigma**2))/(sigma*sqrt(2*pi))", "params": {"sigma": 0.5}},
}

_SCRIPT = r"""
import json, sys, time
spec = json.loads(sys.argv[1]); mode = sys.argv[2]
import jax, jax.numpy as jnp
import symsurrogate as ss
t0 = time.perf_counter()
cls = ss.surrogate("Bench", **spec)
t1 = time.perf_counter()
if mode == "jit":
    f = cls()
    jax.jit(jax.grad(lambda v: f(v).sum()))(jnp.linspace(-3.0, 3.0, 1000)).block_until_ready()
else:
    report = ss.check(cls)
t2 = time.perf_counter()
print(json.dumps({"define": t1 - t0, "total": t2 - t0, "ok": True if mode == "jit" else report.ok}))
"""


def _run(spec: dict, mode: str) -> dict:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SYMSURROGATE_NO_CACHE": "1", "SYMSURROGATE_CACHE": cache, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", _SCRIPT, json.dumps(spec), mode],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=False,
            timeout=600,
        )
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1][:80]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="formula names (default: all)")
    args = parser.parse_args(argv)
    names = args.only or list(FORMULAS)
    load_before = os.getloadavg()[0]
    rows = []
    for name in names:
        jit_runs = [_run(FORMULAS[name], "jit") for _ in range(args.runs)]
        check_runs = [_run(FORMULAS[name], "check") for _ in range(args.runs)]
        errors = [r["error"] for r in jit_runs + check_runs if "error" in r]
        if errors:
            rows.append((name, "error", errors[0], "", ""))
            continue
        define = statistics.median(r["define"] for r in jit_runs + check_runs)
        jitted = statistics.median(r["total"] for r in jit_runs)
        checked = statistics.median(r["total"] for r in check_runs)
        ok = "ok" if all(r["ok"] for r in check_runs) else "FAILS"
        rows.append((name, f"{define:.2f}", f"{jitted:.2f}", f"{checked:.2f}", ok))
    load_after = os.getloadavg()[0]
    print(f"median of {args.runs} fresh processes, cache off; load average {load_before:.1f} -> {load_after:.1f}")
    print(f"{'formula':20s} {'define s':>9s} {'+jit s':>8s} {'+check s':>9s}  check")
    for row in rows:
        print(f"{row[0]:20s} {row[1]:>9s} {row[2]:>8s} {row[3]:>9s}  {row[4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
