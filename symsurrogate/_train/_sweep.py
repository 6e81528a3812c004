"""Sweeps: test accuracy against the surrogate's steepness for several shapes, over seeds.

Zenke & Vogels 2021 found that surrogate-gradient learning is robust to the shape of the
surrogate but sensitive to its scale. A sweep trains the same network on the same data
(one data set and initialisation per seed, shared by every shape and scale) and varies one
thing at a time: the surrogate class, and the value of its steepness parameter.
"""

from __future__ import annotations

import dataclasses
import io
import json
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jax
from jax.sharding import Mesh

from ._batched import batch_key, train_batch
from ._loop import TrainConfig, TrainResult, train
from ._randman import RandmanConfig, SpikeData, randman

Factory = Callable[[float], Callable]


def steepness_parameter(surrogate_cls: type) -> str:
    """The name of the parameter that sets a surrogate class's steepness (its width's inverse).

    The catalog declares it (``steepness = "alpha"``); otherwise the first non-static parameter.
    """
    spec = getattr(surrogate_cls, "_spec", None)
    name = getattr(spec, "steepness", None)
    if name is None and getattr(surrogate_cls, "_catalog_name", None):
        from .._symbolic._catalog import catalog_entries

        entry = catalog_entries().get(surrogate_cls._catalog_name)
        name = entry[1].get("steepness") if entry else None
    if name is None:
        traced = [p.name for p in getattr(surrogate_cls, "_params", ()) if not p.static]
        if not traced:
            raise ValueError(f"{surrogate_cls.__name__} has no parameter to sweep")
        name = traced[0]
    return name


def _factory(value: type | Factory) -> Factory:
    if isinstance(value, type):
        parameter = steepness_parameter(value)
        return lambda scale: value(**{parameter: scale})
    return value


def summarize(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mean, standard deviation, min and max of test accuracy per (surrogate, scale), in run order."""
    groups: dict[tuple[str, float], list[float]] = {}
    for run in runs:
        groups.setdefault((run["surrogate"], run["scale"]), []).append(run["test_accuracy"])
    rows = []
    for (name, scale), values in groups.items():
        rows.append(
            {
                "surrogate": name,
                "scale": scale,
                "mean": statistics.fmean(values),
                "std": statistics.stdev(values) if len(values) > 1 else 0.0,
                "min": min(values),
                "max": max(values),
                "seeds": len(values),
            }
        )
    return rows


def run_line(done: int, total: int, run: dict[str, Any]) -> str:
    """The one-line report of a finished run, as the ``sweep`` command prints it."""
    return (
        f"[{done}/{total}] {run['surrogate']} scale={run['scale']:g} seed={run['seed']}: "
        f"test accuracy {run['test_accuracy']:.3f} ({run['train_seconds']:.1f} s)"
    )


def _record(name: str, scale: float, result: TrainResult) -> dict[str, Any]:
    return {
        "surrogate": name,
        "scale": float(scale),
        "seed": result.seed,
        "params": result.params,
        "test_accuracy": result.test_accuracy,
        "final_loss": result.history[-1]["loss"],
        "train_seconds": result.train_seconds,
    }


def sweep(
    surrogates: dict[str, Factory | type],
    scales: Sequence[float],
    seeds: int | Sequence[int] = 2,
    config: TrainConfig | None = None,
    data: RandmanConfig | None = None,
    progress: bool | Callable[[str], None] | None = True,
    *,
    batched: bool | None = None,
    mesh: Mesh | None = None,
    max_batch: int | None = None,
) -> dict[str, Any]:
    """Train every (surrogate, scale, seed) combination; return runs and a per-cell summary.

    Args:
        surrogates: display name -> factory building the surrogate for a scale value, or a
            surrogate class (the scale then sets its steepness parameter).
        scales: values given to each factory (the steepness parameter, usually).
        seeds: a count (seeds 0..n-1) or explicit seeds; seed s draws the data and the weights.
        config: training settings; its ``seed`` is replaced by each seed.
        data: Randman settings (default: 10 classes of 1-D manifolds).
        progress: ``True`` (default) shows progress on stderr: one line (or tqdm bar) per
            batch when batched, one line per run otherwise; ``False`` or ``None`` is silent;
            a callable receives one line per finished run instead.
        batched: ``True`` trains runs whose surrogates have the same parameter structure
            together, as one compiled program sharded over the devices (see ``_batched``);
            ``False`` trains one run after the other. Both give the same results to float
            tolerance. ``None`` (default) batches unless the only device is a CPU, where the
            vmapped program measured slower than one run after the other (docs/benchmarks.md).
        mesh: devices for the runs axis of a batch (default: every visible device).
        max_batch: at most this many runs per batch (memory); default: no limit.

    ``train_seconds`` of a batched run is its batch's wall time divided by its runs.

    >>> from symsurrogate import Sigmoid
    >>> out = sweep({"Sigmoid": lambda a: Sigmoid(alpha=a)}, [4.0], seeds=1,
    ...             config=TrainConfig(epochs=1, hidden=16, batch_size=32),
    ...             data=RandmanConfig(classes=2, samples_per_class=40), progress=False)
    >>> [(row["surrogate"], row["scale"], row["seeds"]) for row in out["summary"]]
    [('Sigmoid', 4.0, 1)]
    """
    config = config or TrainConfig()
    data = data or RandmanConfig()
    surrogates = {name: _factory(value) for name, value in surrogates.items()}
    seed_list = list(range(seeds)) if isinstance(seeds, int) else list(seeds)
    if not seed_list or not scales or not surrogates:
        raise ValueError("a sweep needs at least one surrogate, one scale and one seed")
    if max_batch is not None and (isinstance(max_batch, bool) or not isinstance(max_batch, int) or max_batch < 1):
        raise ValueError(f"max_batch must be a positive integer, got {max_batch!r}")
    if batched is None:
        devices = list(mesh.devices.flat) if mesh is not None else jax.devices()
        batched = len(devices) > 1 or devices[0].platform != "cpu"
    cache: dict[int, tuple[SpikeData, SpikeData]] = {}
    for seed in seed_list:
        cache[seed] = randman(data, seed=seed)
    cells = [
        (name, scale, seed, factory(scale))
        for name, factory in surrogates.items()
        for scale in scales
        for seed in seed_list
    ]
    runs: list[dict[str, Any] | None] = [None] * len(cells)
    done = 0

    def finished(position: int, record: dict[str, Any]) -> None:
        nonlocal done
        runs[position] = record
        done += 1
        if callable(progress):
            progress(run_line(done, len(cells), record))
        elif progress and not batched:
            print(run_line(done, len(cells), record), file=sys.stderr, flush=True)

    # Group the runs that can share one compiled program; the rest train one by one.
    groups: dict[Any, list[int]] = {}
    for position, (_, _, _, surrogate) in enumerate(cells):
        key = batch_key(surrogate) if batched else None
        groups.setdefault(("batch", key) if key is not None else ("single", position), []).append(position)
    for (kind, _), positions in groups.items():
        if kind == "single":
            (position,) = positions
            name, scale, seed, surrogate = cells[position]
            result = train(surrogate, dataclasses.replace(config, seed=seed), cache[seed], progress=False)
            finished(position, _record(name, scale, result))
            continue
        size = max_batch or len(positions)
        for start in range(0, len(positions), size):
            chunk = positions[start : start + size]
            batch = [(cells[p][3], cells[p][2], cache[cells[p][2]]) for p in chunk]
            results = train_batch(batch, config, mesh=mesh, progress=progress is True)
            for position, result in zip(chunk, results, strict=True):
                finished(position, _record(cells[position][0], cells[position][1], result))
    return {
        "task": {"name": "randman", **dataclasses.asdict(data)},
        "config": {k: v for k, v in dataclasses.asdict(config).items() if k != "seed"},
        "seeds": seed_list,
        "batched": batched,
        "runs": runs,
        "summary": summarize(runs),
    }


def markdown_table(summary: Sequence[dict[str, Any]]) -> str:
    """Test accuracy (mean ± std over seeds) with shapes as rows and scales as columns."""
    names = list(dict.fromkeys(row["surrogate"] for row in summary))
    scales = sorted({row["scale"] for row in summary})
    cells = {(row["surrogate"], row["scale"]): row for row in summary}
    lines = [
        "| surrogate | " + " | ".join(f"{s:g}" for s in scales) + " |",
        "| --- |" + " --- |" * len(scales),
    ]
    for name in names:
        values = []
        for scale in scales:
            row = cells.get((name, scale))
            values.append("—" if row is None else f"{100 * row['mean']:.1f} ± {100 * row['std']:.1f}")
        lines.append(f"| {name} | " + " | ".join(values) + " |")
    return "\n".join(lines) + "\n"


def plot(results: dict[str, Any], path: str | Path, xlabel: str = "steepness (scale parameter)") -> None:
    """Test accuracy against scale, one line per shape: mean over seeds, band from min to max.

    The format follows the file name's suffix (``.svg``, ``.png``, ``.pdf``); written atomically.
    """
    try:
        import matplotlib
    except ImportError:
        raise ImportError("plots need matplotlib: pip install 'symsurrogate[docs]'") from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    summary = results["summary"]
    figure, axes = plt.subplots(figsize=(6.0, 4.0))
    for name in dict.fromkeys(row["surrogate"] for row in summary):
        rows = sorted((r for r in summary if r["surrogate"] == name), key=lambda r: r["scale"])
        x = [r["scale"] for r in rows]
        line = axes.plot(x, [100 * r["mean"] for r in rows], marker="o", label=name)[0]
        lows, highs = [100 * r["min"] for r in rows], [100 * r["max"] for r in rows]
        axes.fill_between(x, lows, highs, color=line.get_color(), alpha=0.2, linewidth=0)
    chance = 100.0 / results["task"]["classes"]
    axes.axhline(chance, color="grey", linestyle=":", linewidth=1, label="chance")
    scales = [r["scale"] for r in summary]
    if min(scales) > 0 and max(scales) / min(scales) >= 10:
        axes.set_xscale("log")
    axes.set_xlabel(xlabel)
    axes.set_ylabel("test accuracy (%)")
    seeds = len(results["seeds"])
    axes.set_title(f"Randman, {results['config']['epochs']} epochs, {seeds} seed{'s' * (seeds > 1)}: mean, min–max")
    axes.set_ylim(0, 100)
    axes.legend(loc="lower left", fontsize="small")
    figure.tight_layout()
    path = Path(path)
    buffer = io.BytesIO()
    # No date in the metadata: the same results give the same file.
    metadata = {"Date": None} if path.suffix.lower() == ".svg" else {}
    figure.savefig(buffer, format=path.suffix.lstrip(".").lower() or "svg", metadata=metadata)
    plt.close(figure)
    from .._support._files import write_atomic

    write_atomic(path, buffer.getvalue())


def save(results: dict[str, Any], path: str | Path) -> None:
    """Write results as JSON atomically."""
    from .._support._files import write_atomic

    write_atomic(Path(path), json.dumps(results, indent=1) + "\n")
