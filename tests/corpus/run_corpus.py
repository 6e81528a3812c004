"""Run the corpus through the pipeline and print a failure table.

    PYTHONPATH=. python -m tests.corpus.run_corpus [NAME ...] [--jobs 2] [--timeout 120]

Each entry runs in its own process (a hang or a crash costs that entry only).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from .formulas import BY_NAME, CORPUS


def _one(name: str) -> None:
    from .evaluate import evaluate

    start = time.perf_counter()
    outcome = evaluate(BY_NAME[name])
    print(
        json.dumps(
            {
                "name": name,
                "failures": outcome.failures,
                "refused": outcome.refused,
                "check_failed": outcome.check_failed,
                "primitive": outcome.has_primitive,
                "seconds": round(time.perf_counter() - start, 1),
            }
        )
    )


def _run(name: str, timeout: float) -> dict:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.corpus.run_corpus", "--one", name],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"name": name, "failures": {"timeout": f"> {timeout:.0f} s"}, "seconds": timeout}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"name": name, "failures": {"crash": tail[:200]}, "seconds": round(time.perf_counter() - start, 1)}
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*")
    parser.add_argument("--one")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--json")
    args = parser.parse_args()
    if args.one:
        _one(args.one)
        return
    names = args.names or [e.name for e in CORPUS]
    results = []
    with ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(_run, name, args.timeout) for name in names]
        for future in as_completed(futures):  # progress as entries finish
            results.append(future.result())
            print(
                f"  [{len(results)}/{len(names)}] {results[-1]['name']}: {results[-1]['failures'] or 'ok'}", flush=True
            )
    results.sort(key=lambda r: names.index(r["name"]))
    failed = [r for r in results if r["failures"]]
    for r in results:
        status = "FAIL" if r["failures"] else "ok"
        kind = "" if BY_NAME[r["name"]].well_posed else " (ill-posed)"
        print(
            f"{status:4} {r['name']}{kind} [{r.get('seconds')} s]"
            + ("" if r.get("primitive", True) else " [gradient-only]")
        )
        for stage, message in r["failures"].items():
            print(f"       {stage}: {message}")
    print(f"\n{len(failed)} of {len(results)} fail")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=1)


if __name__ == "__main__":
    main()
