"""Runs per minute of a batched sweep against the sequential sweep, at equal results.

Both train the same (shape, scale, seed) runs on the same data with the same settings;
``sweep(batched=False)`` trains one run after the other (one compiled step per shape, reused
across scales and seeds), ``sweep()`` trains every run of one parameter structure as one
vmapped program sharded over the visible devices. Rounds alternate the two so that load
from other processes hits both alike. The first round includes compilation (what a user
pays for a fresh sweep); later rounds reuse the compiled programs. Results are compared run
by run: test accuracy and final loss.

Run: ``python benchmarks/bench_sweep.py [--rounds 5] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

import jax

import symsurrogate as ss
from symsurrogate import train as tr

SHAPES = {"Sigmoid": ss.Sigmoid, "Arctan": ss.Arctan}
SCALES = [1.0, 4.0, 16.0]
SEEDS = 2
CONFIG = tr.TrainConfig(hidden=64, batch_size=32, epochs=2)
DATA = tr.RandmanConfig(classes=4, samples_per_class=100, steps=100)


def one_sweep(batched: bool) -> tuple[float, dict]:
    start = time.perf_counter()
    out = tr.sweep(SHAPES, SCALES, SEEDS, CONFIG, DATA, progress=False, batched=batched)
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    runs = len(SHAPES) * len(SCALES) * SEEDS
    seconds: dict[str, list[float]] = {"sequential": [], "batched": []}
    results: dict[str, dict] = {}
    load_before = os.getloadavg()
    for _ in range(args.rounds):
        for name in ("sequential", "batched"):
            elapsed, results[name] = one_sweep(name == "batched")
            seconds[name].append(elapsed)
    load_after = os.getloadavg()
    pairs = list(zip(results["sequential"]["runs"], results["batched"]["runs"], strict=True))
    accuracy_diff = max(abs(a["test_accuracy"] - b["test_accuracy"]) for a, b in pairs)
    loss_diff = max(abs(a["final_loss"] - b["final_loss"]) / abs(a["final_loss"]) for a, b in pairs)
    warm = {name: values[1:] or values for name, values in seconds.items()}
    per_minute = {name: [60 * runs / s for s in values] for name, values in warm.items()}
    ratios = [s / b for s, b in zip(warm["sequential"], warm["batched"], strict=True)]
    figures = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {jax.devices()}",
        "load_average_1min": {"before": load_before[0], "after": load_after[0]},
        "runs": runs,
        "config": {"hidden": CONFIG.hidden, "batch_size": CONFIG.batch_size, "epochs": CONFIG.epochs},
        "data": {"classes": DATA.classes, "samples_per_class": DATA.samples_per_class, "steps": DATA.steps},
        "cold_seconds": {name: values[0] for name, values in seconds.items()},
        "warm_seconds": warm,
        "warm_runs_per_minute_median": {name: statistics.median(v) for name, v in per_minute.items()},
        "warm_runs_per_minute_range": {name: [min(v), max(v)] for name, v in per_minute.items()},
        "speedup_median": statistics.median(ratios),
        "speedup_range": [min(ratios), max(ratios)],
        "max_test_accuracy_difference": accuracy_diff,
        "max_final_loss_relative_difference": loss_diff,
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(figures, handle, indent=1)


if __name__ == "__main__":
    main()
