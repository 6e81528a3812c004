"""The documentation as readers meet it: plain doctest on the pages, the MkDocs site in a browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds the MkDocs site and opens it in Chromium

ROOT = Path(__file__).resolve().parents[1]
CATALOG_DOCS = ROOT / "docs" / "catalog"


def test_catalog_pages_pass_plain_python_doctest():
    # `python -m doctest page.md`, as a reader would run it: each example needs the blank
    # line before its closing fence, or the fence becomes part of the expected output.
    pages = sorted(str(p) for p in CATALOG_DOCS.glob("*.md") if ">>>" in p.read_text(encoding="utf-8"))
    assert len(pages) > 60
    done = subprocess.run(
        [sys.executable, "-m", "doctest", *pages], capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


# -- the MkDocs site ------------------------------------------------------------------------------

CONFIG = ROOT / "docs" / "mkdocs" / "mkdocs.yml"
# Written into a copy of a built page: once the page has loaded and MathJax has finished,
# it records the math and image status in <body> attributes, which --dump-dom shows.
PROBE = """<script>
window.addEventListener("load", () => {
  const done = () => {
    const images = [...document.querySelectorAll("article img")].map(i => [i.getAttribute("src"), i.naturalWidth]);
    document.body.setAttribute("data-probe-images", JSON.stringify(images));
    document.body.setAttribute("data-probe-math", String(document.querySelectorAll(".arithmatex").length));
    document.body.setAttribute("data-probe-rendered",
      String(document.querySelectorAll(".arithmatex mjx-container").length));
    document.body.setAttribute("data-probe-errors",
      String(document.querySelectorAll('[data-mml-node="merror"], [data-mjx-error], mjx-merror').length));
    document.body.setAttribute("data-probe-done", "1");
  };
  (window.MathJax && MathJax.startup ? MathJax.startup.promise : Promise.resolve()).then(done, done);
});
</script>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    pytest.importorskip("mkdocs", reason="the docs site needs the docs extra")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(out)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    return out


# One worker builds the site once for every test that opens it (the fixture is per module and
# per worker).
@pytest.mark.xdist_group("docs-site")
def test_site_builds_strict_and_fetches_nothing_at_view_time(site):
    for page in ("index.html", "catalog/Sigmoid.html", "api/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        remote = re.findall(r"""<(?:script|link)[^>]+(?:src|href)=["'](https?:)?//[^"']+""", html)
        assert not remote, f"{page} loads {remote}"
        assert "javascripts/mathjax/tex-svg-full.js" in html
    assert (site / "javascripts" / "mathjax" / "tex-svg-full.js").stat().st_size > 1_000_000


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Debian's chromium is not installed (CI installs it: .ci/run)")
    return found


def _open(site: Path, page: str, screenshot: Path | None = None) -> str:
    """The DOM of ``page`` after its scripts ran, in headless Chromium; optionally a screenshot."""
    original = site / page
    probe = original.with_name(original.stem + ".probe.html")
    probe.write_text(original.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    profile = site.parent / f"{site.name}-chromium-profile"  # a fresh profile: no state from other runs
    common = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}"]
    common.append("--virtual-time-budget=30000")  # run the page's scripts (MathJax) before dumping
    if screenshot is not None:  # one load of the page gives both
        common += [f"--screenshot={screenshot}", "--window-size=1280,2200"]
    done = subprocess.run([*common, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _body_attributes(dom: str) -> dict[str, str]:
    body = re.search(r"<body([^>]*)>", dom)
    assert body, "no <body> in the dumped DOM"
    return {k: v.replace("&quot;", '"') for k, v in re.findall(r'(data-[\w-]+)="([^"]*)"', body[1])}


@pytest.mark.xdist_group("docs-site")
@pytest.mark.parametrize(("page", "plot"), [("catalog/Sigmoid.html", "plots/Sigmoid.svg"), ("api/index.html", None)])
def test_pages_render_math_and_plots_in_chromium(site, tmp_path, page, plot):
    screenshot = tmp_path / (Path(page).stem + ".png")
    dom = _open(site, page, screenshot)
    attributes = _body_attributes(dom)
    assert attributes.get("data-probe-done") == "1", "the page's scripts did not finish"
    assert attributes.get("data-mathjax") == "typeset", attributes
    math, rendered = int(attributes["data-probe-math"]), int(attributes["data-probe-rendered"])
    assert math >= 3 and rendered == math, f"{rendered} of {math} formulas rendered"
    assert attributes["data-probe-errors"] == "0", "MathJax reported errors"
    assert not re.search(r"\\\(|\\\[", "".join(re.findall(r'<span class="arithmatex">(.*?)</span>', dom)))
    assert screenshot.stat().st_size > 10_000
    images = json.loads(attributes["data-probe-images"])
    if plot is not None:
        shown = {src: width for src, width in images}
        assert shown.get(plot, 0) > 0, f"the plot {plot} is not shown: {images}"
        assert "G and g of Sigmoid" in dom
