"""Disk cache for check results (data only: JSON, validated on read) and the time budget.

An entry is JSON written by :mod:`._jsondata`: reading one can build numbers, strings,
SymPy expressions and the package's result dataclasses, never run code. The directory is
the user's own: created ``0700``, and refused (the cache is then off, with a warning) when
another user owns it or may write to it. An entry that is corrupt, of the wrong type, too
large, not a regular file or not the user's is ignored and rewritten. A result reached
while some time limit ran out (a symbolic step left undecided) is returned but never
stored: the next run, on a less loaded machine, computes it again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import stat
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ._budget import OutOfTime, computed_in_time

__all__ = ["ANALYSIS_VERSION", "cache_dir", "cached", "private_subdir"]

T = TypeVar("T")

FORMAT = 1
MAX_ENTRY_BYTES = 64 * 2**20


# The layers whose code computes cached results: every module in them counts, so that a
# module that starts caching (or that a cached computation starts to call) needs no listing.
DIGESTED_LAYERS = ("_support", "_symbolic", "_verify")


def _source_digest() -> str:
    # Cached results are keyed by the code that computed them: editing it invalidates them.
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for layer in DIGESTED_LAYERS:
        for path in sorted((package / layer).glob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


ANALYSIS_VERSION = _source_digest()


@functools.cache
def _engines() -> tuple[str, ...]:
    """The versions of the libraries a result depends on: ball arithmetic (python-flint, the
    optional fast path of the mpmath references) certifies some values mpmath alone rounds to 0."""
    import mpmath
    import sympy

    try:
        flint = importlib.metadata.version("python-flint")
    except importlib.metadata.PackageNotFoundError:
        flint = "none"
    return (sympy.__version__, mpmath.__version__, flint)


def cache_dir() -> Path:
    """``$SYMSURROGATE_CACHE`` or ``$XDG_CACHE_HOME/symsurrogate`` (``~/.cache/symsurrogate``)."""
    if os.environ.get("SYMSURROGATE_CACHE"):
        return Path(os.environ["SYMSURROGATE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "symsurrogate"


_warned: set[str] = set()


def usable_cache_dir() -> Path | None:
    """The cache directory, created ``0700`` if missing; None when it is not safely ours.

    Refused: a directory another user owns, or that group or others may write (they could
    plant entries), or a path that is not a directory.
    """
    return _private(cache_dir())


def private_subdir(name: str) -> Path | None:
    """A subdirectory of the cache held to the same rules (JAX's compilation cache: native code)."""
    folder = usable_cache_dir()
    return _private(folder / name) if folder is not None else None


def _private(path: Path) -> Path | None:
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError as err:
        return _refuse(path, f"cannot be created ({err.strerror})")
    if not stat.S_ISDIR(info.st_mode):
        return _refuse(path, "is not a directory")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return _refuse(path, "belongs to another user")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return _refuse(path, "can be written by other users")
    return path


def _refuse(path: Path, why: str) -> None:
    if str(path) not in _warned:
        _warned.add(str(path))
        warnings.warn(f"symsurrogate: cache directory {path} {why}; caching is off", RuntimeWarning, stacklevel=4)
    return None


def cached(kind: str, key: object, compute: Callable[[], T]) -> T:
    """``compute()``, memoised on disk under ``kind`` and ``repr(key)``.

    ``SYMSURROGATE_NO_CACHE=1`` disables reading (results are still written). A value
    computed while a time limit ran out in this thread is not written.
    """
    blob = repr((kind, key, ANALYSIS_VERSION, *_engines()))
    digest = hashlib.sha256(blob.encode()).hexdigest()
    folder = usable_cache_dir()
    path = folder / f"{kind}-{digest[:24]}.json" if folder is not None else None
    if path is not None and not os.environ.get("SYMSURROGATE_NO_CACHE"):
        found, value = _read(path, kind, digest)
        if found:
            return value
    value, in_time = computed_in_time(compute)
    if path is not None and in_time:
        _write(path, kind, digest, value)
    return value


def _read(path: Path, kind: str, digest: str) -> tuple[bool, object]:
    """(True, value) for a valid entry; (False, None) for a missing, special or malformed one."""
    from ._jsondata import decode

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: a FIFO planted here cannot block the open
    except OSError:
        return False, None
    try:
        info = os.fstat(fd)
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not stat.S_ISREG(info.st_mode) or not mine or info.st_size > MAX_ENTRY_BYTES:
            return False, None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return False, None
    finally:
        os.close(fd)
    try:
        entry = json.loads(raw)
        if entry.get("format") != FORMAT or entry.get("kind") != kind or entry.get("key") != digest:
            return False, None
        return True, decode(entry["value"])
    except (OutOfTime, KeyboardInterrupt):
        raise
    except Exception:  # untrusted bytes: any failure to decode means "no entry"
        return False, None


def _write(path: Path, kind: str, digest: str, value: object) -> None:
    from ._files import write_atomic
    from ._jsondata import encode

    try:
        text = json.dumps({"format": FORMAT, "kind": kind, "key": digest, "value": encode(value)})
        write_atomic(path, text, durable=False)  # a torn entry fails validation and is recomputed
    except (ValueError, TypeError, RecursionError, OSError):
        pass  # a value outside the data model, or an unwritable cache, only costs recomputation
