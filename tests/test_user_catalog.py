"""A user's own catalog file: load_catalog, --catalog on the commands, errors, new --append."""

from __future__ import annotations

import doctest
import importlib.util
import json
import math
import pickle

import jax
import numpy as np
import pytest

import symsurrogate as ss
from symsurrogate._cli import main
from symsurrogate._docs._site import MANIFEST

pytestmark = pytest.mark.slow  # checks and docs of whole user catalogs

MINE = """\
# my family of surrogates
[SoftBump]
summary = "A soft-sign bump."
grad = "alpha/(1 + Abs(alpha*x))**2/2"
params.alpha = { default = 2.0, description = "steepness" }
steepness = "alpha"

[GaussBump]
primitive = "(1 + erf(x/(sqrt(2)*sigma)))/2"
params.sigma = 0.5
"""


def soft_bump(x: float, alpha: float) -> float:  # the published soft-sign bump, by hand
    return alpha / (2 * (1 + abs(alpha * x)) ** 2)


def gauss(x: float, sigma: float) -> float:
    return math.exp(-(x**2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(MINE)
    return path


def test_load_catalog_returns_working_classes(mine):
    classes = ss.load_catalog(mine)
    assert list(classes) == ["SoftBump", "GaussBump"]
    bump, gaussian = classes["SoftBump"](alpha=3.0), classes["GaussBump"]()
    for x in (-0.7, 0.0, 0.4):
        assert float(jax.grad(bump)(x)) == pytest.approx(soft_bump(x, 3.0), rel=1e-5)
        assert float(jax.grad(gaussian)(x)) == pytest.approx(gauss(x, 0.5), rel=1e-5)
    assert pickle.loads(pickle.dumps(bump)) == bump


@pytest.mark.parametrize(
    ("text", "field", "kind"),
    [
        ('[A]\ngrad = "alpha*x +"\nparams.alpha = 1.0\n', "field 'grad'", ss.FormulaError),
        ("[A]\ngrad = \"__import__('os')\"\n", "field 'grad'", ss.FormulaError),
        ('[A]\ngrad = "alpha*x"\nparams.alpha = -1.0\n', "field 'params.alpha'", ValueError),
        ('[A]\ngrad = "x"\nparams.alpha = 1.0\n', "field 'params.alpha'", ss.FormulaError),
        ('[A]\ngrad = "alpha*x"\nparms.alpha = 1.0\n', "field 'parms'", ValueError),
        (
            '[A]\ngrad = "alpha*x"\nparams.alpha = { default = 1.0, domian = "real" }\n',
            "field 'params.alpha'",
            ValueError,
        ),
        ('[A]\ngrad = "x"\nsummary = 3\n', "field 'summary'", ValueError),
        ('[A]\ngrad = "x"\nreferences = "Zenke 2018"\n', "field 'references'", ValueError),
    ],
)
def test_errors_name_file_entry_and_field(tmp_path, text, field, kind):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(kind) as info:
        ss.load_catalog(path)
    message = str(info.value)
    assert str(path) in message and "entry 'A'" in message and field in message
    assert "\n" not in message


def test_file_level_errors_name_the_file(tmp_path):
    for text in ("[A\n", "A = 1\n", ""):
        path = tmp_path / "bad.toml"
        path.write_text(text)
        with pytest.raises(ValueError, match=r"bad\.toml"):
            ss.load_catalog(path)
    with pytest.raises(ValueError, match=r"missing\.toml: no such catalog file"):
        ss.load_catalog(tmp_path / "missing.toml")


def test_check_all_checks_only_the_users_entries(mine, capsys):
    assert main(["check", "--catalog", str(mine), "--all", "--json", "-j", "1"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [r["surrogate"] for r in reports] == ["SoftBump", "GaussBump"]
    assert reports[0]["properties"]["integral"] == pytest.approx(1.0)


def test_codegen_from_the_users_catalog_is_standalone(mine, tmp_path):
    out = tmp_path / "gauss_bump.py"
    assert main(["codegen", "GaussBump", "--catalog", str(mine), "-o", str(out)]) == 0
    source = out.read_text()
    assert "import sympy" not in source and "symsurrogate" not in source.split('"""')[2]
    assert "symsurrogate codegen GaussBump --catalog mine.toml" in source
    module_spec = importlib.util.spec_from_file_location("gauss_bump", out)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    assert float(module.grad(np.float32(0.3), np.float32(0.5))) == pytest.approx(gauss(0.3, 0.5), rel=1e-5)


def test_docs_renders_only_the_users_entries(mine, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    out = tmp_path / "appendix"
    assert main(["docs", "--catalog", str(mine), "-o", str(out)]) == 0
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert files == {
        MANIFEST,  # the list of files the docs command wrote, so a later run removes only those
        "index.md", "SoftBump.md", "GaussBump.md", "catalog.tex", "overview.svg",
        "plots/SoftBump.svg", "plots/GaussBump.svg",
    }  # fmt: skip
    tex = (out / "catalog.tex").read_text()
    assert "SoftBump" in tex and "GaussBump" in tex and "Sigmoid" not in tex
    monkeypatch.chdir(mine.parent)  # the pages' examples load the entries from mine.toml
    for page in ("SoftBump.md", "GaussBump.md"):
        test = doctest.DocTestParser().get_doctest((out / page).read_text(), {}, page, page, 0)
        result = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE).run(test)
        assert result.attempted >= 3 and result.failed == 0


def test_new_appends_the_checked_entry(tmp_path, capsys):
    path = tmp_path / "mine.toml"
    path.write_text(MINE)
    argv = ["new", "--grad", "alpha/(1 + (alpha*x)**2)/pi", "--param", "alpha=2", "--name", "Lorentz"]
    assert main([*argv, "--append", str(path)]) == 0
    assert "appended Lorentz" in capsys.readouterr().err
    assert path.read_text().startswith(MINE)
    lorentz = ss.load_catalog(path)["Lorentz"]()
    assert float(jax.grad(lorentz)(0.5)) == pytest.approx(2 / (1 + 1.0) / math.pi, rel=1e-5)
    before = path.read_text()
    assert main([*argv, "--append", str(path)]) == 2  # the name is taken: the file stays as it was
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == before


def test_new_does_not_append_a_failing_entry(tmp_path, capsys):
    path = tmp_path / "mine.toml"
    # g = α/|x| is infinite at 0: the finiteness and gradient checks fail
    assert main(["new", "--grad", "alpha/Abs(x)", "--param", "alpha=2", "--append", str(path)]) == 1
    assert "not appended" in capsys.readouterr().err
    assert not path.exists()


def test_commands_find_builtin_names_next_to_the_users(mine, capsys):
    assert main(["compare", "SoftBump(alpha=2)", "SoftSign", "--catalog", str(mine)]) == 0
    assert "SoftBump(alpha=2" in capsys.readouterr().out
    assert main(["show", "SoftBumb", "--catalog", str(mine)]) == 2
    assert "did you mean SoftBump" in capsys.readouterr().err


def test_docs_index_names_the_users_file(mine, tmp_path):
    assert main(["docs", "--catalog", str(mine), "-o", str(tmp_path / "out"), "--no-plots"]) == 0
    index = (tmp_path / "out" / "index.md").read_text()
    assert "rendered from `mine.toml` by `symsurrogate docs --catalog`" in index
    assert "[SoftBump](SoftBump.md)" in index and "Sigmoid" not in index
