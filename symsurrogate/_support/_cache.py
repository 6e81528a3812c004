"""Disk cache for check results and a time budget for SymPy calls that may not terminate."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TypeVar

T = TypeVar("T")


def _source_digest() -> str:
    # Cached results are keyed by the code that computed them: editing it invalidates them.
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in (
        "_support/_cache.py",
        "_verify/_mpref.py",
        "_verify/_properties.py",
        "_verify/_numerics.py",
        "_symbolic/_calculus.py",
    ):
        try:
            digest.update((package / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:16]


ANALYSIS_VERSION = _source_digest()


def cache_dir() -> Path:
    """``$SYMSURROGATE_CACHE`` or ``$XDG_CACHE_HOME/symsurrogate`` (``~/.cache/symsurrogate``)."""
    if os.environ.get("SYMSURROGATE_CACHE"):
        return Path(os.environ["SYMSURROGATE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "symsurrogate"


def cached(kind: str, key: object, compute: Callable[[], T]) -> T:
    """``compute()``, memoised on disk under ``kind`` and ``repr(key)``.

    ``SYMSURROGATE_NO_CACHE=1`` disables reading (results are still written).
    """
    import mpmath
    import sympy

    blob = repr((kind, key, ANALYSIS_VERSION, sympy.__version__, mpmath.__version__)).encode()
    path = cache_dir() / f"{kind}-{hashlib.sha256(blob).hexdigest()[:24]}.pickle"
    if not os.environ.get("SYMSURROGATE_NO_CACHE"):
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            pass
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            pickle.dump(value, tmp)
        os.replace(tmp.name, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # an unwritable cache only costs recomputation
    return value


_BUDGETED_CODE = (f"{os.sep}sympy{os.sep}", f"{os.sep}mpmath{os.sep}", f"{os.sep}symsurrogate{os.sep}")


class OutOfTime(BaseException):
    """Raised inside a budgeted SymPy call when its time is up.

    A BaseException so that SymPy's broad ``except Exception`` handlers do not swallow it.
    """


class Budget:
    """Wall-clock budget shared by the symbolic attempts on one surrogate.

    SymPy's ``integrate``/``limit``/``simplify`` can run for minutes; a symbolic attempt that
    runs out of time is reported as undecided and the numeric evidence decides.
    """

    def __init__(self, total: float, per_call: float) -> None:
        self.deadline = time.monotonic() + total
        self.per_call = per_call

    def run(self, fn: Callable[[], T]) -> T | None:
        """``fn()``, or None when it raised, timed out, or the budget is spent."""
        left = min(self.per_call, self.deadline - time.monotonic())
        if left <= 0.01:
            return None
        try:
            with time_limit(left):
                return fn()
        except OutOfTime:
            return None
        except (NotImplementedError, ValueError, TypeError, AttributeError, ZeroDivisionError, RecursionError):
            return None


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`OutOfTime` inside SymPy/mpmath code after ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield  # signals only reach the main thread: run without a limit elsewhere
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        # Raise only into SymPy/mpmath code: an alarm landing in a garbage-collection callback
        # or a finaliser would be swallowed as "unraisable". The repeating timer retries.
        filename = frame.f_code.co_filename if frame is not None else ""
        if any(part in filename for part in _BUDGETED_CODE):
            raise OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    # Repeat the alarm: one that lands in a callback whose exceptions are ignored is not lost.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
