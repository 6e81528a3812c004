"""Train a spiking network on Randman with any surrogate; sweep shapes and scales.

Needs the ``train`` extra (optax; matplotlib for plots). The network, the task and the sweep
live in private modules; this one re-exports them and defines the ``train`` and ``sweep``
commands of the command line.

>>> import symsurrogate as ss
>>> from symsurrogate.train import RandmanConfig, TrainConfig, train
>>> result = train(ss.Sigmoid(alpha=4.0), TrainConfig(epochs=2, hidden=32, batch_size=32),
...                RandmanConfig(classes=2, samples_per_class=60))
>>> result.surrogate, result.params, 0.0 <= result.test_accuracy <= 1.0
('Sigmoid', {'alpha': 4.0}, True)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from ._train._batched import run_mesh as run_mesh
from ._train._batched import train_batch as train_batch
from ._train._loop import TrainConfig as TrainConfig
from ._train._loop import TrainingError as TrainingError
from ._train._loop import TrainResult as TrainResult
from ._train._loop import accuracy as accuracy
from ._train._loop import data_mesh as data_mesh
from ._train._loop import forward as forward
from ._train._loop import init_params as init_params
from ._train._loop import loss_and_accuracy as loss_and_accuracy
from ._train._loop import train as train
from ._train._randman import Manifold as Manifold
from ._train._randman import RandmanConfig as RandmanConfig
from ._train._randman import SpikeData as SpikeData
from ._train._randman import randman as randman
from ._train._sweep import markdown_table as markdown_table
from ._train._sweep import plot as plot
from ._train._sweep import run_line as run_line
from ._train._sweep import steepness_parameter as steepness_parameter
from ._train._sweep import summarize as summarize
from ._train._sweep import sweep as sweep

TASKS = ("randman",)


def surrogate_class(name: str) -> type:
    """The surrogate class called ``name``: a catalog class, or a preset as ``library.Name``.

    Raises:
        KeyError: no such surrogate; the message suggests close matches.
    """
    from ._codegen._resolve import resolve_class

    return resolve_class(name)


def make_surrogate(name: str, params: dict[str, Any] | None = None) -> Any:
    """An instance of the surrogate ``name`` with ``params``; errors name the culprit."""
    cls = surrogate_class(name)
    params = params or {}
    known = [p.name for p in cls._params]
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise ValueError(f"{name} has no parameter {', '.join(map(repr, unknown))}; its parameters: {', '.join(known)}")
    static = {p.name for p in cls._params if p.static}
    # "--param alpha=16" parses as an integer; only static parameters stay integers.
    return cls(**{k: v if k in static or not isinstance(v, int) else float(v) for k, v in params.items()})


def parse_param(text: str) -> tuple[str, int | float]:
    """``"alpha=4"`` -> ``("alpha", 4)``; integers stay integers (static parameters need them)."""
    name, sep, value = text.partition("=")
    name, value = name.strip(), value.strip()
    if not sep or not name.isidentifier():
        raise ValueError(f"--param expects NAME=VALUE, got {text!r}")
    try:
        return name, int(value)
    except ValueError:
        pass
    try:
        return name, float(value)
    except ValueError:
        raise ValueError(f"--param {name}: {value!r} is not a number") from None


def _floats(text: str, option: str) -> list[float]:
    try:
        values = [float(part) for part in text.replace(",", " ").split()]
    except ValueError:
        raise ValueError(f"{option} expects numbers separated by commas, got {text!r}") from None
    if not values:
        raise ValueError(f"{option} needs at least one value")
    return values


def _config(args: argparse.Namespace, seed: int = 0) -> TrainConfig:
    overrides = {
        "epochs": args.epochs,
        "hidden": args.hidden,
        "batch_size": args.batch_size,
        "learning_rate": args.learning_rate,
    }
    return TrainConfig(seed=seed, **{k: v for k, v in overrides.items() if v is not None})


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _epoch_line(epochs: int) -> Any:
    def show(record: dict[str, float]) -> None:
        test = f"  test {record['test_accuracy']:.3f}" if "test_accuracy" in record else ""
        _log(
            f"epoch {record['epoch']:>3}/{epochs}  loss {record['loss']:.4f}"
            f"  train {record['train_accuracy']:.3f}{test}  ({record['seconds']:.1f} s)"
        )

    return show


def _needs_extras(command: Any) -> Any:
    """Turn a missing optional package (optax, matplotlib) into a one-line command error."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except ImportError as err:
            from ._errors import CommandError

            raise CommandError(str(err)) from None

    return run


def _cmd_train(args: argparse.Namespace) -> int:
    params = dict(parse_param(p) for p in args.param)
    spike = make_surrogate(args.surrogate, params)
    config = _config(args, args.seed)
    data = RandmanConfig(classes=args.classes, manifold_dim=args.manifold_dim, samples_per_class=args.samples)
    _log(f"training on {args.task} ({data.classes} classes, {data.manifold_dim}-D manifolds) with {spike!r}")
    started = time.perf_counter()
    result = train(spike, config, data, progress=_epoch_line(config.epochs), eval_every=args.eval_every)
    record = result.as_dict()
    record.pop("history")
    record.update(task=args.task, total_seconds=time.perf_counter() - started)
    print(json.dumps({"surrogate": args.surrogate, **{k: v for k, v in record.items() if k != "surrogate"}}))
    return 0


def _cmd_sweep(args: argparse.Namespace) -> int:
    names = [n.strip() for n in args.surrogates.split(",") if n.strip()]
    if not names:
        raise ValueError("--surrogates needs at least one name")
    scales = _floats(args.scales, "--scales")
    factories = {}
    for name in names:
        cls = surrogate_class(name)
        parameter = args.scale_param or steepness_parameter(cls)
        make_surrogate(name, {parameter: scales[0]})  # fail early on a bad parameter name or value
        factories[name] = lambda scale, cls=cls, parameter=parameter: cls(**{parameter: scale})
    for scale in scales:
        for factory in factories.values():
            factory(scale)  # every scale must be valid for every shape before hours of training
    if args.seeds < 1:
        raise ValueError(f"--seeds must be at least 1, got {args.seeds}")
    if args.max_batch is not None and args.max_batch < 1:
        raise ValueError(f"--max-batch must be at least 1, got {args.max_batch}")
    if args.distributed:
        import jax

        # JAX's own runtime: coordinator, process count and id come from the cluster
        # environment (SLURM, Open MPI, Cloud TPU) or JAX_COORDINATOR_ADDRESS and friends.
        jax.distributed.initialize()
    _log(f"sweep: {len(names)} shapes x {len(scales)} scales x {args.seeds} seeds")
    config = _config(args)
    data = RandmanConfig(classes=args.classes, manifold_dim=args.manifold_dim, samples_per_class=args.samples)
    results = sweep(
        factories,
        scales,
        args.seeds,
        config,
        data,
        progress=not args.quiet,
        batched=False if args.sequential else True if args.batched else None,
        max_batch=args.max_batch,
    )
    if results["batched"] and not args.quiet:  # a batch shows one line while it trains; report each run now
        for done, run in enumerate(results["runs"], 1):
            _log(run_line(done, len(results["runs"]), run))
    if args.distributed:
        import jax

        if jax.process_index() != 0:  # every process holds the results; one writes them
            return 0
    from ._train._sweep import save

    save(results, args.output)
    _log(f"wrote {args.output}")
    if args.plot:
        plot(results, args.plot)
        _log(f"wrote {args.plot}")
    sys.stdout.write(markdown_table(results["summary"]))
    return 0


def _common(parser: argparse.ArgumentParser, epochs_help: str) -> None:
    parser.add_argument("--task", choices=TASKS, default="randman", help="the task (default: randman)")
    parser.add_argument("--epochs", type=int, help=epochs_help)
    parser.add_argument("--hidden", type=int, help=f"hidden LIF neurons (default {TrainConfig.hidden})")
    parser.add_argument("--batch-size", type=int, help=f"batch size (default {TrainConfig.batch_size})")
    parser.add_argument("--learning-rate", type=float, help=f"Adam step (default {TrainConfig.learning_rate})")
    parser.add_argument("--classes", type=int, default=10, help="Randman classes (default 10)")
    parser.add_argument("--manifold-dim", type=int, default=1, help="Randman manifold dimension (default 1)")
    parser.add_argument("--samples", type=int, default=1000, help="Randman samples per class (default 1000)")


def add_commands(subparsers: Any) -> None:
    """Add ``train`` and ``sweep`` to the ``symsurrogate`` command line."""
    cmd = subparsers.add_parser("train", help="train a spiking network on Randman with a surrogate")
    cmd.add_argument("--surrogate", default="Sigmoid", help="catalog name or preset library.Name (default Sigmoid)")
    cmd.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="surrogate parameter")
    cmd.add_argument("--seed", type=int, default=0, help="seeds the data, the weights and the batch order")
    cmd.add_argument("--eval-every", type=int, default=0, help="also report test accuracy every N epochs")
    _common(cmd, f"passes over the training set (default {TrainConfig.epochs})")
    cmd.set_defaults(func=_needs_extras(_cmd_train))
    cmd = subparsers.add_parser("sweep", help="test accuracy against steepness for several surrogate shapes")
    cmd.add_argument("--surrogates", default="Sigmoid", help="comma-separated surrogate names")
    cmd.add_argument("--scales", default="1,4,16,64", help="steepness values, comma-separated")
    cmd.add_argument("--scale-param", help="the parameter to sweep (default: each shape's steepness parameter)")
    cmd.add_argument("--seeds", type=int, default=2, help="seeds 0..N-1 per cell (default 2)")
    cmd.add_argument("-o", "--output", default="sweep.json", help="results JSON (default sweep.json)")
    cmd.add_argument("--plot", help="also write a plot (SVG)")
    order = cmd.add_mutually_exclusive_group()
    order.add_argument("--batched", action="store_true", help="always batch runs (default: unless on one CPU)")
    order.add_argument("--sequential", action="store_true", help="train one run after the other")
    cmd.add_argument("--max-batch", type=int, help="at most N runs per compiled batch (default: no limit)")
    cmd.add_argument("--quiet", action="store_true", help="no progress line while a batch trains")
    cmd.add_argument(
        "--distributed", action="store_true", help="call jax.distributed.initialize() first (several hosts)"
    )
    _common(cmd, "passes over the training set per run (default 3)")
    cmd.set_defaults(func=_needs_extras(_cmd_sweep), epochs=3)
