"""The built-in catalog: declarative TOML definitions turned into Specs."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import numbers
from collections.abc import Mapping
from pathlib import Path

from .._params import Param
from .._runtime import Surrogate
from .._support._cache import cached
from ._catalogfiles import catalog_entries as catalog_entries  # re-exported beside the Specs
from ._catalogfiles import catalog_entry as catalog_entry
from ._catalogfiles import catalog_names as catalog_names
from ._spec import Spec, make_spec, with_source


def spec_from_table(name: str, group: str, table: Mapping) -> Spec:
    """Build one Spec from its TOML table."""
    params = [Param(name=pname, **{k: v for k, v in pdef.items()}) for pname, pdef in table.get("params", {}).items()]
    spec = make_spec(
        name,
        primitive=table.get("primitive"),
        grad=table.get("grad"),
        params=params,
        function_name=table.get("function"),
        summary=table.get("summary", ""),
        strict=table.get("strict", False),
        group=group,
        references=table.get("references", ()),
        libraries=table.get("libraries", ()),
        expect=table.get("expect", {}),
        steepness=table.get("steepness"),
        notes=table.get("notes", ""),
    )
    if "source" in table:
        # Another library's own formula for this entry (presets), kept for docs and checks.
        spec = with_source(spec, library=table["source"])
    return spec


@functools.cache
def _symbolic_code_digest() -> str:
    """Digest of the modules that build a Spec: a cached Spec is stale once they change."""
    package = Path(__file__).resolve().parents[1]
    modules = (
        "_symbolic/_catalog",
        "_symbolic/_spec",
        "_symbolic/_calculus",
        "_symbolic/_parse",
        "_symbolic/_nodes",
        "_params",
    )
    return hashlib.sha256(b"".join((package / f"{m}.py").read_bytes() for m in modules)).hexdigest()


@functools.cache
def load_spec(name: str) -> Spec:
    """The Spec of a catalog entry (presets as ``library.name``), cached on disk.

    Raises:
        KeyError: unknown name, with close matches suggested.
    """
    group, table = catalog_entry(name)
    key = (name, group, sorted(table.items(), key=str), _symbolic_code_digest())
    return cached("spec", key, lambda: spec_from_table(name.split(".")[-1], group, table))


SpecLike = Spec | Surrogate | type[Surrogate] | str


def as_spec(obj: SpecLike) -> Spec:
    """The Spec behind a Spec, a surrogate class or instance, or a catalog name.

    An instance's Python-number parameter values replace the defaults.
    """
    if isinstance(obj, Spec):
        return obj
    if isinstance(obj, str):
        return load_spec(obj)
    if isinstance(obj, type) and issubclass(obj, Surrogate):
        return obj.spec
    if isinstance(obj, Surrogate):
        spec = type(obj).spec
        params = tuple(
            dataclasses.replace(p, default=value)
            if isinstance(value := obj.params[p.name], numbers.Real) and not isinstance(value, bool)
            else p
            for p in spec.params
        )
        return dataclasses.replace(spec, params=params)
    raise TypeError(f"expected a Spec, surrogate class or instance, or catalog name; got {type(obj).__name__}")
