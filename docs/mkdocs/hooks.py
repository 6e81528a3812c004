"""MkDocs hooks: MathJax from an installed package into the built site, never from a CDN."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

MATHJAX_FILE = "tex-svg-full.js"  # TeX input and SVG output with every extension: no fonts, no loader


def mathjax_source() -> Path:
    """MathJax's browser bundle inside the ``django-static-mathjax`` package (the docs extra)."""
    try:
        import mathjax
    except ImportError:
        raise SystemExit("the docs site needs MathJax: pip install 'symsurrogate[docs]'") from None
    path = Path(mathjax.__file__).resolve().parent / "static" / "mathjax" / "es5" / MATHJAX_FILE
    if not path.is_file():
        raise SystemExit(f"{path} is missing from the installed MathJax package")
    return path


def on_post_build(config: Any, **kwargs: Any) -> None:
    target = Path(config["site_dir"]) / "javascripts" / "mathjax" / MATHJAX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(mathjax_source(), target)
    config_js = Path(config["site_dir"]) / "javascripts" / "mathjax-config.js"
    config_js.write_text(MATHJAX_CONFIG, encoding="utf-8")


# Material's recipe for arithmatex's generic output: typeset only the math spans, again after
# each instant-navigation page change. Status goes into <body data-mathjax> for tests.
MATHJAX_CONFIG = """window.MathJax = {
  tex: {
    inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]],
    processEscapes: true, processEnvironments: true
  },
  options: {ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex"},
  startup: {
    pageReady: () => MathJax.startup.defaultPageReady().then(
      () => document.body.setAttribute("data-mathjax", "typeset"),
      (err) => document.body.setAttribute("data-mathjax", "failed: " + err))
  }
};
if (typeof document$ !== "undefined") {
  document$.subscribe(() => {
    if (MathJax.typesetPromise) {
      MathJax.startup.output.clearCache(); MathJax.typesetClear(); MathJax.texReset(); MathJax.typesetPromise();
    }
  });
}
"""
