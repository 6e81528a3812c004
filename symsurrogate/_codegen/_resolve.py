"""Names and specs turned into surrogate classes: the one resolver every caller uses."""

from __future__ import annotations

import threading
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
    pending = spec.primitive_pending
    source = codegen(spec, catalog=True, with_primitive=not pending)
    exec(compile(source, f"<symsurrogate {spec.name}>", "exec"), formulas.__dict__)  # generated code
    if pending:
        formulas.__getattr__ = _PrimitiveOnFirstUse(spec, formulas)  # type: ignore[method-assign]
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
    cls.__doc__ = _Docstring(spec)  # type: ignore[assignment]
    cls.function = _Twin(namespace[spec.function_name], spec)  # type: ignore[attr-defined]
    return cls


# What a formula module says about G: present once the primitive has been searched for.
_PRIMITIVE_NAMES = frozenset({"primitive", "primitive_fast", "HAS_PRIMITIVE", "NO_PRIMITIVE"})


class _PrimitiveOnFirstUse:
    """A formula module's ``__getattr__`` (PEP 562) while G is not searched for yet.

    The module holds g, all that the backward pass needs. The first read of a name about G
    (``surrogate_fun``, ``param_grad="primitive"``, a check) searches for it and adds G's
    code to the module; other missing names are missing as usual.
    """

    def __init__(self, spec: Spec, formulas: types.ModuleType) -> None:
        self.spec, self.formulas = spec, formulas
        self.lock = threading.Lock()

    def __call__(self, name: str) -> Any:
        module = self.formulas.__dict__
        if name in _PRIMITIVE_NAMES:
            with self.lock:  # one search and one completion, whichever thread asks first
                if module.get("__getattr__") is self:
                    complete: dict[str, Any] = {}
                    source = codegen(self.spec, catalog=True)  # finds G (spec.primitive) first
                    exec(compile(source, f"<symsurrogate {self.spec.name}>", "exec"), complete)  # generated code
                    module.update({key: complete[key] for key in _PRIMITIVE_NAMES if key in complete})
                    module["__doc__"] = complete["__doc__"]
                    del module["__getattr__"]
            if name in module:  # also for a thread that fetched this hook before completion
                return module[name]
        raise AttributeError(f"module {self.formulas.__name__!r} has no attribute {name!r}")


class _Docstring:
    """A class docstring rendered when first read. Its 2-D formulas (G, g and g') cost a few
    tenths of a second, which defining a surrogate need not pay before anyone reads them:
    ``type`` calls the ``__get__`` of a ``__doc__`` held in the class dict."""

    def __init__(self, spec: Spec) -> None:
        self.spec, self.text = spec, None

    def __get__(self, instance: object, owner: type | None = None) -> str:
        if self.text is None and instance is not None:
            # Read through an instance, it is jax.grad, jit or vmap copying the doc of the
            # function they wrap: the summary, without deriving G for the formulas (seconds
            # for a bump with no closed form). help() and pydoc read it through the class.
            return _summary(self.spec)
        if self.text is None:
            self.text = _rendered(self.spec, twin=False)
        return self.text

    def __set__(self, instance: object, value: object) -> None:
        # A data descriptor: doctest and pydoc then take it for the docstring it stands
        # for, not for a method of the class.
        raise AttributeError("a surrogate's docstring is read-only")


class _Twin(staticmethod):
    """``cls.function``: the function twin (a staticmethod, as doctest and pydoc expect), its
    docstring rendered on first access, through the class or through ``__func__``."""

    def __init__(self, function: Any, spec: Spec) -> None:
        super().__init__(function)
        self._function, self._spec = function, spec

    def _documented(self) -> Any:
        if self._function.__doc__ is None:
            self._function.__doc__ = _rendered(self._spec, twin=True)
        return self._function

    @property
    def __func__(self) -> Any:  # type: ignore[override]
        return self._documented()

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return self._documented()


def _rendered(spec: Spec, twin: bool) -> str:
    try:
        return docstring(spec, twin=twin)
    except Exception:  # a docstring never breaks help(): the summary alone
        return _summary(spec)


def _summary(spec: Spec) -> str:
    return spec.summary or f"{spec.name} surrogate spike function."


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
