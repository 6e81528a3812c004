"""Batched sweeps: one compiled, sharded program per parameter structure, same results as sequential."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jax
import numpy as np
import pytest

pytest.importorskip("optax")

import symsurrogate as ss
from symsurrogate import train as tr
from symsurrogate._train._batched import _PROGRAMS, batch_key

pytestmark = pytest.mark.slow  # training sweeps, one on four simulated devices

ROOT = Path(__file__).resolve().parents[1]
TINY = tr.TrainConfig(hidden=16, batch_size=16, epochs=2, learning_rate=1e-2)
TINY_DATA = tr.RandmanConfig(classes=3, samples_per_class=60, steps=50)
TEST_SAMPLES = 36
SHAPES = {"Sigmoid": ss.Sigmoid, "Arctan": ss.Arctan}


@pytest.fixture(scope="module")
def sequential() -> dict:
    return tr.sweep(SHAPES, [1.0, 8.0], seeds=2, config=TINY, data=TINY_DATA, progress=False, batched=False)


def test_batched_sweep_equals_the_sequential_one(sequential):
    before = len(_PROGRAMS)
    batched = tr.sweep(SHAPES, [1.0, 8.0], seeds=2, config=TINY, data=TINY_DATA, progress=False, batched=True)
    # Sigmoid and Arctan both take one float alpha: one program for all eight runs.
    assert len(_PROGRAMS) - before <= 1
    key = lambda run: (run["surrogate"], run["scale"], run["seed"])  # noqa: E731
    assert [key(r) for r in batched["runs"]] == [key(r) for r in sequential["runs"]]
    for one, many in zip(sequential["runs"], batched["runs"], strict=True):
        assert many["params"] == one["params"]
        assert many["test_accuracy"] == pytest.approx(one["test_accuracy"], abs=1.01 / TEST_SAMPLES), key(one)
        assert many["final_loss"] == pytest.approx(one["final_loss"], rel=1e-4), key(one)
    # The runs differ from each other, so equality above is not a batch of copies.
    assert len({r["final_loss"] for r in batched["runs"]}) == len(batched["runs"])


def test_one_progress_line_for_the_batch_and_silence_on_request(capsys):
    config = dataclasses.replace(TINY, epochs=1)
    tr.sweep(SHAPES, [2.0], seeds=2, config=config, data=TINY_DATA, batched=True)
    err = capsys.readouterr().err
    assert "sweep of 4 runs" in err and "[1/4]" not in err
    tr.sweep(SHAPES, [2.0], seeds=2, config=config, data=TINY_DATA, progress=False, batched=True)
    assert capsys.readouterr().err == ""


def test_surrogates_without_array_parameters_train_one_by_one():
    @jax.custom_jvp
    def step(v):
        return (v > 0).astype(v.dtype)

    step.defjvp(lambda primals, tangents: (step(primals[0]), tangents[0] / (1 + abs(primals[0])) ** 2))
    assert batch_key(step) is None and batch_key(ss.Sigmoid()) == batch_key(ss.Arctan())
    out = tr.sweep({"step": lambda _: step}, [1.0], seeds=1, config=TINY, data=TINY_DATA, progress=False, batched=True)
    reference = tr.train(step, TINY, tr.randman(TINY_DATA, seed=0), progress=False)
    assert out["runs"][0]["test_accuracy"] == reference.test_accuracy


def test_a_batch_rejects_mixed_parameter_structures():
    data = tr.randman(TINY_DATA, seed=0)
    with pytest.raises(ValueError, match="same structure"):
        tr.train_batch([(ss.Sigmoid(), 0, data), (lambda v: v, 0, data)], TINY, progress=False)


SHARDED = textwrap.dedent(
    """
    import json, jax, numpy as np
    import symsurrogate as ss
    from symsurrogate import train as tr
    assert jax.device_count() == 4, jax.devices()
    config = tr.TrainConfig(hidden=16, batch_size=16, epochs=2, learning_rate=1e-2)
    data = [tr.randman(tr.RandmanConfig(classes=3, samples_per_class=60, steps=50), seed=s) for s in (0, 1)]
    runs = [(ss.Sigmoid(alpha=a), s, data[s]) for a, s in ((1.0, 0), (8.0, 1), (4.0, 0))]
    four = tr.train_batch(runs, config, mesh=tr.run_mesh(), progress=False)
    one = tr.train_batch(runs, config, mesh=tr.run_mesh(jax.devices()[:1]), progress=False)
    single = [tr.train(s, config.__class__(**{**config.__dict__, "seed": seed}), d,
                       mesh=tr.data_mesh(jax.devices()[:1]), progress=False) for s, seed, d in runs]
    # three runs padded to four: each device holds one run of the runs axis
    sharding = jax.sharding.NamedSharding(tr.run_mesh(), jax.sharding.PartitionSpec("runs"))
    stacked = jax.device_put(np.zeros((4, 16, 20), np.int32), sharding)
    named = (("four", four), ("one", one), ("single", single))
    print(json.dumps({
        "shards": sorted(s.data.shape[0] for s in stacked.addressable_shards),
        "devices": [r.devices for r in four],
        "loss": {n: [r.history[-1]["loss"] for r in rs] for n, rs in named},
        "acc": {n: [r.test_accuracy for r in rs] for n, rs in named},
    }))
    """
)


def test_runs_shard_over_four_devices_with_the_same_results():
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=4", JAX_PLATFORMS="cpu")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-c", SHARDED], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["shards"] == [1, 1, 1, 1] and out["devices"] == [4, 4, 4]
    for name in ("four", "one"):
        np.testing.assert_allclose(out["loss"][name], out["loss"]["single"], rtol=1e-4)
        np.testing.assert_allclose(out["acc"][name], out["acc"]["single"], atol=1.01 / 36)


def test_cli_batched_sweep_reports_every_run(tmp_path, capsys):
    from symsurrogate._cli import main

    output = tmp_path / "r.json"
    tiny = ["--epochs", "1", "--hidden", "16", "--batch-size", "16", "--classes", "3", "--samples", "60"]
    argv = ["sweep", "--batched", "--surrogates", "Sigmoid", "--scales", "2,8", "--seeds", "1", "-o", str(output)]
    assert main([*argv, *tiny]) == 0
    results = json.loads(output.read_text())
    assert results["batched"] is True and [r["params"] for r in results["runs"]] == [{"alpha": 2.0}, {"alpha": 8.0}]
    err = capsys.readouterr().err
    assert "sweep of 2 runs" in err and "[2/2] Sigmoid scale=8 seed=0" in err
    with pytest.raises(SystemExit) as usage:
        main(["sweep", "--batched", "--sequential", *tiny])
    assert usage.value.code == 2 and "not allowed with argument --batched" in capsys.readouterr().err
