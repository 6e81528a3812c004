"""CPU benchmark: the backward pass of every catalog surrogate, both precisions, against braintools and jnp.

All implementations (precision="accurate", precision="fast", braintools, a hand-written jnp
version) run in one process, interleaved (each round times every implementation once, in
rotating order); ratios are medians of the per-round ratios, with their interquartile range
as the spread (target for fast ÷ braintools: <= 1.0). Not a test: timings are evidence for
docs/benchmarks.md, never asserted.

    python benchmarks/bench_surrogates.py --size 1000000 --repeats 9 --markdown out.md
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np

# Run from a source tree: the repository root (for symsurrogate) and this folder on the path.
from _entries import HAND, hand_spike

from symsurrogate._testing import catalog_classes

DTYPES = {"float32": jnp.float32, "bfloat16": jnp.bfloat16}


def braintools_instance(name: str) -> Callable | None:
    """braintools' class of that name at its defaults, or None (not installed, no such class)."""
    try:
        import braintools
    except ImportError:
        return None
    cls = getattr(braintools.surrogate, name, None)
    return cls() if cls is not None else None


def _programs(spike: Callable) -> dict[str, Callable]:
    forward = jax.jit(spike)
    backward = jax.jit(lambda x, ct: jax.vjp(spike, x)[1](ct)[0])
    return {"fwd": lambda x, ct: forward(x), "bwd": backward}


def _time_interleaved(
    programs: dict[str, Callable], x: jax.Array, ct: jax.Array, repeats: int
) -> dict[str, list[float]]:
    """Seconds per program and round; each round times every program once, in rotating order."""
    for program in programs.values():  # compile and warm up
        program(x, ct).block_until_ready()
    samples: dict[str, list[float]] = {name: [] for name in programs}
    names = list(programs)
    for round_ in range(repeats):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            programs[name](x, ct).block_until_ready()
            samples[name].append(time.perf_counter() - start)
    return samples


def _ratio(samples: dict[str, list[float]], ours: str, theirs: str) -> tuple[float, float, float] | None:
    """Median, 25th and 75th percentile of the per-round ratio ours / theirs (same round: same load)."""
    if ours not in samples or theirs not in samples:
        return None
    ratios = np.asarray(samples[ours]) / np.asarray(samples[theirs])
    low, median, high = np.percentile(ratios, [25, 50, 75])
    return float(median), float(low), float(high)


def run(size: int, repeats: int, dtypes: list[str], only: list[str] | None) -> list[dict]:
    rows = []
    key = jax.random.PRNGKey(0)
    for dtype_name in dtypes:
        dtype = DTYPES[dtype_name]
        x = (2.0 * jax.random.normal(key, (size,), jnp.float32)).astype(dtype)
        ct = jax.random.uniform(jax.random.PRNGKey(1), (size,), jnp.float32, 0.5, 1.5).astype(dtype)
        for name, cls in catalog_classes().items():
            if only and name not in only:
                continue
            impls = {"accurate": cls(), "fast": cls(precision="fast")}
            base = name.rsplit(".", 1)[-1]
            theirs = braintools_instance(base) if "." not in name else None
            if theirs is not None:
                impls["braintools"] = theirs
            if base in HAND and "." not in name:
                impls["hand"] = hand_spike(HAND[base])
            programs = {}
            for impl, spike in impls.items():
                for phase, program in _programs(spike).items():
                    programs[f"{impl}/{phase}"] = program
            samples = _time_interleaved(programs, x, ct, repeats)
            row = {"name": name, "dtype": dtype_name}
            row |= {k: statistics.median(v) * 1e3 for k, v in samples.items()}
            for mode in ("accurate", "fast"):
                for other in ("braintools", "hand"):
                    ratio = _ratio(samples, f"{mode}/bwd", f"{other}/bwd")
                    if ratio is not None:
                        row[f"{mode}_{other}"] = ratio
            rows.append(row)
            print(_format_row(row), flush=True)
    return rows


def _cell(row: dict, key: str, fmt: str = ".2f") -> str:
    return format(row[key], fmt) if key in row else "—"


def _ratio_cell(row: dict, key: str) -> str:
    if key not in row:
        return "—"
    median, low, high = row[key]
    return f"{median:.2f} ({low:.2f}–{high:.2f})"


def _format_row(row: dict) -> str:
    cells = [
        row["name"],
        row["dtype"],
        *(_cell(row, f"{impl}/bwd") for impl in ("accurate", "fast", "braintools", "hand")),
    ]
    cells += [_ratio_cell(row, key) for key in ("accurate_braintools", "fast_braintools", "fast_hand")]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| surrogate | dtype | accurate bwd ms | fast bwd ms | braintools bwd ms | hand bwd ms "
    "| accurate ÷ braintools | fast ÷ braintools | fast ÷ hand |\n"
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def machine() -> str:
    device = jax.devices()[0]
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs, "
        f"{device.platform} ({device.device_kind}), jax {jax.__version__}, Python {platform.python_version()}"
    )


def markdown(rows: list[dict], size: int, repeats: int) -> str:
    fast = [r["fast_braintools"][0] for r in rows if "fast_braintools" in r]
    worst = max(fast) if fast else float("nan")
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    lines = [
        f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {machine()}; load average at the end {load}.",
        f"{size:,} elements, {repeats} interleaved rounds; times are medians in ms of the backward pass "
        "(vjp of the spike function); ratios are the median (25th–75th percentile) of the per-round "
        f"ratio. Worst fast ÷ braintools median: {worst:.2f}.",
        "",
        HEADER,
        *(_format_row(r) for r in rows),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="elements per array (default 1M)")
    parser.add_argument("--repeats", type=int, default=9, help="interleaved rounds (default 9)")
    parser.add_argument("--dtypes", default="float32,bfloat16", help="comma-separated: float32,bfloat16")
    parser.add_argument("--only", default="", help="comma-separated catalog names (default: all)")
    parser.add_argument("--markdown", type=Path, help="write the result table here")
    args = parser.parse_args(argv)
    dtypes = [d for d in args.dtypes.split(",") if d]
    unknown = set(dtypes) - set(DTYPES)
    if unknown:
        parser.error(f"unknown dtype(s) {sorted(unknown)}; choose from {sorted(DTYPES)}")
    print(HEADER)
    rows = run(args.size, args.repeats, dtypes, [n for n in args.only.split(",") if n] or None)
    if args.markdown:
        args.markdown.write_text(markdown(rows, args.size, args.repeats), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
