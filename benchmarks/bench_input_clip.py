"""What the backward pass's input clip costs: Sigmoid's fast backward with and without it.

The runtime reads x as ``clip(x, -max, max)`` before evaluating g, so that g(±inf) is the
limit of g rather than a NaN from inf·0 in formulas such as x·e^(−x²). This benchmark
times, interleaved in one process on 1,000,000 float32 elements, the backward pass of

* ``Sigmoid(precision="fast")`` as shipped,
* braintools' Sigmoid,
* a hand-written copy of the shipped fast code (``e·α·(e + 1)^−2`` with ``e = exp(−α|x|)``)
  with the clip and without it, and with the other ways of mapping ±inf to ±max.

Ratios are medians of per-round ratios against braintools, with the 25th–75th percentiles.
Not a test: evidence for docs/benchmarks.md.

    python benchmarks/bench_input_clip.py --repeats 61
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

import jax
import jax.numpy as jnp

ALPHA = 4.0
LARGEST = float(jnp.finfo(jnp.float32).max)

# Ways of reading x as the backward pass needs it (±inf as ±max, NaN kept).
INPUTS: dict[str, Callable[[jax.Array], jax.Array]] = {
    "no clip": lambda x: x,
    "clip (as shipped)": lambda x: jnp.clip(x, -LARGEST, LARGEST),
    "where isinf": lambda x: jnp.where(jnp.isinf(x), jnp.copysign(jnp.float32(LARGEST), x), x),
}


def _fast_sigmoid_grad(x: jax.Array) -> jax.Array:
    e = jnp.exp(-ALPHA * jnp.abs(x))
    return e * ALPHA * (e + 1) ** -2


def _programs() -> dict[str, Callable]:
    import braintools

    import symsurrogate as ss

    ours, theirs = ss.Sigmoid(precision="fast"), braintools.surrogate.Sigmoid()
    programs = {
        "braintools": jax.jit(lambda x, ct: jax.vjp(theirs, x)[1](ct)[0]),
        "Sigmoid fast": jax.jit(lambda x, ct: jax.vjp(ours, x)[1](ct)[0]),
    }
    for name, read in INPUTS.items():
        programs[f"hand, {name}"] = jax.jit(lambda x, ct, read=read: ct * _fast_sigmoid_grad(read(x)))
    return programs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=61)
    parser.add_argument("--size", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    programs = _programs()
    x = jax.random.normal(jax.random.PRNGKey(0), (args.size,), jnp.float32) * 2
    ct = jnp.ones_like(x)
    for program in programs.values():  # compile and warm up
        program(x, ct).block_until_ready()
    samples: dict[str, list[float]] = {name: [] for name in programs}
    names = list(programs)
    for round_ in range(args.repeats):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            programs[name](x, ct).block_until_ready()
            samples[name].append(time.perf_counter() - start)
    print(f"{args.size:,} float32 elements, {args.repeats} interleaved rounds; load average {os.getloadavg()}")
    print(f"{'program':28s} {'ms':>7s}  ÷ braintools (25th–75th)")
    for name, times in samples.items():
        ratios = sorted(t / b for t, b in zip(times, samples["braintools"], strict=True))
        quartiles = statistics.quantiles(ratios, n=4)
        print(
            f"{name:28s} {statistics.median(times) * 1e3:7.3f}  "
            f"{statistics.median(ratios):.3f} ({quartiles[0]:.2f}–{quartiles[2]:.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
