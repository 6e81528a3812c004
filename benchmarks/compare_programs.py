"""What XLA compiles for the backward pass: per-element operations, ours against braintools'.

Timings of a memory-bound elementwise pass on a shared machine move by several per cent from
run to run, more than the difference between two programs that do the same work. This
script counts instead: it compiles the backward pass (vjp of the spike function, 1M float32
elements, default parameters) of each catalog entry in fast and accurate mode and of its
braintools class, and counts the operations XLA's optimised program performs per element
(every instruction whose shape is x's, but for parameters, broadcasts and the fusion calls
that wrap them). Equal counts mean the same arithmetic per element; the timings of
``bench_surrogates.py`` can then only differ by noise. Not a test: evidence for
docs/benchmarks.md.

    python benchmarks/compare_programs.py --only Sigmoid,ERF --markdown out.md
"""

from __future__ import annotations

import argparse
import collections
import re
from collections.abc import Callable
from pathlib import Path

import jax
import jax.numpy as jnp
from bench_surrogates import braintools_instance, machine

from symsurrogate._testing import catalog_classes

SIZE = 1_000_000
_NOT_ARITHMETIC = {"parameter", "broadcast", "fusion", "bitcast", "copy", "tuple", "get-tuple-element"}


def per_element_operations(spike: Callable) -> collections.Counter:
    """Operation name → count over the compiled backward program's per-element instructions."""
    x = jnp.ones(SIZE, jnp.float32)
    backward = jax.jit(lambda x, ct: jax.vjp(spike, x)[1](ct)[0])
    text = backward.lower(x, x).compile().as_text()
    pattern = re.compile(rf"^\s*(?:ROOT )?%\S+ = \w+\[{SIZE}\]\{{0\}} ([\w-]+)\(")
    found = (pattern.match(line) for line in text.splitlines())
    return collections.Counter(m.group(1) for m in found if m and m.group(1) not in _NOT_ARITHMETIC)


def _cell(ops: collections.Counter) -> str:
    return f"{sum(ops.values())} ({', '.join(f'{n} {k}' for k, n in sorted(ops.items()))})"


def run(only: list[str] | None) -> list[str]:
    rows = []
    for name, cls in catalog_classes().items():
        theirs = braintools_instance(name) if "." not in name else None
        if theirs is None or (only and name not in only):
            continue
        fast, accurate, reference = (per_element_operations(s) for s in (cls(precision="fast"), cls(), theirs))
        extra = fast - reference
        beyond = _cell(extra) if extra else "—"
        row = f"| {name} | {_cell(fast)} | {_cell(reference)} | {beyond} | {sum(accurate.values())} |"
        print(row, flush=True)
        rows.append(row)
    return rows


HEADER = (
    "| surrogate | fast: ops per element | braintools: ops per element | fast's ops beyond braintools' "
    "| accurate: ops per element |\n| --- | --- | --- | --- | ---: |"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default="", help="comma-separated catalog names (default: all with a braintools class)"
    )
    parser.add_argument("--markdown", type=Path, help="write the result table here")
    args = parser.parse_args(argv)
    print(HEADER)
    rows = run([n for n in args.only.split(",") if n] or None)
    if args.markdown:
        intro = f"Compiled on {machine()}; {SIZE:,} float32 elements, default parameters.\n\n"
        args.markdown.write_text(intro + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
