"""Progress display of train(): default status on stderr, silence, callbacks, tqdm when installed."""

from __future__ import annotations

import io
import re
import sys

import pytest

pytest.importorskip("optax")

import symsurrogate as ss
from symsurrogate import train as tr
from symsurrogate._train._progress import StatusLine, TqdmBar

TINY = tr.TrainConfig(hidden=32, batch_size=32, epochs=2, learning_rate=1e-2)


@pytest.fixture(scope="module")
def tiny_data() -> tuple[tr.SpikeData, tr.SpikeData]:
    return tr.randman(tr.RandmanConfig(classes=3, samples_per_class=150), seed=0)


@pytest.fixture
def no_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)


@pytest.mark.slow  # a training run
def test_default_shows_one_status_line_per_epoch(tiny_data, no_tqdm, capsys):
    result = tr.train(ss.Sigmoid(), TINY, tiny_data)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == TINY.epochs
    for line, record in zip(err, result.history, strict=True):
        match = re.fullmatch(r"training: epoch (\d+)/2  loss ([0-9.]+)  train ([0-9.]+)", line)
        assert match, line
        assert int(match[1]) == record["epoch"]
        assert float(match[2]) == pytest.approx(record["loss"], abs=1e-4)


@pytest.mark.slow  # a training run
def test_progress_false_is_silent(tiny_data, capsys):
    tr.train(ss.Sigmoid(), TINY, tiny_data, progress=False)
    assert capsys.readouterr().err == ""


def test_callback_replaces_the_display(tiny_data, no_tqdm, capsys):
    seen = []
    tr.train(ss.Sigmoid(), TINY, tiny_data, progress=seen.append, eval_every=2)
    assert [r["epoch"] for r in seen] == [1, 2]
    assert set(seen[0]) == {"epoch", "loss", "train_accuracy", "seconds"}
    assert 0.0 <= seen[1]["test_accuracy"] <= 1.0
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_status_line_rewrites_in_place_on_a_terminal(monkeypatch):
    stream = _Terminal()
    status = StatusLine(epochs=1, batches=3, stream=stream)
    status.shown = -1e9  # the first batch is shown at once
    status.batch_done()
    status.epoch_done({"epoch": 1, "loss": 0.5, "train_accuracy": 0.75, "seconds": 1.0})
    status.close()
    text = stream.getvalue()
    assert text.startswith("\rtraining: epoch 1/1  batch 1/3")
    assert "loss 0.5000  train 0.750" in text and text.endswith("\n") and text.count("\n") == 1


def test_tqdm_bar_counts_every_batch():
    made = []

    class FakeTqdm:
        def __init__(self, **kwargs):
            self.kwargs, self.n, self.postfix, self.closed = kwargs, 0, "", False
            made.append(self)

        def update(self, n):
            self.n += n

        def set_postfix_str(self, text):
            self.postfix = text

        def close(self):
            self.closed = True

    bar = TqdmBar(epochs=2, batches=4, tqdm=FakeTqdm)
    for epoch in (1, 2):
        for _ in range(4):
            bar.batch_done()
        bar.epoch_done({"epoch": epoch, "loss": 0.25, "train_accuracy": 1.0, "seconds": 0.1})
    bar.close()
    (fake,) = made
    assert fake.kwargs["total"] == 8 and fake.n == 8 and fake.closed
    assert fake.postfix == "epoch 2/2  loss 0.2500  train 1.000"
