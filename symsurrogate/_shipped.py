"""The committed catalog classes, found by name without SymPy.

A catalog entry ``Name`` is a class of :mod:`symsurrogate._generated`; a preset
``library.Name`` is a class of ``symsurrogate.presets.<library>``. This module is the
one place that turns those names into classes; building a class for a name that has no
committed code is the symbolic side's job (:mod:`symsurrogate._codegen._resolve`).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from . import _generated, presets
from ._runtime import Surrogate


def preset_libraries() -> list[str]:
    """The libraries under ``symsurrogate.presets``, in name order."""
    return sorted(info.name for info in pkgutil.iter_modules(presets.__path__))


def _module_of(library: str) -> ModuleType | None:
    if not library:
        return _generated
    if library not in preset_libraries():
        return None
    return importlib.import_module(f"{presets.__name__}.{library}")


def find_shipped(name: str) -> type[Surrogate] | None:
    """The committed class of ``Name`` or ``library.Name``; None when there is none.

    >>> find_shipped("Sigmoid").__module__
    'symsurrogate._generated.braintools'
    >>> find_shipped("snntorch.atan").__name__, find_shipped("nolibrary.atan")
    ('atan', None)
    """
    library, _, short = name.rpartition(".")
    module = _module_of(library)
    found = getattr(module, short, None) if module is not None else None
    if isinstance(found, type) and issubclass(found, Surrogate) and found is not Surrogate:
        return found
    return None


def shipped_classes() -> dict[str, type[Surrogate]]:
    """Every committed surrogate class by catalog name: the package's, then each library's presets."""
    found: dict[str, type[Surrogate]] = {}
    for library in ["", *preset_libraries()]:
        module = _module_of(library)
        prefix = f"{library}." if library else ""
        for name, obj in vars(module).items():
            if isinstance(obj, type) and issubclass(obj, Surrogate) and obj is not Surrogate:
                found.setdefault(prefix + name, obj)
    return found
