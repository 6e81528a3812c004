"""symsurrogate: surrogate-gradient spike functions for JAX, generated from one symbolic source.

Importing the package loads neither JAX nor SymPy: the catalog's surrogates and ``Surrogate``
load JAX on first use, and the symbolic side (``surrogate``, ``check``, ``codegen``,
``latex``, ``spec``, ``plot``, ``load_catalog``) loads SymPy on first use.
"""

from __future__ import annotations

import importlib
from importlib import metadata
from typing import TYPE_CHECKING, Any

from ._errors import FormulaError as FormulaError
from ._hooks import SymbolicHooks as _SymbolicHooks
from ._hooks import install_hooks as _install_hooks
from ._params import Param as Param

if TYPE_CHECKING:
    from ._api import check as check
    from ._api import codegen as codegen
    from ._api import latex as latex
    from ._api import spec as spec
    from ._api import surrogate as surrogate
    from ._codegen._userclass import load_catalog as load_catalog
    from ._docs._quickplot import plot as plot
    from ._equivalence._equivalent import Equivalence as Equivalence
    from ._equivalence._equivalent import equivalent as equivalent
    from ._generated import *  # noqa: F403
    from ._runtime import Surrogate as Surrogate
    from ._symbolic._spec import Spec as Spec
    from ._verify._checks import Report as Report

try:
    __version__ = metadata.version("symsurrogate")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


# The runtime reaches the symbolic side only through these; each imports it (and SymPy) when called.
def _catalog_spec(name: str) -> Any:
    from ._symbolic._catalog import load_spec

    return load_spec(name)


def _class_data(cls: type) -> dict[str, Any]:
    from ._codegen._userclass import spec_data

    return spec_data(cls)


def _class_from_data(data: dict[str, Any]) -> type:
    from ._codegen._userclass import class_from_data

    return class_from_data(data)


_install_hooks(_SymbolicHooks(_catalog_spec, _class_data, _class_from_data))

_LAZY = {
    "Surrogate": "._runtime",
    "check": "._api",
    "codegen": "._api",
    "latex": "._api",
    "spec": "._api",
    "surrogate": "._api",
    "Report": "._verify._checks",
    "Spec": "._symbolic._spec",
    "presets": ".presets",
    "equivalent": "._equivalence._equivalent",
    "Equivalence": "._equivalence._equivalent",
    "load_catalog": "._codegen._userclass",
    "plot": "._docs._quickplot",
}


def _catalog_classes() -> list[str]:
    # The generated catalog classes import JAX: loaded when one of them (or __all__) is asked for.
    from ._generated import __all__ as names

    return list(names)


def __getattr__(name: str) -> Any:
    if name == "__all__":
        value: Any = ["FormulaError", "Param", "__version__", *_LAZY, *_catalog_classes()]
    elif name in _LAZY:
        module = importlib.import_module(_LAZY[name], __name__)
        value = module if name == "presets" else getattr(module, name)
    elif name.startswith("_"):  # probes such as __wrapped__ or __path__ must not load JAX
        raise AttributeError(f"module 'symsurrogate' has no attribute {name!r}")
    else:
        generated = importlib.import_module("._generated", __name__)
        if name not in generated.__all__:
            raise AttributeError(f"module 'symsurrogate' has no attribute {name!r}")
        value = getattr(generated, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    public = globals().get("__all__") or __getattr__("__all__")  # first: it stores __all__
    return sorted(set(globals()) | set(public))
