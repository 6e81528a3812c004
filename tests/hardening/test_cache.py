"""The disk cache holds data, not code; it is private, recovers from any bad entry, never keeps
a result reached under time pressure, and leaves no temporary files."""

from __future__ import annotations

import json
import os
import pickle
import stat
import threading
import warnings
from pathlib import Path

import pytest

from symsurrogate._support import _cache
from symsurrogate._support._budget import Budget
from symsurrogate._support._jsondata import decode, encode
from symsurrogate._symbolic._catalog import catalog_entry, spec_from_table


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SYMSURROGATE_CACHE", str(folder))
    monkeypatch.delenv("SYMSURROGATE_NO_CACHE", raising=False)
    return folder


class Counter:
    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*"))


def test_entries_are_json_and_reused(cache):
    compute = Counter({"a": (1.5, float("nan")), 2: [None, "x"]})
    first = _cache.cached("kind", "key", compute)
    second = _cache.cached("kind", "key", compute)
    assert compute.calls == 1 and second["a"][0] == 1.5 and second[2] == [None, "x"]
    (entry,) = _entries(cache)
    assert entry.suffix == ".json" and json.loads(entry.read_text())["kind"] == "kind"
    assert first.keys() == second.keys()


def test_directory_is_private_even_under_umask_000(cache):
    old = os.umask(0)
    try:
        _cache.cached("kind", "key", Counter(1))
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


@pytest.mark.parametrize("why", ["writable", "foreign"])
def test_unsafe_directory_is_refused(cache, why):
    cache.mkdir()
    if why == "writable":
        cache.chmod(0o777)
    else:
        if os.getuid() != 0:
            pytest.skip("changing a directory's owner needs root")
        os.chown(cache, 4242, -1)
    compute = Counter(7)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _cache._warned.clear()
        assert _cache.cached("kind", "key", compute) == 7
        assert _cache.cached("kind", "key", compute) == 7
    assert compute.calls == 2 and _entries(cache) == []
    assert any("caching is off" in str(w.message) for w in caught)


def _plant(cache: Path, content: bytes | None, special: str | None = None) -> Path:
    _cache.cached("kind", "key", Counter(1))  # find the entry's name
    (path,) = _entries(cache)
    path.unlink()
    if special == "fifo":
        os.mkfifo(path)
    elif special == "symlink":
        target = cache.parent / "elsewhere.json"
        target.write_bytes(path.name.encode())
        os.symlink(target, path)
    else:
        path.write_bytes(content or b"")
    return path


class Boom:
    """A pickle that, if ever loaded, leaves a file behind as proof that code ran."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self):
        return (Path.touch, (self.proof,))


# The pickle names a path under the test's own folder, so it is built inside the test.
A_PICKLE = b"<a pickle that touches PWNED>"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff garbage",
        b"[1, 2",
        b'{"format": 1}',
        b'{"format": 1, "kind": "other", "key": "x", "value": 1}',
        A_PICKLE,
        b'{"format": 1, "kind": "kind", "key": "KEY", "value": {"$data": "Popen", "fields": {}}}',
        b'{"format": 1, "kind": "kind", "key": "KEY", "value": {"$sympy": ["Apply", "os:system", [["S", "pi"]]]}}',
        b'{"format": 1, "kind": "kind", "key": "KEY", "value": {"$sympy": ["S", "__class__"]}}',
        b'{"format": 1, "kind": "kind", "key": "KEY", "value": {"$mpf": [0, 1, 0, 99]}}',
        b'{"format": 1, "kind": "kind", "key": "KEY", "value": ' + b"[" * 100000 + b"]" * 100000 + b"}",
    ],
)
def test_bad_entries_are_ignored_and_rewritten(cache, content):
    path = _plant(cache, b"")
    digest = None
    _cache.cached("kind", "key", Counter(1))
    digest = json.loads(path.read_text())["key"]
    if content == A_PICKLE:
        content = pickle.dumps(Boom(cache.parent / "PWNED"))
    path.write_bytes(content.replace(b"KEY", digest.encode()))
    compute = Counter(42)
    assert _cache.cached("kind", "key", compute) == 42 and compute.calls == 1
    assert json.loads(path.read_text())["value"] == 42  # rewritten
    assert not (cache.parent / "PWNED").exists()


@pytest.mark.parametrize("special", ["fifo", "symlink"])
def test_special_files_are_ignored_without_hanging(cache, special):
    path = _plant(cache, None, special)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(_cache.cached("kind", "key", Counter(5))), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert result == [5]
    if special == "fifo":
        assert path.is_file() and not path.is_symlink()


def test_result_under_time_pressure_is_not_stored(cache):
    def pressured() -> str:
        budget = Budget(total=0.0, per_call=0.0)
        assert budget.run(lambda: "symbolic") is None  # undecided: out of time
        return "numeric fallback"

    assert _cache.cached("kind", "pressed", pressured) == "numeric fallback"
    assert _entries(cache) == []
    assert _cache.cached("kind", "calm", Counter("final")) == "final"
    assert len(_entries(cache)) == 1


def test_failed_writes_leave_no_temporary_files(cache, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert _cache.cached("kind", "key", Counter(3)) == 3
    monkeypatch.setattr(os, "write", fail)
    assert _cache.cached("kind", "other", Counter(4)) == 4
    assert _entries(cache) == []


def test_values_outside_the_data_model_are_not_stored(cache):
    assert _cache.cached("kind", "key", Counter(object)) is object
    assert _entries(cache) == []


@pytest.mark.parametrize("name", ["Sigmoid", "GaussianGrad", "SquarewaveFourierSeries", "PiecewiseLeakyRelu"])
def test_catalog_specs_round_trip_exactly(name):
    group, table = catalog_entry(name)
    spec = spec_from_table(name, group, table)
    again = decode(json.loads(json.dumps(encode(spec))))
    assert again.hash == spec.hash and again.grad == spec.grad and again.primitive == spec.primitive
    assert again.params == spec.params and again.expect == spec.expect


def test_mpmath_numbers_are_stored_whatever_their_mantissa_type(cache):
    """With gmpy2 installed (the speed extra) an mpf's mantissa is an mpz, which JSON cannot
    write: such a result was silently never cached."""
    import mpmath

    values = (mpmath.mpf("1.25e-300"), mpmath.mpf(-3), mpmath.mpc(1, -2), mpmath.mpf(0), mpmath.inf, -mpmath.inf)
    compute = Counter({"refs": values, "table": {0.5: (0.25, 1e-20, 0.0)}})
    _cache.cached("kind", "mp", compute)
    again = _cache.cached("kind", "mp", compute)
    assert compute.calls == 1 and len(_entries(cache)) == 1
    assert again["refs"] == values and again["table"] == {0.5: (0.25, 1e-20, 0.0)}
    # NaN (a formula undefined at a point) too: stored, and read back as NaN.
    undefined = Counter((mpmath.nan, mpmath.mpf(1)))
    _cache.cached("kind", "nan", undefined)
    back = _cache.cached("kind", "nan", undefined)
    assert undefined.calls == 1 and mpmath.isnan(back[0]) and back[1] == 1


def test_every_module_that_caches_results_is_in_the_code_digest():
    # A cached result must be recomputed when the code that computed it changes: every module
    # calling cached() either lies in a layer the analysis digest covers or keys its entries
    # by a digest of its own (the docs' properties, the catalog's Specs).
    from symsurrogate._support._cache import DIGESTED_LAYERS

    package = Path(_cache.__file__).resolve().parents[1]
    own_digest = {"_docs/_site.py": "_code_digest()", "_symbolic/_catalog.py": "_symbolic_code_digest()"}
    callers = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "cached(" in path.read_text() and path.name != "_cache.py"
    }
    assert {"_verify/_jaxchecks.py", "_verify/_fastbudget.py", "_verify/_registry.py"} <= callers
    for module in sorted(callers):
        if module in own_digest:
            assert own_digest[module] in (package / module).read_text(), module
        else:
            assert module.split("/")[0] in DIGESTED_LAYERS, f"{module} caches results outside the digested layers"
