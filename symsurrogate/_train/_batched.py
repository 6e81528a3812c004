"""Batched training: many runs of one network shape as one compiled, sharded program.

A sweep trains the same network many times, changing only the seed (data, weights, batch
order) and the surrogate's parameters. Those runs differ in array *values*, not shapes, so
they are stacked along a leading ``runs`` axis and trained together: ``jax.vmap`` over the
runs, ``jax.jit`` once, and the ``runs`` axis sharded over every device with a
``NamedSharding`` on a 1-D mesh (each device trains its share of the runs; no communication).
Surrogates of different classes whose parameters have the same structure (Sigmoid and
Arctan both take one ``alpha``) share the program through ``lax.switch`` on a surrogate
index; under ``vmap`` the switch evaluates every branch and selects, which costs a few
elementwise operations per time step against the network's matrix products.

Each run sees exactly what :func:`~symsurrogate._train._loop.train` would give it: the same
initial weights, the same batch order from ``numpy.random.default_rng(seed)``, the same
update, so results equal the sequential ones to float tolerance.

On several hosts, call ``jax.distributed.initialize()`` first: ``jax.devices()`` then lists
every host's devices, the mesh spans them, and JAX's runtime moves the results.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec

from ._loop import (
    Params,
    TrainConfig,
    TrainingError,
    TrainResult,
    _batches,
    _dynamic_surrogate,
    _make_optimizer,
    forward,
    init_params,
    optimizer_step,
    surrogate_name,
    surrogate_params,
)
from ._progress import progress_display
from ._randman import SpikeData

Run = tuple[Callable, int, tuple[SpikeData, SpikeData]]
"""One run of a batch: (surrogate instance, seed, (train data, test data))."""

_PROGRAMS: dict[tuple, tuple[Callable, Callable, Any]] = {}
_MAX_PROGRAMS = 8


def run_mesh(devices: Sequence[Any] | None = None) -> Mesh:
    """A 1-D mesh named ``runs`` over the given (default: all visible, on every host) devices."""
    return Mesh(np.array(devices if devices is not None else jax.devices()), ("runs",))


def batch_key(surrogate: Callable) -> tuple | None:
    """Runs whose surrogates have equal keys can share one program (same parameter shapes and
    dtypes); None for a surrogate whose parameters are not a pytree of numbers."""
    dynamic = _dynamic_surrogate(surrogate)
    if dynamic is None:
        return None
    return tuple((np.shape(leaf), str(jnp.asarray(leaf).dtype)) for leaf in dynamic[0])


def _spike_function(treedefs: tuple, index: jax.Array, parts: list) -> Callable:
    """The surrogate of one run, rebuilt from its parameters; a switch when shapes differ."""
    if len(treedefs) == 1:
        return jax.tree_util.tree_unflatten(treedefs[0], parts)
    branches = [lambda v, t=t: jax.tree_util.tree_unflatten(t, parts)(v) for t in treedefs]
    return lambda v: jax.lax.switch(index, branches, v)


def _programs(treedefs: tuple, steps: int, config: TrainConfig, mesh: Mesh) -> tuple[Callable, Callable, Any]:
    """Jitted, vmapped (train step, evaluation) and the optimiser, cached across batches."""
    model = (config.hidden, config.tau_mem, config.tau_syn, config.threshold, config.detach_reset)
    key = (treedefs, steps, model, config.learning_rate, tuple(mesh.devices.flat))
    cached = _PROGRAMS.get(key)
    if cached is not None:
        return cached
    optimizer = _make_optimizer(config.learning_rate)

    def one_step(
        params: Params, opt_state: Any, index: jax.Array, parts: list, times: jax.Array, labels: jax.Array
    ) -> tuple:
        spike = _spike_function(treedefs, index, parts)
        return optimizer_step(optimizer, params, opt_state, spike, times, labels, steps, config)

    def one_evaluation(params: Params, index: jax.Array, parts: list, times: jax.Array, labels: jax.Array) -> jax.Array:
        spike = _spike_function(treedefs, index, parts)
        scores = jnp.max(forward(params, times, steps, spike, config), axis=0)
        return jnp.sum((jnp.argmax(scores, axis=1) == labels) & (labels >= 0))

    programs = (jax.jit(jax.vmap(one_step)), jax.jit(jax.vmap(one_evaluation)), optimizer)
    if len(_PROGRAMS) >= _MAX_PROGRAMS:
        del _PROGRAMS[next(iter(_PROGRAMS))]
    _PROGRAMS[key] = programs
    return programs


def _put(tree: Any, sharding: NamedSharding) -> Any:
    """Host arrays (leading axis: runs) as global arrays sharded on that axis; works on several hosts."""

    def one(array: Any) -> jax.Array:
        array = np.asarray(array)
        return jax.make_array_from_callback(array.shape, sharding, lambda index: array[index])

    return jax.tree_util.tree_map(one, tree)


def _fetch(tree: Any) -> Any:
    """Global arrays as host NumPy arrays, gathered from every host when they span several."""
    leaves = jax.tree_util.tree_leaves(tree)
    if all(getattr(leaf, "is_fully_addressable", True) for leaf in leaves):
        return jax.device_get(tree)
    from jax.experimental import multihost_utils

    return multihost_utils.process_allgather(tree, tiled=True)


def train_batch(
    runs: Sequence[Run],
    config: TrainConfig,
    *,
    mesh: Mesh | None = None,
    progress: bool = True,
) -> list[TrainResult]:
    """Train every run together; one :class:`TrainResult` per run, in order.

    ``config.seed`` is ignored (each run names its seed); the runs' surrogates must share
    :func:`batch_key` and their data sets the same shapes. ``progress`` shows one line (or
    tqdm bar) for the whole batch.

    Raises:
        ValueError: the runs cannot share a program.
        TrainingError: a run's loss or gradient became NaN or infinite; names run and epoch.
    """
    if not runs:
        raise ValueError("a batch needs at least one run")
    keys = {batch_key(surrogate) for surrogate, _, _ in runs}
    if None in keys or len(keys) > 1:
        raise ValueError("the runs of a batch need surrogates whose parameters have the same structure")
    shapes = {(train.times.shape, test.times.shape, train.steps) for _, _, (train, test) in runs}
    if len(shapes) > 1:
        raise ValueError("the runs of a batch need data sets of the same shape")
    train_shape, _, steps = shapes.pop()
    n_train = train_shape[0]
    if config.batch_size > n_train:
        raise ValueError(f"batch_size {config.batch_size} exceeds the {n_train} training samples")
    mesh = mesh or run_mesh()
    start = time.perf_counter()
    # Pad the runs to a multiple of the device count with copies of the last; dropped at the end.
    padded = list(runs) + [runs[-1]] * (-len(runs) % mesh.size)
    flat = [jax.tree_util.tree_flatten(surrogate) for surrogate, _, _ in padded]
    treedefs = tuple(dict.fromkeys(treedef for _, treedef in flat))
    sharded = NamedSharding(mesh, PartitionSpec("runs"))
    step, evaluate, optimizer = _programs(treedefs, steps, config, mesh)

    index = _put(np.array([treedefs.index(treedef) for _, treedef in flat], np.int32), sharded)
    parts = _put([np.stack([jnp.asarray(leaves[j]) for leaves, _ in flat]) for j in range(len(flat[0][0]))], sharded)
    n_classes = [int(max(tr.labels.max(), te.labels.max())) + 1 for _, _, (tr, te) in padded]
    if len(set(n_classes)) > 1:
        raise ValueError("the runs of a batch need data sets with the same number of classes")
    # Initial weights exactly as train() draws them, one seed at a time.
    initial = [init_params(jax.random.PRNGKey(seed), train_shape[1], n_classes[0], config) for _, seed, _ in padded]
    params = _put(jax.tree_util.tree_map(lambda *p: np.stack(p), *initial), sharded)
    opt_state = jax.jit(jax.vmap(optimizer.init))(params)
    rngs = [np.random.default_rng(seed) for _, seed, _ in padded]
    batches = n_train // config.batch_size
    display = progress_display(config.epochs, batches, label=f"sweep of {len(runs)} runs") if progress else None
    histories: list[list[dict[str, float]]] = [[] for _ in runs]
    try:
        for epoch in range(1, config.epochs + 1):
            orders = [rng.permutation(n_train) for rng in rngs]
            losses, accs, finite = [], [], []
            for b in range(batches):
                chosen = [order[b * config.batch_size : (b + 1) * config.batch_size] for order in orders]
                times = np.stack([data[0].times[i] for (_, _, data), i in zip(padded, chosen, strict=True)])
                labels = np.stack([data[0].labels[i] for (_, _, data), i in zip(padded, chosen, strict=True)])
                params, opt_state, loss, acc, ok = step(
                    params, opt_state, index, parts, _put(times, sharded), _put(labels, sharded)
                )
                losses.append(loss)
                accs.append(acc)
                finite.append(ok)
                if display is not None:
                    display.batch_done()
            losses, accs, finite = (np.stack(_fetch(x)) for x in (losses, accs, finite))
            seconds = time.perf_counter() - start
            for r, (surrogate, seed, _) in enumerate(runs):
                mean_loss = float(np.mean(losses[:, r]))
                if not np.isfinite(mean_loss) or not finite[:, r].all():
                    what = (
                        f"the loss became {mean_loss}"
                        if not np.isfinite(mean_loss)
                        else "the gradient became NaN or infinite"
                    )
                    raise TrainingError(
                        f"{what} in epoch {epoch}: training stopped"
                        f" (surrogate {surrogate_name(surrogate)}, seed {seed}, learning rate {config.learning_rate})"
                    )
                record = {"epoch": epoch, "loss": mean_loss, "train_accuracy": float(np.mean(accs[:, r]))}
                histories[r].append({**record, "seconds": seconds})
            if display is not None:
                display.epoch_done(
                    {
                        "epoch": epoch,
                        "loss": float(np.mean([h[-1]["loss"] for h in histories])),
                        "train_accuracy": float(np.mean([h[-1]["train_accuracy"] for h in histories])),
                        "seconds": seconds,
                    }
                )
    finally:
        if display is not None:
            display.close()
    correct = np.zeros(len(padded), np.int64)
    test_sets = [data[1] for _, _, data in padded]
    for pieces in zip(*(_batches(test, config.batch_size, None) for test in test_sets), strict=True):
        times, labels = np.stack([p[0] for p in pieces]), np.stack([p[1] for p in pieces])
        correct += np.asarray(_fetch(evaluate(params, index, parts, _put(times, sharded), _put(labels, sharded))))
    weights = _fetch(params)
    seconds = time.perf_counter() - start
    return [
        TrainResult(
            surrogate=surrogate_name(surrogate),
            params=surrogate_params(surrogate),
            test_accuracy=float(correct[r]) / len(data[1]),
            train_accuracy=histories[r][-1]["train_accuracy"],
            train_seconds=seconds / len(runs),
            epochs=config.epochs,
            seed=seed,
            devices=mesh.size,
            history=histories[r],
            weights={name: jnp.asarray(value[r]) for name, value in weights.items()},
        )
        for r, (surrogate, seed, data) in enumerate(runs)
    ]
