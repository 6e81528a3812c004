"""The command line: outputs and exit codes. Most tests run ``main`` in this process (see
``conftest.run_command``); the entry point itself runs as a user would, in a subprocess."""

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow  # fresh interpreters
@pytest.mark.parametrize("how", ["module", "script"])
def test_the_installed_command_runs(how):
    script = Path(sys.executable).parent / "symsurrogate"  # installed next to the interpreter
    command = [sys.executable, "-m", "symsurrogate"] if how == "module" else [str(script)]
    result = subprocess.run([*command, "show", "Sigmoid"], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "\\alpha" in result.stdout
    failed = subprocess.run([*command, "show", "Sigmod"], capture_output=True, text=True, timeout=300, check=False)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stderr.strip().count("\n") == 0, failed.stderr


def test_list_shows_sigmoid(command):
    result = command("list")
    assert result.returncode == 0
    assert "Sigmoid" in result.stdout


def test_show(command):
    result = command("show", "Sigmoid")
    assert result.returncode == 0, result.stderr
    assert "\\alpha" in result.stdout and "alpha" in result.stdout


def test_check_passes_for_sigmoid(command):
    result = command("check", "Sigmoid")
    assert result.returncode == 0, result.stdout + result.stderr


def test_codegen_to_file(tmp_path, command):
    out = tmp_path / "sigmoid.py"
    result = command("codegen", "Sigmoid", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "jax.custom_vjp" in out.read_text()


def test_new_checks_and_writes(tmp_path, command):
    out = tmp_path / "mine.py"
    result = command(
        "new", "--grad", "alpha/(2*(1 + Abs(alpha*x))**2)", "--param", "alpha=2", "--name", "Mine", "-o", str(out)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Mine" in result.stdout
    assert "def grad(x, alpha)" in out.read_text()


def test_new_failing_check_exits_nonzero(tmp_path, command):
    result = command("new", "--primitive", "sigmoid(alpha*x)", "--param", "alpha=2", "--name", "Ok")
    assert result.returncode == 0
    # a gradient that is negative somewhere is still checked, not refused: exit code follows the checks
    assert "integral" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("show", "Sigmod"),
        ("codegen", "NoSuchThing"),
        ("new", "--grad", "__import__('os')", "--param", "alpha=2"),
        ("new", "--grad", "alpha*x +", "--param", "alpha=2"),
        ("new", "--grad", "alpha*x", "--param", "alpha"),
        ("new", "--grad", "alpha*x", "--param", "alpha=abc"),
        ("new", "--grad", "x", "--param", "alpha=2"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(args, command):
    result = command(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("symsurrogate: error:")


def test_unknown_name_suggests_close_match(command):
    result = command("show", "Sigmod")
    assert "Sigmoid" in result.stderr


def test_codegen_does_not_leave_partial_file(tmp_path, command):
    out = tmp_path / "x.py"
    result = command("codegen", "NoSuchThing", "-o", str(out))
    assert result.returncode == 2
    assert not out.exists()


def test_check_refuses_an_unknown_name_before_building_any_spec(monkeypatch, capsys):
    # Building a catalog entry's Spec may derive its primitive (seconds); a typo among the
    # names must fail at once, and a parallel check lets its workers build the Specs.
    from symsurrogate._cli import main
    from symsurrogate._symbolic import _catalog

    def no_building(*args, **kwargs):
        raise AssertionError("a Spec was built")

    _catalog.load_spec.cache_clear()
    monkeypatch.setattr(_catalog, "spec_from_table", no_building)
    assert main(["check", "Sigmoid", "Sigmod"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "'Sigmod'" in error and "Sigmoid" in error


_IMPORTS = """
import sys
import symsurrogate
from symsurrogate import _cli
from symsurrogate._symbolic._catalogfiles import catalog_entries, catalog_names
assert len(catalog_names()) == len(catalog_entries()) > 60
_cli.check_order(catalog_names())
_cli.build_parser("check")  # the command line of a built-in command, without the feature modules
from symsurrogate._verify._report import table  # the parent of a parallel check renders reports
assert _cli.main(["show", "Sigmod"]) == 2  # a mistyped name is answered before SymPy is loaded
before = sorted(m for m in ("jax", "sympy", "mpmath") if m in sys.modules)
symsurrogate.Sigmoid  # a catalog class loads JAX, and only then
after = sorted(m for m in ("jax", "sympy", "mpmath") if m in sys.modules)
assert "__all__" in dir(symsurrogate) and "Sigmoid" in dir(symsurrogate)  # already on the first call
print(before, after)
"""


def test_the_package_and_the_catalog_listing_load_neither_jax_nor_sympy():
    # `check --all` starts its workers after parsing its arguments and listing the catalog:
    # that must not wait for JAX.
    out = subprocess.run([sys.executable, "-c", _IMPORTS], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "['jax']"]


@pytest.mark.slow  # two worker processes
def test_parallel_check_reports_what_a_sequential_one_does(command):
    # Worker processes end with os._exit after their exit handlers: nothing they computed
    # may be lost on the way, and the report must not depend on where an entry was checked.
    parallel = command("check", "Rect", "spyx.boxcar", "--json", "-j", "2")
    sequential = command("check", "Rect", "spyx.boxcar", "--json", "-j", "1")
    assert parallel.returncode == 0, parallel.stderr
    assert '"surrogate": "spyx.boxcar"' in parallel.stdout
    assert parallel == sequential


def test_a_parallel_check_starts_no_two_entries_of_one_formula_side_by_side():
    # The formula hash of each built Spec is the oracle: every entry whose formula an earlier
    # one has waits in the queue's tail, where its analysis is in the disk cache; the others
    # come first, longest first. The tail may hold a few others too (a preset whose text and
    # defaults match its shape's while its formula differs): two here.
    from symsurrogate._symbolic._catalog import load_spec
    from symsurrogate._symbolic._catalogfiles import catalog_entries, catalog_names, check_order

    names = catalog_names()
    order = check_order([*names, "Sigmoid"])  # a name given twice is checked once
    assert sorted(order) == sorted(names)
    hashes = [load_spec(name).formula_hash for name in order]
    repeats = [i for i, h in enumerate(hashes) if h in hashes[:i]]
    assert len(repeats) >= 9  # the presets that are their shapes (spikingjelly.Sigmoid, …)
    start = min(repeats)
    assert start >= len(order) - len(repeats) - 2
    tables = catalog_entries()
    lengths = [len(tables[n][1].get("grad", "")) + len(tables[n][1].get("primitive", "")) for n in order[:start]]
    assert lengths == sorted(lengths, reverse=True)
