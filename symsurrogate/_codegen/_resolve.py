"""Names and specs turned into surrogate classes: the one resolver every caller uses."""

from __future__ import annotations

import types
from typing import Any

from .._runtime import Surrogate
from .._shipped import find_shipped
from .._symbolic._catalog import load_spec
from .._symbolic._spec import Spec
from ._classgen import RUNTIME_IMPORTS, class_source, docstring
from ._emit import codegen


def surrogate_class(spec: Spec) -> type[Surrogate]:
    """A Surrogate class generated from ``spec`` (the same code path as the catalog's).

    The executed source holds no user text but names and numbers; the docstrings, which
    carry the summary, references and descriptions, are set on the built objects.
    """
    formulas = types.ModuleType(f"symsurrogate.user.{spec.name}")
    source = codegen(spec, catalog=True)
    exec(compile(source, f"<symsurrogate {spec.name}>", "exec"), formulas.__dict__)  # generated code
    namespace: dict[str, Any] = {}
    # Annotations stay unevaluated: a class named ``jax`` must not hide the module in the twin's.
    source = (
        "from __future__ import annotations\n" + RUNTIME_IMPORTS + class_source(spec, "", None, None, docstrings=False)
    )
    exec(compile(source, f"<symsurrogate class {spec.name}>", "exec"), namespace)  # generated code
    cls = namespace[spec.name]
    cls._module = formulas
    cls._spec = spec
    cls.__module__ = "symsurrogate.user"
    cls.__doc__ = docstring(spec)
    function = namespace[spec.function_name]
    function.__doc__ = docstring(spec, twin=True)
    cls.function = staticmethod(function)
    return cls


def shipped_class(name: str, spec: Spec) -> type[Surrogate] | None:
    """The committed class of catalog entry ``name``, if its generated code is from ``spec``.

    Checking a catalog name checks the code users import; a generated module whose header
    records another spec hash (a catalog edited but not regenerated) is not used.

    >>> shipped_class("Sigmoid", load_spec("Sigmoid")).__module__
    'symsurrogate._generated.braintools'
    """
    cls = find_shipped(name)
    if cls is None:
        return None
    header = cls.formulas().__doc__ or ""
    return cls if f"from spec {spec.hash[:16]}." in header else None


def resolve_class(name: str) -> type[Surrogate]:
    """The class of catalog entry ``name`` (presets as ``library.Name``).

    The committed class when there is one, else a class built from the catalog's spec.

    Raises:
        KeyError: no such entry; the message suggests close matches.
    """
    return find_shipped(name) or surrogate_class(load_spec(name))
