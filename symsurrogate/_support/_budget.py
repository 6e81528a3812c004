"""Time limits on SymPy and mpmath work that may not terminate, in any thread.

A watchdog thread raises :class:`OutOfTime` in the limited thread through
``PyThreadState_SetAsyncExc``: unlike ``signal.alarm``, which only ever reaches the main
thread, this works in worker threads too (a thread pool running checks, a web server, a
notebook kernel's executor). The exception arrives at the next bytecode boundary, which
SymPy and mpmath reach constantly: their loops are Python code. A single C call (one
multiplication of huge integers) is not interrupted; the parser's limits
(:mod:`._parse`) keep the numbers a formula can create small enough that none runs long.

The watchdog repeats the exception every 50 ms until the limited block has exited: one
that lands in a finaliser or a callback whose exceptions are ignored is not lost, and Python
does not report it there ("Exception ignored in ..."): while limits are in use, the
unraisable-exception hook drops this module's own exceptions and passes on all others.
Limits nest; leaving a block withdraws any exception still pending for it.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

_REPEAT_SECONDS = 0.05


class OutOfTime(BaseException):
    """Raised inside a time-limited block when its time is up.

    A BaseException so that SymPy's broad ``except Exception`` handlers do not swallow it.
    """


class _Watchdog:
    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.deadlines: dict[int, list[float]] = {}  # thread id -> deadlines of its open blocks
        self.thread: threading.Thread | None = None

    def push(self, ident: int, deadline: float) -> None:
        _drop_own_unraisables()
        with self.lock:
            self.deadlines.setdefault(ident, []).append(deadline)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="symsurrogate-time-limit", daemon=True)
                self.thread.start()
            self.lock.notify()

    def pop(self, ident: int, deadline: float) -> None:
        with self.lock:
            stack = self.deadlines.get(ident, [])
            if deadline in stack:
                stack.remove(deadline)
            if not stack:
                self.deadlines.pop(ident, None)
            # An exception set but not yet raised must not escape into the caller's code.
            if not any(d <= time.monotonic() for d in stack):
                _withdraw_pending()

    def run(self) -> None:
        with self.lock:
            while True:
                now = time.monotonic()
                wait = None
                for ident, stack in list(self.deadlines.items()):
                    first = min(stack)
                    if first <= now:
                        if not _in_foreign_callback(ident):
                            exception = ctypes.py_object(OutOfTime)
                            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), exception)
                        wait = _REPEAT_SECONDS
                    else:
                        wait = min(wait or first - now, first - now)
                self.lock.wait(wait)


# Code an exception must not be raised into: JAX's garbage-collection callback and weakref
# finalisers run inside any thread, and an exception there is only printed ("unraisable").
_FOREIGN = (f"{os.sep}jax{os.sep}", f"{os.sep}jaxlib{os.sep}", f"{os.sep}weakref.py", f"{os.sep}threading.py")


def _in_foreign_callback(ident: int) -> bool:
    """Whether the thread is executing code the exception should wait out (tried again in 50 ms):
    JAX's or a weakref's callbacks, or any garbage-collection callback (``gc.callbacks``, such
    as Hypothesis's) that the collector runs in the middle of the bounded code."""
    frame = sys._current_frames().get(ident)
    if frame is None:
        return False
    if any(part in frame.f_code.co_filename for part in _FOREIGN):
        return True
    collecting = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        if frame.f_code in collecting:
            return True
        frame = frame.f_back
    return False


class _Withdrawn(BaseException):
    """Raised into the limited thread by itself, to consume the interpreter's async-exception signal."""


def _drop_own_unraisables() -> None:
    """Wrap ``sys.unraisablehook`` (whichever is installed) so that it drops OutOfTime.

    The watchdog checks that a thread is outside foreign callbacks before it raises, but the
    thread may enter one (a garbage-collection callback, a finaliser) before the exception
    arrives. Python then ignores it and reports it; the watchdog raises it again 50 ms later.
    """
    current = sys.unraisablehook
    if getattr(current, "drops_time_limits", False):
        return

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if unraisable.exc_type is not None and issubclass(unraisable.exc_type, (OutOfTime, _Withdrawn)):
            return  # raised again by the watchdog, where it counts
        current(unraisable)

    hook.drops_time_limits = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def _withdraw_pending() -> None:
    """Cancel any OutOfTime set for this thread but not yet raised.

    Clearing with ``PyThreadState_SetAsyncExc(ident, NULL)`` would leave CPython's (3.11, 3.12)
    async-exception signal set with nothing to raise: every later bytecode check then takes the
    slow path (pure-Python code runs about 1.5× slower for the rest of the process), and under a
    profiler (``cProfile``) the interpreter loops on it forever. Replacing the pending exception
    with one this function raises and catches itself consumes the signal. Called with the
    watchdog's lock held, so the watchdog cannot set another exception in between.
    """
    try:
        ident = ctypes.c_ulong(threading.get_ident())
        if ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, ctypes.py_object(_Withdrawn)) != 1:
            return  # no such thread state: nothing was set, so nothing will arrive
        while True:  # the next bytecode check raises it: within a few instructions
            pass
    except _Withdrawn:
        pass


_WATCHDOG = _Watchdog()
_expired = threading.local()


def expirations() -> int:
    """How many time limits have run out in this thread so far (see :func:`._cache.cached`)."""
    return getattr(_expired, "count", 0)


def computed_in_time(compute: Callable[[], T]) -> tuple[T, bool]:
    """``compute()``, and whether no time limit ran out in this thread meanwhile: only such a
    result is complete enough to keep (:mod:`._cache` on disk, :mod:`._memo` in memory).

    >>> computed_in_time(lambda: 42)
    (42, True)
    """
    before = expirations()
    value = compute()
    return value, expirations() == before


def ran_out() -> None:
    """Count a time limit found spent before a step could start: its result is partial too."""
    _expired.count = expirations() + 1


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`OutOfTime` inside the block after ``seconds``, in whichever thread runs it.

    >>> import itertools
    >>> try:
    ...     with time_limit(0.2):
    ...         for _ in itertools.count():  # never ends by itself
    ...             pass
    ... except OutOfTime:
    ...     print("stopped")
    stopped
    """
    deadline = time.monotonic() + max(seconds, 0.0)
    ident = threading.get_ident()
    try:
        _WATCHDOG.push(ident, deadline)  # inside the try: the limit may expire before push returns
        yield
    except OutOfTime:
        _expired.count = expirations() + 1
        raise
    finally:
        while True:
            try:
                _WATCHDOG.pop(ident, deadline)
                break
            except OutOfTime:  # an enclosing limit expired meanwhile: it fires again
                _expired.count = expirations() + 1


class Budget:
    """Wall-clock budget shared by the symbolic attempts on one surrogate.

    SymPy's ``integrate``/``limit``/``simplify`` can run for minutes; a symbolic attempt that
    runs out of time is reported as undecided and the numeric evidence decides.
    """

    def __init__(self, total: float, per_call: float) -> None:
        self.deadline = time.monotonic() + total
        self.per_call = per_call
        self.timed_out = False

    def run(self, fn: Callable[[], T]) -> T | None:
        """``fn()``, or None when it raised, timed out, or the budget is spent."""
        left = min(self.per_call, self.deadline - time.monotonic())
        if left <= 0.01:
            self.timed_out = True
            ran_out()
            return None
        try:
            with time_limit(left):
                return fn()
        except OutOfTime:
            self.timed_out = True
            return None
        except (NotImplementedError, ValueError, TypeError, AttributeError, ZeroDivisionError, RecursionError):
            return None


# Hard limits, in seconds, on each stage's symbolic and numeric work for one surrogate.
LIMITS = {"spec": 90.0, "analysis": 120.0, "reference": 120.0, "codegen": 60.0}


def bounded(stage: str, name: str, fn: Callable[[], T]) -> T:
    """``fn()`` under the time limit of ``stage``; a FormulaError naming ``name`` when it runs out.

    >>> bounded("codegen", "Quick", lambda: 42)
    42
    """
    from .._errors import FormulaError

    seconds = LIMITS[stage]
    try:
        with time_limit(seconds):
            return fn()
    except OutOfTime:
        raise FormulaError(f"{name}: the {stage} step did not finish within {seconds:g} s") from None
