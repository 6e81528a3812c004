"""GPU benchmark: achieved memory bandwidth of every catalog surrogate's backward pass.

The backward pass reads x and the cotangent and writes dx, so it moves 3 × itemsize × N
bytes. On an NVIDIA H200 hand-written elementwise backward passes reach ~4.3 TB/s (the
memory-bandwidth limit); the target is >= 4.1 TB/s for every entry in float32 and
bfloat16. Each timing covers many back-to-back launches of one large array (timing single
~1 ms launches from the host under-reports bandwidth by ~25 %). A 2-stream copy
(read x and ct, write x + ct) and the hand-written jnp backward give the reference.

    python benchmarks/gpu_bandwidth.py                      # 2^30 elements, on the GPU
    python benchmarks/gpu_bandwidth.py --log2-size 20       # small: checks it runs (CPU)
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import jax
import jax.numpy as jnp
from _entries import HAND, hand_spike

from symsurrogate._testing import catalog_classes

DTYPES = {"float32": jnp.float32, "bfloat16": jnp.bfloat16}
TARGET_TBS = 4.1


def _backward(spike: Callable) -> Callable:
    # Donating nothing and returning dx only: exactly read x, read ct, write dx.
    return jax.jit(lambda x, ct: jax.vjp(spike, x)[1](ct)[0])


def bandwidth(program: Callable, x: jax.Array, ct: jax.Array, launches: int, rounds: int) -> float:
    """Bytes moved per second (3 arrays of x's size), median over rounds of ``launches`` launches."""
    program(x, ct).block_until_ready()  # compile
    nbytes = 3 * x.dtype.itemsize * x.size
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(launches):
            out = program(x, ct)
        out.block_until_ready()
        rates.append(nbytes * launches / (time.perf_counter() - start))
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log2-size", type=int, default=30, help="log2 of the element count (default 30)")
    parser.add_argument("--launches", type=int, default=20, help="back-to-back launches per timing (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="timings per entry; the median is reported")
    parser.add_argument("--dtypes", default="float32,bfloat16")
    parser.add_argument("--only", default="", help="comma-separated catalog names (default: all)")
    parser.add_argument("--markdown", type=Path, help="write the result table here")
    args = parser.parse_args(argv)
    size = 2**args.log2_size
    device = jax.devices()[0]
    only = {n for n in args.only.split(",") if n}
    lines = [
        f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {device.platform} ({device.device_kind}), "
        f"jax {jax.__version__}; 2^{args.log2_size} elements, {args.launches} launches per timing, "
        f"median of {args.rounds}; TB/s = 3 × itemsize × N / time; target >= {TARGET_TBS} TB/s.",
        "",
        "| surrogate | dtype | ours TB/s | hand-written TB/s | ours ÷ hand (bandwidth) | meets target |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    print("\n".join(lines), flush=True)
    ok = True
    for dtype_name in [d for d in args.dtypes.split(",") if d]:
        dtype = DTYPES[dtype_name]
        x = (2.0 * jax.random.normal(jax.random.PRNGKey(0), (size,), jnp.float32)).astype(dtype)
        ct = jnp.ones((size,), dtype)
        copy = bandwidth(jax.jit(lambda x, ct: x + ct), x, ct, args.launches, args.rounds) / 1e12
        line = f"| (2-stream copy x + ct) | {dtype_name} | {copy:.3g} | — | — | — |"
        lines.append(line)
        print(line, flush=True)
        for name, cls in catalog_classes().items():
            if only and name not in only:
                continue
            ours = bandwidth(_backward(cls()), x, ct, args.launches, args.rounds) / 1e12
            base = name.rsplit(".", 1)[-1]
            hand = None
            if base in HAND and "." not in name:
                hand = bandwidth(_backward(hand_spike(HAND[base])), x, ct, args.launches, args.rounds) / 1e12
            meets = ours >= TARGET_TBS
            ok &= meets
            hand_cells = f"{hand:.3g} | {ours / hand:.2f}" if hand else "— | —"
            line = f"| {name} | {dtype_name} | {ours:.3g} | {hand_cells} | {'yes' if meets else 'no'} |"
            lines.append(line)
            print(line, flush=True)
        del x, ct
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if ok or device.platform == "cpu" else 1


if __name__ == "__main__":
    raise SystemExit(main())
