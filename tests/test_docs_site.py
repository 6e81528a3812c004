"""The documentation as readers meet it: plain doctest on the pages, the MkDocs site in a browser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
