"""One BPTT training step with symsurrogate's Sigmoid against braintools' Sigmoid.

Same network (20 -> 256 LIF -> 10 leaky readout, T = 100, batch 128), same data, same
optimiser, same process; only the spike function differs. Timing is interleaved (one round
of each, alternating) so that load from other processes hits both alike; the figure reported
is the median over rounds of the per-round time ratio ours / braintools. Peak memory is the
compiled step's temporary buffer size (XLA's memory analysis). Residuals are what the VJP
saves per step, from ``jax.ad_checkpoint.print_saved_residuals``.

Run: ``python benchmarks/bench_train.py [--rounds 15] [--steps 5] [--json out.json]``
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path

import jax
import jax.ad_checkpoint
import jax.numpy as jnp
import numpy as np

import symsurrogate as ss
from symsurrogate import train as tr
from symsurrogate._train._loop import _compiled

CONFIG = tr.TrainConfig(hidden=256, batch_size=128)
DATA = tr.RandmanConfig(classes=10, units=20, steps=100, samples_per_class=20)


def residuals(spike, params, times, labels) -> list[str]:
    """The arrays the VJP of one loss evaluation keeps for the backward pass."""

    def loss(p):
        return tr.loss_and_accuracy(p, times, labels, DATA.steps, spike, CONFIG)[0]

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        jax.ad_checkpoint.print_saved_residuals(loss, params)
    root = str(Path(__file__).resolve().parents[1]) + "/"
    return [line.strip().replace(root, "") for line in buffer.getvalue().splitlines() if line.strip()]


def residual_bytes(lines: list[str]) -> int:
    total = 0
    for line in lines:
        kind = line.split()[0]  # such as f32[100,128,256]
        dtype, _, dims = kind.partition("[")
        size = {"f32": 4, "f64": 8, "i32": 4, "bool": 1, "f16": 2, "bf16": 2}.get(dtype, 4)
        for d in dims.rstrip("]").split(","):
            size *= int(d) if d else 1
        total += size
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--steps", type=int, default=5, help="steps per round")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    try:
        import braintools
    except ImportError:
        sys.exit("this benchmark compares against braintools: pip install 'symsurrogate[parity]'")

    train_data, _ = tr.randman(DATA, seed=0)
    times, labels = jnp.asarray(train_data.times[:128]), jnp.asarray(train_data.labels[:128])
    mesh = tr.data_mesh(jax.devices()[:1])
    params = tr.init_params(jax.random.PRNGKey(0), 20, 10, CONFIG)
    ours = ss.Sigmoid(alpha=4.0)
    spikes = {
        "symsurrogate": ours,  # alpha is a traced argument of the compiled step (how train() runs it)
        "braintools": braintools.surrogate.Sigmoid(alpha=4.0),
        "symsurrogate-const": lambda x: ours(x),  # alpha baked into the program as a constant
    }
    runners, report = {}, {}
    for name, spike in spikes.items():
        step, _, optimizer, leaves = _compiled(spike, DATA.steps, CONFIG, mesh)
        opt_state = optimizer.init(params)
        memory = step.lower(params, opt_state, leaves, times, labels).compile().memory_analysis()
        saved = residuals(spike, params, times, labels)
        report[name] = {
            "peak_temp_bytes": int(memory.temp_size_in_bytes),
            "residuals": saved,
            "residual_bytes": residual_bytes(saved),
        }

        def run(step=step, opt_state=opt_state, leaves=leaves) -> float:
            start = time.perf_counter()
            for _ in range(args.steps):
                out = step(params, opt_state, leaves, times, labels)
            jax.block_until_ready(out)
            return (time.perf_counter() - start) / args.steps

        run()  # compile and warm up
        runners[name] = run
    seconds: dict[str, list[float]] = {name: [] for name in spikes}
    for _ in range(args.rounds):
        for name, run in runners.items():
            seconds[name].append(run())
    ratios = [a / b for a, b in zip(seconds["symsurrogate"], seconds["braintools"], strict=True)]
    for name in spikes:
        report[name]["median_step_ms"] = 1e3 * statistics.median(seconds[name])
    const = [a / b for a, b in zip(seconds["symsurrogate-const"], seconds["braintools"], strict=True)]
    report["median_ratio_const"] = statistics.median(const)
    report["median_ratio"] = statistics.median(ratios)
    report["ratio_quartiles"] = [float(q) for q in np.percentile(ratios, [25, 75])]
    report["setup"] = {"T": DATA.steps, "batch": 128, "layers": [20, 256, 10], "backend": jax.default_backend()}

    for name in spikes:
        r = report[name]
        print(
            f"{name:>18}: {r['median_step_ms']:.2f} ms/step (median), peak temp {r['peak_temp_bytes'] / 2**20:.2f} MiB,"
            f" residuals {len(r['residuals'])} arrays / {r['residual_bytes'] / 2**20:.2f} MiB"
        )
        for line in r["residuals"]:
            print(f"    {line}")
    q1, q3 = report["ratio_quartiles"]
    print(f"time ratio symsurrogate / braintools: median {report['median_ratio']:.3f} (IQR {q1:.3f}-{q3:.3f})")
    print(f"time ratio symsurrogate-const / braintools: median {report['median_ratio_const']:.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
