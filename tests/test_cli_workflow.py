"""The command line as people expect it: --version, help, usage errors, layouts, plot, Name(param=value)."""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

import numpy as np
import pytest

import symsurrogate as ss
from symsurrogate._cli import build_parser, main

pytestmark = pytest.mark.slow  # command-line runs over whole catalogs

ROOT = Path(__file__).resolve().parents[1]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"symsurrogate {ss.__version__}"


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_argument_has_help(command):
    parser = _subcommands()[command]
    missing = [a.dest for a in parser._actions if not isinstance(a, argparse._HelpAction) and not a.help]
    assert not missing, f"{command}: arguments without help: {missing}"


def test_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Command line", 1)[1]
    listed = set(re.findall(r"^symsurrogate ([a-z]+)", block, re.MULTILINE))
    assert set(_subcommands()) <= listed, f"missing from the README: {sorted(set(_subcommands()) - listed)}"


def test_unrecognised_argument_prints_the_subcommands_usage(command):
    done = command("codegen", "Sigmoid", "--bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("usage: symsurrogate codegen")
    assert "unrecognized arguments: --bogus" in done.stderr


def test_check_one_name_prints_a_vertical_view(capsys):
    assert main(["check", "Sigmoid"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Sigmoid: all checks passed"
    assert "checks:" in out and "properties:" in out
    assert max(len(line) for line in out) < 100
    integral = next(line for line in out[out.index("properties:") :] if line.strip().startswith("integral:"))
    assert float(integral.split(":")[1]) == pytest.approx(1.0)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_check_shows_progress_on_a_terminal(monkeypatch, capsys):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "Sigmoid", "Arctan", "-j", "1"]) == 0
    progress = terminal.getvalue()
    assert "checking 1/2: Sigmoid" in progress and "checking 2/2: Arctan" in progress
    assert progress.endswith("\r\x1b[K")  # the status line is cleared before the table


def test_check_is_quiet_on_stderr_when_not_a_terminal(capsys):
    assert main(["check", "Sigmoid", "Arctan", "-j", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_show_wraps_at_the_terminal_width(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["show", "Sigmoid"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert any(line.startswith("    ") for line in lines)  # continuation lines are indented


def test_list_keeps_its_columns_aligned(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["list"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    starts = set()
    for line in rows:
        if line.startswith("   "):  # a wrapped summary line: text starts at the column
            starts.add(len(line) - len(line.lstrip()))
        elif len(line.split()) > 1:
            name = line.split()[0]
            starts.add(line.index(line[2 + len(name) :].lstrip(), 2 + len(name)))
    assert len(starts) == 1
    assert max(len(line) for line in rows) <= 100


def test_new_without_name_says_what_it_named_it(tmp_path, capsys):
    out = tmp_path / "custom.py"
    main(["new", "--grad", "alpha/(1 + (alpha*x)**2)/pi", "--param", "alpha=2", "-o", str(out)])
    assert "named it Custom" in capsys.readouterr().err
    header = out.read_text().split('"""')[1]
    assert (
        "Do not edit: regenerate with `symsurrogate new --grad '<g above>' --param alpha=2.0 --name Custom -o FILE`."
        in header
    )


def test_targets_with_values():
    from symsurrogate._symbolic._targets import resolve_target

    assert resolve_target("Arctan(alpha=4)").defaults == {"alpha": 4.0}
    with pytest.raises(ValueError, match="Arctan has no parameter 'beta'"):
        resolve_target("Arctan(beta=4)")
    with pytest.raises(ValueError, match="must be > 0"):
        resolve_target("Arctan(alpha=-1)")


def test_show_accepts_values(capsys):
    assert main(["show", "Arctan(alpha=4)"]) == 0
    out = capsys.readouterr().out
    assert "param alpha = 4.0" in out and "peak=2" in out  # Arctan's peak is alpha/2


# -- plot ----------------------------------------------------------------------------------------


def _sigmoid_g(x: np.ndarray, alpha: float) -> np.ndarray:
    s = 1 / (1 + np.exp(-alpha * x))
    return alpha * s * (1 - s)


def test_plot_draws_G_g_and_g_prime_with_values_in_the_legend():
    pytest.importorskip("matplotlib")
    fig = ss.plot(ss.Sigmoid(alpha=2.0), "Arctan", derivative=True)
    G_axis, g_axis, d_axis = fig.axes
    sigmoid, arctan = g_axis.get_lines()
    assert [sigmoid.get_label(), arctan.get_label()] == ["Sigmoid(alpha=2)", "Arctan(alpha=1)"]
    x, y = sigmoid.get_data()
    np.testing.assert_allclose(y, _sigmoid_g(x, 2.0), rtol=1e-9, atol=1e-12)
    x, y = arctan.get_data()
    np.testing.assert_allclose(y, 0.5 / (1 + (np.pi * x / 2) ** 2), rtol=1e-9)
    x, G = G_axis.get_lines()[0].get_data()
    np.testing.assert_allclose(G, 1 / (1 + np.exp(-2 * x)), rtol=1e-9)
    x, dg = d_axis.get_lines()[0].get_data()
    np.testing.assert_allclose(dg, np.gradient(_sigmoid_g(x, 2.0), x), atol=2e-3)
    assert d_axis.get_legend() is not None


def test_plot_into_given_axes():
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.subplots()
    assert ss.plot(ss.Sigmoid(), ax=ax) is fig
    assert len(ax.get_lines()) == 1 and ax.get_title() == "$g(x)$"
    with pytest.raises(ValueError, match="expected 2 axes"):
        ss.plot(ss.Sigmoid(), ax=[ax])


@pytest.mark.parametrize(("suffix", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_plot_command_writes_each_format(tmp_path, suffix, magic):
    pytest.importorskip("matplotlib")
    out = tmp_path / f"fig.{suffix}"
    assert main(["plot", "Sigmoid", "Arctan(alpha=4)", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


def test_plot_command_errors_are_one_line(tmp_path, capsys):
    assert main(["plot", "Sigmoid", "-o", str(tmp_path / "fig.jpg")]) == 2
    assert main(["plot", "Sigmod", "-o", str(tmp_path / "fig.svg")]) == 2
    assert main(["plot", "Sigmoid(alpha=-1)", "-o", str(tmp_path / "fig.svg")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 3 and all(e.startswith("symsurrogate: error:") for e in errors)
    assert "use one of .svg, .png, .pdf" in errors[0] and "Sigmoid" in errors[1] and "> 0" in errors[2]
    assert not list(tmp_path.iterdir())
