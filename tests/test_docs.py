"""Generated documentation: drift, doctests, LaTeX compilation, plots and docstrings."""

from __future__ import annotations

import doctest
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

import symsurrogate
from symsurrogate._cli import main
from symsurrogate._docs import _site as _docs
from symsurrogate._docs._tex import tex_text
from symsurrogate._symbolic import _render
from symsurrogate._symbolic._calculus import X
from symsurrogate._symbolic._catalog import catalog_names, load_spec

# Renders every catalog page and plot; in the worker of tests/test_conformance.py (see there).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("catalog-analysis")]

ROOT = Path(__file__).resolve().parents[1]
CATALOG_DOCS = ROOT / "docs" / "catalog"
# Guides that other parts of the project write; links to them are checked where they are merged.
WRITTEN_ELSEWHERE = {"training.md", "parity.md", "benchmarks.md", "numerics.md"}
GUIDES = ["getting-started.md", "custom-surrogates.md", "checks.md", "generated-code.md", "frameworks.md"]


@pytest.fixture(scope="module")
def entries() -> list[_docs.Entry]:
    return _docs.load_entries()


@pytest.fixture(scope="module")
def pages(entries) -> dict[str, str]:
    return _docs.render_pages(entries, plots=True)


def test_committed_pages_match_a_fresh_render(pages):
    stale = [name for name, text in pages.items() if _read(CATALOG_DOCS / name) != text]
    assert not stale, f"docs/catalog is out of date ({', '.join(stale)}): run `symsurrogate docs`"
    committed = {p.relative_to(CATALOG_DOCS).as_posix() for p in CATALOG_DOCS.glob("*") if p.is_file()}
    extra = committed - set(pages) - {"overview.svg"}
    assert not extra, f"docs/catalog has files no entry renders: {sorted(extra)}"


def test_committed_plots_match_a_fresh_render(entries):
    pytest.importorskip("matplotlib")
    import matplotlib

    from symsurrogate._docs._plots import creator

    fresh = _docs.render_plots(entries)
    committed = {p.relative_to(CATALOG_DOCS).as_posix() for p in CATALOG_DOCS.rglob("*.svg")}
    assert committed == set(fresh)
    sample = _read(CATALOG_DOCS / "overview.svg")
    if creator(matplotlib.__version__) not in sample:
        pytest.skip("the committed SVGs come from another matplotlib version: bytes differ, names were compared")
    stale = [name for name, text in fresh.items() if _read(CATALOG_DOCS / name) != text]
    assert not stale, f"plots out of date: {stale}; run `symsurrogate docs`"


def test_svg_is_deterministic_and_undated():
    pytest.importorskip("matplotlib")
    from symsurrogate._docs._plots import plot_svg

    spec = load_spec("Sigmoid")
    first, second = plot_svg(spec), plot_svg(spec)
    assert first == second
    assert "<dc:date>" not in first and first.startswith("<?xml")
    assert "$\\alpha = 2$" in first or "α" in first or "alpha" in first  # the legend names the parameter


def test_index_lists_every_entry_with_well_formed_rows(pages):
    index = pages["index.md"]
    for key in catalog_names():
        assert f"]({key}.md)" in index
    for row in [line for line in index.splitlines() if line.startswith("| [")]:
        cells = re.split(r"(?<!\\)\|", row.strip())[1:-1]
        assert len(cells) == 8, row  # a bare | inside math would split a cell


def test_pages_use_display_math_and_render_every_section(pages):
    page = pages["Sigmoid.md"]
    for heading in ["## Formulas", "## Parameters", "## Properties", "## Plots", "## Example", "## References"]:
        assert heading in page
    assert page.count("$$") == 8  # H, G, g and g' as display math
    assert "$$\nG(x) = \\sigma\\left(\\alpha x\\right)\n$$" in page


def test_page_examples_run_as_doctests(pages):
    for name, text in pages.items():
        if name.endswith(".md"):
            failed, attempted = _run_doctests(text, name)
            assert failed == 0, f"{name}: {failed} of {attempted} examples failed"


def test_example_gradient_value_is_the_published_sigmoid():
    # braintools/snnTorch sigmoid: g(x) = α·s·(1 − s), s = 1/(1 + e^{−αx}); α = 4, x = 0.25
    s = 1 / (1 + math.exp(-1.0))
    assert _render.example(load_spec("Sigmoid"))[-1] == f"{4 * s * (1 - s):.4g}"


@pytest.mark.parametrize("name", GUIDES)
def test_guide_examples_run(name):
    text = _read(ROOT / "docs" / name)
    assert text, f"docs/{name} is missing"
    failed, attempted = _run_doctests(text, name)
    assert failed == 0, f"docs/{name}: {failed} of {attempted} examples failed"


@pytest.mark.parametrize("module", ["equinox", "flax"])
def test_framework_examples_run(module):
    pytest.importorskip(module)
    blocks = re.findall(r"```python\n(.*?)```", _read(ROOT / "docs" / "frameworks.md"), re.S)
    chosen = [b for b in blocks if ">>>" not in b and f"import {module}" in b]
    assert chosen, f"docs/frameworks.md has no {module} example"
    for block in chosen:
        exec(compile(block, f"frameworks.md ({module})", "exec"), {})


def test_readme_example_runs(capsys):
    blocks = re.findall(r"```python\n(.*?)```", _read(ROOT / "README.md"), re.S)
    assert blocks, "README has no python example"
    exec(compile(blocks[0], "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "True" in out  # the example checks its surrogate
    for link in re.findall(r"\]\((docs/[^)#]+)", _read(ROOT / "README.md")):
        if Path(link).name not in WRITTEN_ELSEWHERE:
            assert (ROOT / link).exists(), f"README links to missing {link}"


def test_catalog_tex_compiles_with_pdflatex(pages, tmp_path):
    engine = shutil.which("pdflatex")
    if engine is None:
        if os.environ.get("CI"):
            pytest.fail("pdflatex is missing in CI: .ci/run installs texlive-latex-base/-recommended")
        pytest.skip("no TeX engine installed")
    (tmp_path / "catalog.tex").write_text(pages["catalog.tex"], encoding="utf-8")
    run = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", "catalog.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = [line for line in run.stdout.splitlines() if line.startswith("!")]
    assert run.returncode == 0 and not errors, "\n".join(errors or run.stdout.splitlines()[-30:])
    assert (tmp_path / "catalog.pdf").stat().st_size > 1000


def test_tex_text_escapes_specials_and_unicode():
    assert tex_text("50% of a_1 & σ ≥ 0 {x}") == r"50\% of a\_1 \& $\sigma$ $\geq$ 0 \{x\}"
    assert tex_text("Δ Ω Α é") == r"$\Delta$ $\Omega$ A é"
    assert tex_text("|x|") == "$|$x$|$"
    assert tex_text("support ℝ, Łukasz ⊂") == r"support $\mathbb{R}$, Łukasz ?"  # unknown symbols never reach TeX


def test_latex_command_prints_one_section(capsys):
    assert main(["latex", "Sigmoid"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\\section{Sigmoid}")
    assert "G(x) &= \\sigma\\left(\\alpha x\\right)" in out
    assert main(["latex", "Sigmoidd"]) == 2
    assert "did you mean Sigmoid" in capsys.readouterr().err


def test_docs_command_writes_and_checks(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["docs", "-o", str(out), "--no-plots"]) == 0
    assert (out / "index.md").exists() and (out / "catalog.tex").exists()
    assert "overview.svg" not in (out / "index.md").read_text()
    assert main(["docs", "-o", str(out), "--no-plots", "--check"]) == 0
    (out / "Sigmoid.md").write_text("edited")
    assert main(["docs", "-o", str(out), "--no-plots", "--check"]) == 1
    assert "Sigmoid.md" in capsys.readouterr().out


def test_missing_matplotlib_gives_a_clear_message(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    assert main(["docs", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "symsurrogate[docs]" in err and "--no-plots" in err and "Traceback" not in err
    assert main(["docs", "-o", str(tmp_path), "--no-plots"]) == 0


def test_docs_module_does_not_import_matplotlib():
    code = "import sys, symsurrogate._docs._site; print('matplotlib' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "False", run.stderr


@pytest.mark.parametrize("name", catalog_names())
def test_displayed_formulas_equal_the_spec(name):
    # The σ rewrite and the σ-form g' are display-only: they must be identities.
    spec = load_spec(name)
    for shown, truth in [
        (_render.display(spec.grad), spec.grad),
        (_render.grad_derivative(spec), spec.grad_derivative),
    ]:
        shown = spec.at(shown.replace(_render.sigma, lambda z: 1 / (1 + sp.exp(-z))))
        truth = spec.at(truth)
        for x in np.linspace(-3.1, 2.9, 13):
            point = sp.Rational(f"{x:.6f}")  # exact: evalf then resolves cancellation to 30 digits
            a, b = (float(e.subs(X, point).evalf(30)) for e in (shown, truth))
            assert a == pytest.approx(b, rel=1e-12, abs=1e-300), (name, x)


def test_docstring_shows_the_math():
    doc = symsurrogate.Sigmoid.__doc__
    assert "G(x) = σ(α⋅x)" in doc
    assert "g(x) = α⋅(1 - σ(α⋅x))⋅σ(α⋅x)" in doc
    assert "H(0) = 1" in doc and "g(0) = 1" in doc  # braintools: Sigmoid(alpha=4) peaks at alpha/4 = 1
    assert "alpha: float or array, > 0, default 4.0." in doc
    assert "Neftci, Mostafa & Zenke 2019" in doc
    assert symsurrogate.sigmoid.__doc__  # the function twin is documented too


@pytest.mark.parametrize("name", catalog_names())
def test_every_class_docstring_comes_from_the_renderer(name):
    spec = load_spec(name)
    module = symsurrogate
    if spec.group.startswith("presets:"):
        module = __import__(f"symsurrogate.presets.{spec.group.split(':')[1]}", fromlist=["x"])
    cls = getattr(module, spec.name)
    assert _normalize(cls.__doc__) == _normalize(_render.docstring(spec))
    twin = getattr(module, spec.function_name)
    assert _normalize(twin.__doc__) == _normalize(_render.docstring(spec, twin=True))


def _normalize(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines())


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _run_doctests(text: str, name: str) -> tuple[int, int]:
    blocks = re.findall(r"```(?:python|pycon)\n(.*?)```", text, re.S)
    source = "\n".join(b for b in blocks if ">>>" in b)
    test = doctest.DocTestParser().get_doctest(source, {}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.failures, runner.tries
