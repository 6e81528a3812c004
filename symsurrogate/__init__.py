"""symsurrogate: surrogate-gradient spike functions for JAX, generated from one symbolic source.

Importing the package and using the catalog's surrogates needs JAX only; the symbolic
side (``surrogate``, ``check``, ``codegen``, ``latex``, ``spec``) loads SymPy on first use.
"""

from __future__ import annotations

import importlib
from importlib import metadata
from typing import TYPE_CHECKING, Any

from ._errors import FormulaError as FormulaError
from ._generated import *  # noqa: F403
from ._generated import __all__ as _catalog_all
from ._params import Param as Param
from ._runtime import Surrogate as Surrogate

if TYPE_CHECKING:
    from ._api import check as check
    from ._api import codegen as codegen
    from ._api import latex as latex
    from ._api import spec as spec
    from ._api import surrogate as surrogate
    from ._checks import Report as Report
    from ._equivalence import Equivalence as Equivalence
    from ._equivalence import equivalent as equivalent
    from ._plotting import plot as plot
    from ._spec import Spec as Spec
    from ._usercatalog import load_catalog as load_catalog

try:
    __version__ = metadata.version("symsurrogate")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

_LAZY = {
    "check": "._api",
    "codegen": "._api",
    "latex": "._api",
    "spec": "._api",
    "surrogate": "._api",
    "Report": "._checks",
    "Spec": "._spec",
    "presets": ".presets",
    "equivalent": "._equivalence",
    "Equivalence": "._equivalence",
    "load_catalog": "._usercatalog",
    "plot": "._plotting",
}

__all__ = ["FormulaError", "Param", "Surrogate", "__version__", *_LAZY, *_catalog_all]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(_LAZY[name], __name__)
        value = module if name == "presets" else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'symsurrogate' has no attribute {name!r}")
