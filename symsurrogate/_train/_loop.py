"""A small spiking network trained with surrogate gradients: pure JAX, BPTT through ``lax.scan``.

The network is the one of Zenke & Vogels 2021: a hidden layer of current-based leaky
integrate-and-fire neurons and a non-spiking leaky-integrator readout whose maximum over time
is the class score. The spike nonlinearity is any surrogate: a catalog class instance, a
preset, a class from :func:`symsurrogate.surrogate`, or any callable ``v -> spikes`` with a
custom gradient (braintools' classes work too). Batches are sharded over every visible
device along the batch axis; parameters are replicated.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec

from ._progress import progress_display
from ._randman import RandmanConfig, SpikeData, randman

Params = dict[str, jax.Array]


class TrainingError(ValueError):
    """Training cannot go on (a non-finite loss, say); the message names the epoch."""


@dataclass(frozen=True)
class TrainConfig:
    """Network and optimiser settings; the defaults solve Randman (10 classes, 1-D) on a CPU.

    Attributes:
        hidden: LIF neurons in the hidden layer.
        epochs: passes over the training set.
        batch_size: samples per step, split evenly over the devices.
        learning_rate: Adam step size.
        tau_mem: membrane time constant, in units of ``dt``.
        tau_syn: synaptic time constant, in units of ``dt``.
        threshold: firing threshold; the surrogate sees ``v - threshold``.
        weight_scale: input weights are N(0, weight_scale² / fan_in), scaled by ``1 - exp(-1/tau_mem)``.
        detach_reset: stop the gradient through the reset after a spike (as Zenke & Vogels).
        seed: seeds the weights and the batch order.
    """

    hidden: int = 128
    epochs: int = 10
    batch_size: int = 128
    learning_rate: float = 2e-3
    tau_mem: float = 20.0
    tau_syn: float = 10.0
    threshold: float = 1.0
    weight_scale: float = 7.0
    detach_reset: bool = True
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("hidden", "epochs", "batch_size"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"TrainConfig.{name} must be a positive integer, got {value!r}")
        for name in ("learning_rate", "tau_mem", "tau_syn", "threshold", "weight_scale"):
            value = getattr(self, name)
            if not (isinstance(value, numbers.Real) and math.isfinite(value) and value > 0):
                raise ValueError(f"TrainConfig.{name} must be a positive finite number, got {value!r}")

    @property
    def decay_mem(self) -> float:
        return math.exp(-1.0 / self.tau_mem)

    @property
    def decay_syn(self) -> float:
        return math.exp(-1.0 / self.tau_syn)


@dataclass
class TrainResult:
    """What :func:`train` returns; ``as_dict()`` is the CLI's JSON line."""

    surrogate: str
    params: dict[str, Any]
    test_accuracy: float
    train_accuracy: float
    train_seconds: float
    epochs: int
    seed: int
    devices: int
    history: list[dict[str, float]] = field(default_factory=list)
    weights: Params | None = field(default=None, repr=False)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("weights")
        return out


def surrogate_name(surrogate: Callable) -> str:
    """A short name: a function's ``__name__``, else the class name of the instance."""
    return getattr(surrogate, "__name__", None) or type(surrogate).__name__


def surrogate_params(surrogate: Callable) -> dict[str, Any]:
    """Parameter values of a surrogate as JSON-friendly numbers (empty when it has none)."""
    raw = getattr(surrogate, "params", None)
    if not isinstance(raw, dict):  # braintools keeps them as plain attributes
        attributes = getattr(surrogate, "__dict__", {})
        raw = {k: v for k, v in attributes.items() if isinstance(v, numbers.Real) and not k.startswith("_")}
    out: dict[str, Any] = {}
    for name, value in raw.items():
        array = np.asarray(value)
        out[name] = array.item() if array.ndim == 0 else array.tolist()
    return out


def init_params(key: jax.Array, n_in: int, n_out: int, config: TrainConfig) -> Params:
    """Gaussian input and readout weights scaled by fan-in (Zenke & Vogels' initialisation)."""
    k_in, k_out = jax.random.split(key)
    scale = config.weight_scale * (1.0 - config.decay_mem)
    return {
        "w_in": jax.random.normal(k_in, (n_in, config.hidden)) * (scale / math.sqrt(n_in)),
        "w_out": jax.random.normal(k_out, (config.hidden, n_out)) * (scale / math.sqrt(config.hidden)),
    }


def _filter_matrix(steps: int, decays: tuple[float, ...]) -> np.ndarray:
    """(steps, steps) lower-triangular matrix applying a cascade of exponential filters along time.

    One filter is y[t] = d·y[t-1] + x[t]; a linear, time-invariant cascade is a matrix product,
    which on the CPU ran faster than a second sequential scan and has an exact transpose.
    """
    lag = np.arange(steps)[:, None] - np.arange(steps)[None, :]
    impulse = np.zeros(steps)
    impulse[0] = 1.0
    for d in decays:
        impulse = np.array([sum(d**k * impulse[t - k] for k in range(t + 1)) for t in range(steps)])
    return np.where(lag >= 0, impulse[np.clip(lag, 0, None)], 0.0).astype(np.float32)


def optimizer_step(
    optimizer: Any,
    params: Params,
    opt_state: Any,
    spike: Callable,
    times: jax.Array,
    labels: jax.Array,
    steps: int,
    config: TrainConfig,
) -> tuple:
    """One optimiser update: (params, opt_state, loss, accuracy, whether every gradient is finite)."""
    (loss, acc), grads = jax.value_and_grad(loss_and_accuracy, has_aux=True)(
        params, times, labels, steps, spike, config
    )
    updates, opt_state = optimizer.update(grads, opt_state, params)
    params = jax.tree_util.tree_map(lambda p, u: p + u, params, updates)
    # A NaN gradient can hide behind a finite loss: H(NaN) = 0 silences the network.
    finite = jnp.all(jnp.array([jnp.all(jnp.isfinite(g)) for g in jax.tree_util.tree_leaves(grads)]))
    return params, opt_state, loss, acc, finite


def forward(params: Params, times: jax.Array, steps: int, spike: Callable, config: TrainConfig) -> jax.Array:
    """Readout traces ``(steps, batch, classes)`` for spike times ``(batch, units)``.

    Hidden LIF (current-based): I ← a·I + W_in·s_in; V ← (b·V + I)(1 − s); s = spike(V − θ).
    Readout: the same synaptic and membrane filters, without spiking.
    """
    dtype = params["w_in"].dtype
    # Each input unit fires once, so its filtered synaptic trace is a^(t - t_spike) after the spike.
    lag = jnp.arange(steps, dtype=dtype)[:, None, None] - times[None].astype(dtype)  # (steps, batch, units)
    trace = jnp.where(lag >= 0, jnp.exp(-jnp.maximum(lag, 0.0) / config.tau_syn), 0.0)
    currents = trace @ params["w_in"]  # (steps, batch, hidden)
    decay, threshold = config.decay_mem, config.threshold

    def lif(v: jax.Array, current: jax.Array) -> tuple[jax.Array, jax.Array]:
        s = spike(v - threshold)
        reset = jax.lax.stop_gradient(s) if config.detach_reset else s
        return (decay * v + current) * (1.0 - reset), s

    _, hidden = jax.lax.scan(lif, jnp.zeros(currents.shape[1:], dtype), currents)
    readout = jnp.asarray(_filter_matrix(steps, (config.decay_syn, decay)) * (1.0 - decay), dtype)
    return jnp.einsum("st,tbc->sbc", readout, hidden @ params["w_out"])


def loss_and_accuracy(
    params: Params, times: jax.Array, labels: jax.Array, steps: int, spike: Callable, config: TrainConfig
) -> tuple[jax.Array, jax.Array]:
    """Mean cross-entropy of the max-over-time readout, and the batch accuracy."""
    scores = jnp.max(forward(params, times, steps, spike, config), axis=0)
    logp = jax.nn.log_softmax(scores)
    loss = -jnp.mean(jnp.take_along_axis(logp, labels[:, None], axis=1))
    return loss, jnp.mean(jnp.argmax(scores, axis=1) == labels)


def _dynamic_surrogate(surrogate: Callable) -> tuple[list, Any] | None:
    """(leaves, treedef) when the surrogate is a pytree of numbers, so its parameters can be
    jit arguments (a sweep over alpha then compiles once); None for other callables."""
    leaves, treedef = jax.tree_util.tree_flatten(surrogate)
    arraylike = (numbers.Number, np.ndarray, jax.Array)
    if all(isinstance(leaf, arraylike) for leaf in leaves) and treedef != jax.tree_util.tree_structure(0):
        return leaves, treedef
    return None


_COMPILED: dict[tuple, tuple[Callable, Callable, Any]] = {}
_MAX_COMPILED = 16


def _make_optimizer(learning_rate: float) -> Any:
    try:
        import optax
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("training needs optax: pip install 'symsurrogate[train]'") from None
    return optax.adam(learning_rate)


def _compiled(surrogate: Callable, steps: int, config: TrainConfig, mesh: Mesh) -> tuple[Callable, Callable, list]:
    """Jitted (train step, evaluation) for this surrogate kind and config, cached across runs."""
    dynamic = _dynamic_surrogate(surrogate)
    if dynamic is None:
        leaves, key_part, rebuild = [], ("closure", surrogate), lambda _leaves: surrogate
    else:
        leaves, treedef = dynamic
        key_part, rebuild = ("tree", treedef), lambda parts: jax.tree_util.tree_unflatten(treedef, parts)
    model = (config.hidden, config.tau_mem, config.tau_syn, config.threshold, config.detach_reset)
    key = (key_part, steps, model, config.learning_rate, tuple(mesh.devices.flat))
    try:
        cached = _COMPILED.get(key)
    except TypeError:  # an unhashable callable: compile for this run only
        cached, key = None, None
    if cached is not None:
        return (*cached, leaves)
    optimizer = _make_optimizer(config.learning_rate)

    def train_step(params: Params, opt_state: Any, parts: list, times: jax.Array, labels: jax.Array) -> tuple:
        return optimizer_step(optimizer, params, opt_state, rebuild(parts), times, labels, steps, config)

    def evaluate(params: Params, parts: list, times: jax.Array, labels: jax.Array) -> jax.Array:
        scores = jnp.max(forward(params, times, steps, rebuild(parts), config), axis=0)
        return jnp.sum((jnp.argmax(scores, axis=1) == labels) & (labels >= 0))

    compiled = (jax.jit(train_step), jax.jit(evaluate), optimizer)
    if key is not None:
        if len(_COMPILED) >= _MAX_COMPILED:  # closures over fresh functions would pile up
            del _COMPILED[next(iter(_COMPILED))]
        _COMPILED[key] = compiled
    return (*compiled, leaves)


def data_mesh(devices: list | None = None) -> Mesh:
    """A 1-D mesh named ``data`` over the given (default: all visible) devices."""
    return Mesh(np.array(devices if devices is not None else jax.devices()), ("data",))


def _batches(data: SpikeData, size: int, rng: np.random.Generator | None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Full batches in shuffled order (training), or every sample padded with label -1 (evaluation)."""
    n = len(data)
    if rng is not None:
        order = rng.permutation(n)
        for start in range(0, n - size + 1, size):
            index = order[start : start + size]
            yield data.times[index], data.labels[index]
        return
    for start in range(0, n, size):
        times, labels = data.times[start : start + size], data.labels[start : start + size]
        pad = size - len(labels)
        yield np.pad(times, ((0, pad), (0, 0))), np.pad(labels, (0, pad), constant_values=-1)


def accuracy(
    params: Params, data: SpikeData, surrogate: Callable, config: TrainConfig, mesh: Mesh | None = None
) -> float:
    """Share of ``data`` classified correctly."""
    mesh = mesh or data_mesh()
    _, evaluate, _, leaves = _compiled(surrogate, data.steps, config, mesh)
    sharded = NamedSharding(mesh, PartitionSpec("data"))
    correct = 0
    for times, labels in _batches(data, config.batch_size, None):
        correct += int(evaluate(params, leaves, jax.device_put(times, sharded), jax.device_put(labels, sharded)))
    return correct / len(data)


def train(
    surrogate: Callable,
    config: TrainConfig | None = None,
    data: tuple[SpikeData, SpikeData] | RandmanConfig | None = None,
    *,
    mesh: Mesh | None = None,
    progress: bool | Callable[[dict[str, float]], None] = True,
    eval_every: int = 0,
) -> TrainResult:
    """Train the spiking network with ``surrogate`` as spike function; returns test accuracy and more.

    Args:
        surrogate: callable ``v -> spikes`` with a surrogate gradient (``symsurrogate.Sigmoid()``...),
            or a surrogate class (used with its defaults).
        config: network and optimiser settings (defaults: :class:`TrainConfig`).
        data: (train, test) spike data, or a :class:`RandmanConfig` to generate (seeded by
            ``config.seed``); default Randman with 10 classes of 1-D manifolds.
        mesh: devices to shard batches over (default: all visible devices).
        progress: ``True`` (default) shows progress on stderr (a tqdm bar where tqdm is
            installed, else a status line); ``False`` is silent; a callable is called after
            every epoch with ``{"epoch", "loss", "train_accuracy", "seconds"}`` (and
            ``"test_accuracy"`` on evaluation epochs) instead.
        eval_every: also measure test accuracy every this many epochs (0: only at the end).

    Raises:
        TrainingError: the loss became NaN or infinite; the message names the epoch.
    """
    config = config or TrainConfig()
    if isinstance(surrogate, type):  # a surrogate class: its default parameters
        surrogate = surrogate()
    if not callable(surrogate):
        raise TypeError(f"surrogate must be callable (v -> spikes), got {type(surrogate).__name__}")
    if data is None or isinstance(data, RandmanConfig):
        data = randman(data, seed=config.seed)
    train_data, test_data = data
    mesh = mesh or data_mesh()
    if config.batch_size % mesh.size:
        raise ValueError(f"batch_size {config.batch_size} must be a multiple of the {mesh.size} devices")
    if config.batch_size > len(train_data):
        raise ValueError(f"batch_size {config.batch_size} exceeds the {len(train_data)} training samples")
    start = time.perf_counter()
    step, _, optimizer, leaves = _compiled(surrogate, train_data.steps, config, mesh)
    replicated, sharded = NamedSharding(mesh, PartitionSpec()), NamedSharding(mesh, PartitionSpec("data"))
    n_classes = int(max(train_data.labels.max(), test_data.labels.max())) + 1
    params = init_params(jax.random.PRNGKey(config.seed), train_data.times.shape[1], n_classes, config)
    params = jax.device_put(params, replicated)
    opt_state = jax.device_put(optimizer.init(params), replicated)
    leaves = jax.device_put(leaves, replicated)
    rng = np.random.default_rng(config.seed)
    history: list[dict[str, float]] = []
    display = progress_display(config.epochs, len(train_data) // config.batch_size) if progress is True else None
    callback = progress if callable(progress) else (display.epoch_done if display else None)
    for epoch in range(1, config.epochs + 1):
        losses, accs, finite = [], [], []
        for times, labels in _batches(train_data, config.batch_size, rng):
            params, opt_state, loss, acc, ok = step(
                params, opt_state, leaves, jax.device_put(times, sharded), jax.device_put(labels, sharded)
            )
            losses.append(loss)
            accs.append(acc)
            finite.append(ok)
            if display is not None:
                display.batch_done()
        mean_loss = float(np.mean(jax.device_get(losses)))
        if not math.isfinite(mean_loss) or not all(jax.device_get(finite)):
            what = (
                f"the loss became {mean_loss}"
                if not math.isfinite(mean_loss)
                else "the gradient became NaN or infinite"
            )
            if display is not None:
                display.close()
            raise TrainingError(
                f"{what} in epoch {epoch}: training stopped"
                f" (surrogate {surrogate_name(surrogate)}, learning rate {config.learning_rate})"
            )
        record = {"epoch": epoch, "loss": mean_loss, "train_accuracy": float(np.mean(jax.device_get(accs)))}
        if eval_every and (epoch % eval_every == 0 or epoch == config.epochs):
            record["test_accuracy"] = accuracy(params, test_data, surrogate, config, mesh)
        record["seconds"] = time.perf_counter() - start
        history.append(record)
        if callback is not None:
            callback(record)
    if display is not None:
        display.close()
    test_acc = history[-1].get("test_accuracy")
    if test_acc is None:
        test_acc = accuracy(params, test_data, surrogate, config, mesh)
    return TrainResult(
        surrogate=surrogate_name(surrogate),
        params=surrogate_params(surrogate),
        test_accuracy=test_acc,
        train_accuracy=history[-1]["train_accuracy"],
        train_seconds=time.perf_counter() - start,
        epochs=config.epochs,
        seed=config.seed,
        devices=mesh.size,
        history=history,
        weights=params,
    )
