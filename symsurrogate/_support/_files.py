"""Writing files atomically: readers see the old file or the new one, never half of one.

The data goes into an unnamed file (Linux ``O_TMPFILE``) that is given a name only once it
is complete, then renamed over the target: a write that fails (full disk, an exception, the
process killed while writing) leaves no file behind. Where ``O_TMPFILE`` is unavailable a
hidden named file is used and removed on every failure. Files get the mode the process
umask gives (``0o666 & ~umask``), like any other file the user creates.

A target that is a symbolic link is written through: the link stays and the file it points
to is replaced. A target that is a directory, or an empty path, is refused with an OSError
naming it.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], content: str | bytes, *, durable: bool = True) -> Path:
    """Write text (UTF-8) or bytes to ``path`` atomically; returns the path written (links resolved).

    ``durable=False`` skips the flush to disk (``fsync``): for files whose loss in a power
    failure costs only recomputation, such as cache entries, which are validated when read.

    Raises:
        OSError: the path is empty or a directory, or the file cannot be written.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "hello").read_text()
    'hello'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary files left
    ['a.txt']
    """
    if not os.fspath(path):
        raise FileNotFoundError(errno.ENOENT, "empty output path", "")
    target = Path(os.path.realpath(path))  # through symbolic links: replace what the link points to
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", os.fspath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd = _unnamed_file(target.parent)
    if fd is None:
        _write_named(target, data, durable)
        return target
    temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        _write_all(fd, data, durable)
        os.link(f"/proc/self/fd/{fd}", temporary, follow_symlinks=True)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.ENOENT, errno.EOPNOTSUPP):
            raise
        _write_named(target, data, durable)  # some kernels and sandboxes cannot name an unnamed file
        return target
    finally:
        os.close(fd)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def _unnamed_file(folder: Path) -> int | None:
    """A file descriptor of an unnamed file in ``folder``, or None where the system has none."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as err:
        if err.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # the file system does not support it
        raise


def _write_named(target: Path, data: bytes, durable: bool) -> None:
    temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        try:
            _write_all(fd, data, durable)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: bytes, durable: bool) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    if durable:
        os.fsync(fd)
