"""In-process memo of pure symbolic steps.

One formula meets the same step several times in a process: its Spec finds the primitive,
the check differentiates and takes limits, code generation stabilises g and G, the docs and
a second surrogate of the same formula do it all again. These steps are pure functions of
SymPy expressions (immutable and hashable), so their results are kept, a bounded number of
them, most recently used first. As on disk (:mod:`._cache`), a result reached while a time
limit ran out in this thread is returned but never kept: under less load the step may
finish, and the next call tries again. An exception is never kept either.
:func:`forget_all` empties every memo (for a test that replaces a step's internals).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

from ._budget import computed_in_time

__all__ = ["forget_all", "memoized"]

P = ParamSpec("P")
T = TypeVar("T")

_MEMOS: list[tuple[OrderedDict[Hashable, object], threading.Lock]] = []


def forget_all() -> None:
    """Empty every memo."""
    for kept, lock in _MEMOS:
        with lock:
            kept.clear()


def memoized(key: Callable[P, Hashable], maxsize: int = 512) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Keep the results of the decorated function under ``key(*args, **kwargs)``.

    >>> calls = []
    >>> @memoized(key=lambda n: n, maxsize=2)
    ... def square(n):
    ...     calls.append(n)
    ...     return n * n
    >>> square(3), square(3), calls
    (9, 9, [3])
    """

    def decorate(fn: Callable[P, T]) -> Callable[P, T]:
        kept: OrderedDict[Hashable, T] = OrderedDict()
        lock = threading.Lock()
        _MEMOS.append((kept, lock))  # type: ignore[arg-type]

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            k = key(*args, **kwargs)
            with lock:
                if k in kept:
                    kept.move_to_end(k)
                    return kept[k]
            value, in_time = computed_in_time(lambda: fn(*args, **kwargs))
            if in_time:
                with lock:
                    kept[k] = value
                    if len(kept) > maxsize:
                        kept.popitem(last=False)
            return value

        return wrapper

    return decorate
