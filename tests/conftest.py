import atexit
import contextlib
import io
import os
import shutil
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from symsurrogate._cli import _exit_now as exit_now
from symsurrogate._support._collector import collect_less_often

# Tests run on the CPU; keep XLA from grabbing every core for its thread pools twice over.
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false")

# Property tests explore new random inputs on every run. CI (HYPOTHESIS_PROFILE=ci) runs the
# same inputs every time, so that a run fails for the change it tests, not for what chance
# drew; a failure found by exploring becomes a fixed @example.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Many tests compile the same XLA program (a catalog class's gradient, in several test files
# and in both xdist workers and the command-line subprocesses). JAX's persistent compilation
# cache, in a directory of this run's own, compiles each such program once: a cache hit is
# the very executable a compilation gives. A cache the user configured is left alone.
_XLA_CACHE = "JAX_COMPILATION_CACHE_DIR"
# The package's own cache of check results: a run starts from an empty one of its own, as
# CI does, and leaves the user's ~/.cache/symsurrogate untouched (a run checks thousands of
# throwaway formulas). Its workers and subprocesses share it, as a user's commands do.
_RESULTS_CACHE = "SYMSURROGATE_CACHE"
_OWN_CACHES = pytest.StashKey[list[str]]()


def pytest_configure(config: pytest.Config) -> None:
    # Tests do the command line's symbolic work, with its pace of garbage collection.
    collect_less_often()
    # The controller sets them before xdist starts its workers, which inherit the environment.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    config.stash[_OWN_CACHES] = []
    if not os.environ.get(_XLA_CACHE):
        os.environ[_XLA_CACHE] = tempfile.mkdtemp(prefix="symsurrogate-tests-xla-")
        config.stash[_OWN_CACHES].append(os.environ[_XLA_CACHE])
        os.environ["JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS"] = "0"
        os.environ["JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES"] = "0"
    if not os.environ.get(_RESULTS_CACHE):
        os.environ[_RESULTS_CACHE] = tempfile.mkdtemp(prefix="symsurrogate-tests-results-")
        config.stash[_OWN_CACHES].append(os.environ[_RESULTS_CACHE])


def pytest_unconfigure(config: pytest.Config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # A worker's reports are with the controller by now, which waits for the process to
        # end: skip JAX's exit handlers and the freeing of the heap (seconds after a full run).
        atexit.register(exit_now)
    for folder in config.stash.get(_OWN_CACHES, []):
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class CommandResult:
    """What a run of the command line shows: its exit code and its two streams."""

    returncode: int
    stdout: str
    stderr: str


def run_command(*args: str, cwd: Path | str | None = None) -> CommandResult:
    """``symsurrogate ARGS`` in this process, as a subprocess would show it (an uncaught
    exception is a traceback on stderr and exit code 1), without a fresh interpreter per run.
    ``tests/test_cli.py`` runs the installed entry point itself in a subprocess."""
    from symsurrogate._cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse's usage errors
                code = exit_.code if isinstance(exit_.code, int) else 1
            except Exception:
                traceback.print_exc()
                code = 1
    return CommandResult(code, out.getvalue(), err.getvalue())


@pytest.fixture(autouse=True)
def _fresh_memos_around_patches(request):
    """A test that patches the package's internals computes with them: each patch empties
    the in-process memo of symbolic steps, and so does the end of the test (results of the
    patched code are not left for other tests)."""
    if "monkeypatch" not in request.fixturenames:
        yield
        return
    from symsurrogate._support._memo import forget_all

    patcher = request.getfixturevalue("monkeypatch")
    patch = patcher.setattr

    def patch_and_forget(*args, **kwargs):
        patch(*args, **kwargs)
        forget_all()

    patcher.setattr = patch_and_forget
    forget_all()
    yield
    forget_all()


@pytest.fixture
def command():
    """Runs ``symsurrogate ARGS`` in this process: ``command("check", "Sigmoid")``."""
    return run_command
