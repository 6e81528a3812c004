"""Every code block of docs/frameworks.md runs: doctest blocks as doctests, the others as scripts."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # equinox and flax training steps

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "frameworks.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
# What each block needs; the frameworks extra (CI) installs all of them.
NEEDS = {"import equinox": "equinox", "from flax": "flax", "import flax": "flax", "import braintools": "braintools",
         "import brainstate": "brainstate"}  # fmt: skip


def _needs(block: str) -> set[str]:
    return {module for marker, module in NEEDS.items() if marker in block}


def test_the_page_has_equinox_linen_and_nnx_examples():
    text = "\n".join(BLOCKS)
    assert "eqx.filter_grad" in text and "flax.linen" in text and "from flax import nnx" in text
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_block_runs(index):
    block = BLOCKS[index]
    earlier = "\n".join(b for b in BLOCKS[: index + 1] if ">>>" in b)
    for module in sorted(_needs(earlier if ">>>" in block else block)):
        pytest.importorskip(module, reason=f"docs/frameworks.md block {index} needs {module}")
    if ">>>" in block:
        # Doctest blocks build on the page's earlier doctest blocks (imports, names).
        test = doctest.DocTestParser().get_doctest(earlier, {}, f"frameworks.md[{index}]", str(PAGE), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        assert runner.failures == 0
    else:
        exec(compile(block, f"{PAGE.name} block {index}", "exec"), {})
