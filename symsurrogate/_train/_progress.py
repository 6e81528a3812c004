"""Progress of a training run on stderr: a tqdm bar where tqdm is installed, else a status line.

tqdm is optional (never a dependency). Without it, a terminal gets one line rewritten in
place (at most ten times a second); a log file or pipe gets one line per epoch.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Protocol, TextIO


class ProgressDisplay(Protocol):
    """What ``train`` calls: after every batch, after every epoch, and at the end."""

    def batch_done(self) -> None: ...

    def epoch_done(self, record: dict[str, float]) -> None: ...

    def close(self) -> None: ...


def epoch_summary(record: dict[str, float]) -> str:
    """``loss 0.4131  train 0.912  test 0.905`` from an epoch's record.

    >>> epoch_summary({"epoch": 2, "loss": 0.41312, "train_accuracy": 0.9121, "seconds": 3.0})
    'loss 0.4131  train 0.912'
    """
    text = f"loss {record['loss']:.4f}  train {record['train_accuracy']:.3f}"
    return text + (f"  test {record['test_accuracy']:.3f}" if "test_accuracy" in record else "")


class StatusLine:
    """A one-line status on ``stream``: rewritten in place on a terminal, one line per epoch otherwise."""

    def __init__(self, epochs: int, batches: int, stream: TextIO | None = None, label: str = "training") -> None:
        self.epochs, self.batches, self.label = epochs, batches, label
        self.stream = stream if stream is not None else sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.epoch, self.batch, self.summary = 1, 0, ""
        self.start = self.shown = time.perf_counter()

    def _line(self) -> str:
        elapsed = time.perf_counter() - self.start
        text = f"{self.label}: epoch {self.epoch}/{self.epochs}  batch {self.batch}/{self.batches}  {elapsed:.0f} s"
        return text + (f"  ({self.summary})" if self.summary else "")

    def batch_done(self) -> None:
        self.batch += 1
        now = time.perf_counter()
        if self.live and now - self.shown >= 0.1:
            self.stream.write("\r" + self._line() + "\033[K")
            self.stream.flush()
            self.shown = now

    def epoch_done(self, record: dict[str, float]) -> None:
        self.summary = epoch_summary(record)
        if self.live:
            self.stream.write("\r" + self._line() + "\033[K")
        else:
            self.stream.write(f"{self.label}: epoch {record['epoch']}/{self.epochs}  {self.summary}\n")
        self.stream.flush()
        self.epoch, self.batch = self.epoch + 1, 0

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()


class TqdmBar:
    """A tqdm bar over every batch of every epoch, the last epoch's loss and accuracy as postfix."""

    def __init__(self, epochs: int, batches: int, tqdm: Any, label: str = "training") -> None:
        self.epochs = epochs
        self.bar = tqdm(total=epochs * batches, desc=label, unit="batch", file=sys.stderr, leave=True)

    def batch_done(self) -> None:
        self.bar.update(1)

    def epoch_done(self, record: dict[str, float]) -> None:
        self.bar.set_postfix_str(f"epoch {record['epoch']}/{self.epochs}  {epoch_summary(record)}")

    def close(self) -> None:
        self.bar.close()


def progress_display(epochs: int, batches: int, label: str = "training") -> ProgressDisplay:
    """tqdm's bar when tqdm is installed, else a :class:`StatusLine` on stderr; ``label`` leads the line."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return StatusLine(epochs, batches, label=label)
    return TqdmBar(epochs, batches, tqdm, label=label)
