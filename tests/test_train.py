"""Training on Randman: the data, the network against a NumPy reference, learning, CLI, sharding."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest

pytest.importorskip("optax")

import symsurrogate as ss
from symsurrogate import train as tr
from symsurrogate._cli import main
from symsurrogate._train._loop import _filter_matrix

pytestmark = pytest.mark.slow  # spiking-network training runs

ROOT = Path(__file__).resolve().parents[1]
# One small configuration shared by the tests so that the jitted step compiles once.
TINY = tr.TrainConfig(hidden=32, batch_size=32, epochs=5, learning_rate=1e-2)
TINY_DATA = tr.RandmanConfig(classes=3, samples_per_class=150)


@pytest.fixture(scope="module")
def tiny_data() -> tuple[tr.SpikeData, tr.SpikeData]:
    return tr.randman(TINY_DATA, seed=0)


# --- Randman ---------------------------------------------------------------------------------


def test_randman_is_seeded_and_shaped():
    a_train, a_test = tr.randman(TINY_DATA, seed=3)
    b_train, _ = tr.randman(TINY_DATA, seed=3)
    c_train, _ = tr.randman(TINY_DATA, seed=4)
    assert np.array_equal(a_train.times, b_train.times) and np.array_equal(a_train.labels, b_train.labels)
    assert not np.array_equal(a_train.times, c_train.times)
    assert len(a_train) + len(a_test) == 3 * 150 and len(a_test) == 90
    assert a_train.times.shape == (360, 20) and a_train.times.dtype == np.int32
    # Every class is present in the training set and classes are balanced overall.
    labels = np.concatenate([a_train.labels, a_test.labels])
    assert np.bincount(labels).tolist() == [150, 150, 150]


def test_each_unit_spans_the_whole_window_within_each_class():
    # The paper's standardisation: per class and unit, the earliest sample fires at step 0
    # and the latest in the last step.
    train, test = tr.randman(tr.RandmanConfig(classes=2, samples_per_class=200, steps=50), seed=1)
    times = np.concatenate([train.times, test.times])
    labels = np.concatenate([train.labels, test.labels])
    for label in (0, 1):
        block = times[labels == label]
        assert block.min(axis=0).tolist() == [0] * 20
        assert block.max(axis=0).tolist() == [49] * 20


def test_raster_has_one_spike_per_unit():
    train, _ = tr.randman(TINY_DATA, seed=0)
    raster = train.raster()
    assert raster.shape == (360, 100, 20)
    assert np.array_equal(raster.sum(axis=1), np.ones((360, 20)))
    s, u = 5, 7
    assert raster[s, train.times[s, u], u] == 1.0


def test_frequency_cutoff_follows_the_power_law():
    # 1/f^2 falls below 1e-3 after ceil(sqrt(1000)) = 32 terms; 1/f below 1e-3 needs 1000.
    assert tr.RandmanConfig(smoothness=2.0, precision=1e-3).frequencies == 32
    assert tr.RandmanConfig(smoothness=1.0, precision=1e-3).frequencies == 1000
    assert tr.RandmanConfig(smoothness=3.0, precision=1e-3).frequencies == 10


def test_manifold_matches_a_direct_fourier_sum():
    config = tr.RandmanConfig(units=3, manifold_dim=2, smoothness=2.0, precision=0.05)
    manifold = tr.Manifold(config, np.random.default_rng(0))
    coords = np.array([[0.1, 0.7], [0.5, 0.25]])
    got = manifold(coords)
    for s, (u0, u1) in enumerate(coords):
        for i in range(3):
            value = 1.0
            for d, u in enumerate((u0, u1)):
                total = 0.0
                for j in range(config.frequencies):
                    a, f, p = (manifold.amplitude[i, d, j], manifold.frequency[i, d, j], manifold.phase[i, d, j])
                    total += a / (j + 1) ** 2 * math.sin(2 * math.pi * (j * u * f + p))
                value *= total
            assert got[s, i] == pytest.approx(value, rel=1e-12, abs=1e-15)


def test_manifold_is_smooth():
    # Nearby intrinsic coordinates land nearby: the embedding is Lipschitz with a modest constant.
    manifold = tr.Manifold(tr.RandmanConfig(), np.random.default_rng(0))
    u = np.linspace(0, 1, 2001)[:, None]
    y = manifold(u)
    steps = np.abs(np.diff(y, axis=0)).max()
    assert steps < 0.05 * (y.max() - y.min())


@pytest.mark.parametrize(
    "field, value", [("classes", 1), ("units", 0), ("smoothness", 0.0), ("test_fraction", 1.0), ("steps", 2.5)]
)
def test_randman_config_rejects_bad_values(field, value):
    with pytest.raises(ValueError, match=field):
        tr.RandmanConfig(**{field: value})


# --- the network against an independent NumPy implementation ---------------------------------


def test_readout_filter_matrix_equals_the_recurrence():
    x = np.random.default_rng(0).normal(size=(30, 4))
    a, b = 0.9, 0.8
    y1, y2, expected = np.zeros(4), np.zeros(4), []
    for t in range(30):
        y1 = a * y1 + x[t]
        y2 = b * y2 + y1
        expected.append(y2)
    np.testing.assert_allclose(_filter_matrix(30, (a, b)) @ x, np.array(expected), rtol=1e-5, atol=1e-6)


def numpy_forward(w_in, w_out, times, steps, config):
    """The LIF network written as the plain time loop of Zenke & Vogels' description."""
    a, b, theta = math.exp(-1 / config.tau_syn), math.exp(-1 / config.tau_mem), config.threshold
    batch = times.shape[0]
    current, v = np.zeros((batch, w_in.shape[1])), np.zeros((batch, w_in.shape[1]))
    syn_out, out = np.zeros((batch, w_out.shape[1])), np.zeros((batch, w_out.shape[1]))
    traces = []
    for t in range(steps):
        current = a * current + (times == t).astype(float) @ w_in
        spikes = (v - theta >= 0).astype(float)
        v = (b * v + current) * (1 - spikes)
        syn_out = a * syn_out + spikes @ w_out
        out = b * out + syn_out
        traces.append(out * (1 - b))
    return np.array(traces)


def test_forward_matches_numpy_reference(tiny_data):
    train, _ = tiny_data
    params = tr.init_params(jax.random.PRNGKey(1), 20, 3, TINY)
    params = {k: v * 3.0 for k, v in params.items()}  # enough drive for the hidden layer to spike
    times = train.times[:8]
    got = np.asarray(tr.forward(params, jnp.asarray(times), 100, ss.Sigmoid(), TINY))
    expected = numpy_forward(
        np.asarray(params["w_in"], np.float64), np.asarray(params["w_out"], np.float64), times, 100, TINY
    )
    assert np.abs(expected).max() > 0.01  # the hidden layer did spike
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


def test_gradient_is_the_straight_through_sigmoid(tiny_data):
    # An independent surrogate: forward step, backward σ'(αx), by the stop-gradient trick.
    alpha = 3.0

    def straight_through(x):
        soft = jax.nn.sigmoid(alpha * x)
        return soft - jax.lax.stop_gradient(soft) + jax.lax.stop_gradient((x >= 0).astype(x.dtype))

    train, _ = tiny_data
    params = {k: v * 3.0 for k, v in tr.init_params(jax.random.PRNGKey(2), 20, 3, TINY).items()}
    times, labels = jnp.asarray(train.times[:16]), jnp.asarray(train.labels[:16])

    def grads(spike):
        return jax.grad(lambda p: tr.loss_and_accuracy(p, times, labels, 100, spike, TINY)[0])(params)

    ours, reference = grads(ss.Sigmoid(alpha=alpha)), grads(straight_through)
    for key in params:
        assert float(jnp.abs(reference[key]).max()) > 0
        np.testing.assert_allclose(ours[key], reference[key], rtol=2e-4, atol=1e-7)


# --- learning -----------------------------------------------------------------------------------


def test_training_learns(tiny_data):
    result = tr.train(ss.Sigmoid(), TINY, tiny_data)
    losses = [h["loss"] for h in result.history]
    assert losses[-1] < 0.8 * losses[0]
    assert result.test_accuracy > 0.6  # chance is 1/3
    assert result.surrogate == "Sigmoid" and result.params == {"alpha": 4.0}
    assert result.as_dict()["epochs"] == 5 and "weights" not in result.as_dict()


def test_training_accepts_a_user_formula_and_a_plain_function(tiny_data):
    fast_sigmoid = ss.surrogate("FastSigmoid", grad="1/(alpha*Abs(x) + 1)**2", params={"alpha": 10.0})
    result = tr.train(fast_sigmoid(), TINY, tiny_data)
    assert result.surrogate == "FastSigmoid" and result.params == {"alpha": 10.0}
    assert result.test_accuracy > 0.6

    @jax.custom_vjp
    def box(x):
        return (x >= 0).astype(x.dtype)

    box.defvjp(lambda x: (box(x), x), lambda x, ct: (ct * (jnp.abs(x) < 0.5),))
    assert tr.train(box, TINY, tiny_data).surrogate == "box"
    assert tr.train(ss.Sigmoid, dataclasses.replace(TINY, epochs=1), tiny_data).params == {"alpha": 4.0}


def test_braintools_surrogate_trains(tiny_data):
    braintools = pytest.importorskip("braintools")
    result = tr.train(braintools.surrogate.Sigmoid(alpha=4.0), TINY, tiny_data)
    ours = tr.train(ss.Sigmoid(alpha=4.0), TINY, tiny_data)
    assert result.params == {"alpha": 4.0}
    # Same network, same seed, same formula: the runs agree up to float rounding.
    assert result.history[0]["loss"] == pytest.approx(ours.history[0]["loss"], rel=1e-3)


def _nan_gradient():
    @jax.custom_vjp
    def broken(x):
        return (x >= 0).astype(x.dtype)

    broken.defvjp(lambda x: (broken(x), x), lambda x, ct: (ct * jnp.nan,))
    return broken


@pytest.mark.parametrize(
    "spike, message",
    [
        (lambda x: x * jnp.nan, "the loss became nan in epoch 1"),
        (_nan_gradient(), "the gradient became NaN or infinite in epoch 1"),
    ],
)
def test_nan_stops_training_naming_the_epoch(tiny_data, spike, message):
    with pytest.raises(tr.TrainingError, match=message):
        tr.train(spike, TINY, tiny_data)


def test_sweep_reuses_one_compilation_across_scales(tiny_data):
    from symsurrogate._train._loop import _COMPILED

    config = dataclasses.replace(TINY, epochs=1)
    before = len(_COMPILED)
    out = tr.sweep({"Sigmoid": ss.Sigmoid}, [1.0, 8.0], seeds=[0, 1], config=config, data=TINY_DATA)
    assert len(_COMPILED) - before <= 1
    assert [(r["scale"], r["seed"]) for r in out["runs"]] == [(1.0, 0), (1.0, 1), (8.0, 0), (8.0, 1)]
    assert [r["params"] for r in out["runs"]][1:3] == [{"alpha": 1.0}, {"alpha": 8.0}]
    cell = out["summary"][0]
    values = [r["test_accuracy"] for r in out["runs"][:2]]
    assert cell["mean"] == pytest.approx(sum(values) / 2) and cell["seeds"] == 2
    assert cell["std"] == pytest.approx(abs(values[0] - values[1]) / math.sqrt(2))
    table = tr.markdown_table(out["summary"])
    assert table.splitlines()[0] == "| surrogate | 1 | 8 |"


# --- command line ---------------------------------------------------------------------------------


TINY_ARGS = [
    "--epochs",
    "2",
    "--hidden",
    "32",
    "--batch-size",
    "32",
    "--classes",
    "3",
    "--samples",
    "150",
    "--learning-rate",
    "1e-2",
]


def test_cli_train_prints_json_last(capsys):
    assert main(["train", "--surrogate", "Sigmoid", "--param", "alpha=4", "--seed", "1", *TINY_ARGS]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out.strip().splitlines()[-1])
    assert record["surrogate"] == "Sigmoid" and record["params"] == {"alpha": 4.0}
    assert 0 <= record["test_accuracy"] <= 1 and record["train_seconds"] > 0
    assert "epoch   2/2" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--surrogate", "Sigmod"], "did you mean Sigmoid"),
        (["--param", "beta=2"], "no parameter 'beta'; its parameters: alpha"),
        (["--param", "alpha=-1"], "'alpha' must be > 0"),
        (["--param", "alpha"], "NAME=VALUE"),
    ],
)
def test_cli_train_bad_input(argv, message, capsys):
    assert main(["train", *argv, *TINY_ARGS]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_cli_sweep_writes_json_and_plot(tmp_path, capsys):
    output, figure = tmp_path / "r.json", tmp_path / "s.svg"
    argv = ["sweep", "--surrogates", "Sigmoid", "--scales", "2,8", "--seeds", "1", "-o", str(output)]
    assert main([*argv, "--plot", str(figure), *TINY_ARGS]) == 0
    results = json.loads(output.read_text())
    assert [r["params"] for r in results["runs"]] == [{"alpha": 2.0}, {"alpha": 8.0}]
    assert figure.read_text().lstrip().startswith("<?xml") and "<svg" in figure.read_text()
    out, err = capsys.readouterr()
    assert "| Sigmoid |" in out and "[2/2] Sigmoid scale=8 seed=0" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--surrogates", "Sigmoid,Sigmod"], "did you mean Sigmoid"),
        (["--scales", "1,x"], "--scales expects numbers"),
        (["--scales", "1,-2"], "'alpha' must be > 0"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--scale-param", "beta"], "no parameter 'beta'"),
    ],
)
def test_cli_sweep_bad_input(argv, message, tmp_path, capsys):
    assert main(["sweep", *argv, "-o", str(tmp_path / "r.json"), *TINY_ARGS]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.json").exists()


# --- data parallel -------------------------------------------------------------------------------

SHARDED = textwrap.dedent(
    """
    import json, jax, numpy as np
    import symsurrogate as ss
    from symsurrogate import train as tr
    assert jax.device_count() == 4, jax.devices()
    config = tr.TrainConfig(hidden=32, batch_size=32, epochs=2, learning_rate=1e-2)
    data = tr.randman(tr.RandmanConfig(classes=3, samples_per_class=150), seed=0)
    one, four = tr.data_mesh(jax.devices()[:1]), tr.data_mesh()
    runs = {n: tr.train(ss.Sigmoid(), config, data, mesh=m) for n, m in (("one", one), ("four", four))}
    # the batch really is split: each of the 4 devices holds 8 of the 32 samples
    sharding = jax.sharding.NamedSharding(four, jax.sharding.PartitionSpec("data"))
    batch = jax.device_put(np.zeros((32, 20), np.int32), sharding)
    shards = sorted(s.data.shape[0] for s in batch.addressable_shards)
    print(json.dumps({
        "shards": shards,
        "loss": {n: [h["loss"] for h in r.history] for n, r in runs.items()},
        "acc": {n: r.test_accuracy for n, r in runs.items()},
        "w": {n: np.asarray(r.weights["w_out"]).tolist() for n, r in runs.items()},
    }))
    """
)


def test_four_devices_give_the_same_loss_as_one():
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=4", JAX_PLATFORMS="cpu")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-c", SHARDED], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["shards"] == [8, 8, 8, 8]
    np.testing.assert_allclose(out["loss"]["four"], out["loss"]["one"], rtol=1e-5)
    np.testing.assert_allclose(out["w"]["four"], out["w"]["one"], rtol=1e-4, atol=1e-6)
    assert out["acc"]["four"] == pytest.approx(out["acc"]["one"], abs=1 / 90)


# --- the examples in docs/examples ---------------------------------------------------------------


def _example(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / "examples" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_custom_formula_trains(capsys):
    accuracy = _example("custom_formula_randman").main(TINY, TINY_DATA)
    assert accuracy > 0.6
    out = capsys.readouterr().out
    assert "checks pass: True" in out and "Algebraic{'alpha': 2.0}" in out


def test_example_braintools_dropin(capsys):
    pytest.importorskip("braintools")
    pytest.importorskip("brainstate")
    _example("braintools_dropin").main()
    assert "spikes identical: True" in capsys.readouterr().out


def test_presets_resolve_by_library_name():
    try:
        fast_sigmoid = ss.presets.snntorch.fast_sigmoid
    except (ImportError, AttributeError):
        pytest.skip("the snntorch presets are not part of this build")
    spike = tr.make_surrogate("snntorch.fast_sigmoid", {"slope": 10})
    assert type(spike) is fast_sigmoid and spike.params == {"slope": 10}
