"""How the runtime reaches the symbolic side without importing it (nor SymPy, nor JAX here).

The package (``symsurrogate/__init__.py``) installs the hooks when it is imported; the
runtime calls them only when a user asks for symbolic data (a catalog class's Spec, the
pickled form of a class defined at run time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["SymbolicHooks", "install_hooks", "symbolic_hooks"]


@dataclass(frozen=True)
class SymbolicHooks:
    """What the runtime needs from the symbolic side.

    Each function imports the symbolic layer (and SymPy) only when called.

    Attributes:
        catalog_spec: the Spec of a committed catalog class, by its catalog name.
        class_data: the spec of a class defined at run time, as plain data (for pickling).
        class_from_data: that class again, from the data (for unpickling).
    """

    catalog_spec: Callable[[str], Any]
    class_data: Callable[[type], dict[str, Any]]
    class_from_data: Callable[[dict[str, Any]], type]


_installed: SymbolicHooks | None = None


def install_hooks(hooks: SymbolicHooks) -> None:
    """Connect the runtime to the symbolic side (done once, when the package is imported)."""
    global _installed
    _installed = hooks


def symbolic_hooks() -> SymbolicHooks:
    """The installed hooks; RuntimeError before the package has installed them."""
    if _installed is None:
        raise RuntimeError("symsurrogate's symbolic hooks are not installed: import symsurrogate")
    return _installed
