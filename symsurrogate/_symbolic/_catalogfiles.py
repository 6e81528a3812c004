"""The catalog's TOML files, read as tables: the names and raw entries, without SymPy or JAX.

Listing the catalog (``symsurrogate list``, ``check --all`` before its workers start) needs
only this module; building a Spec from a table is :mod:`._catalog`'s.
"""

from __future__ import annotations

import copy
import difflib
import functools
import tomllib
from pathlib import Path

from .._errors import FormulaError

__all__ = ["ENTRY_KEYS", "catalog_dir", "catalog_entries", "catalog_entry", "catalog_names"]

ENTRY_KEYS = {
    "summary", "function", "primitive", "grad", "params", "strict", "references", "libraries",
    "expect", "steepness", "notes", "repr_order", "source", "maps_to",
}  # fmt: skip


def catalog_dir() -> Path:
    """Where the TOML definitions live: inside the installed package, or the source tree."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "catalog", package.parent / "catalog"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the symsurrogate catalog directory is missing from this installation")


def _group(path: Path, root: Path) -> str:
    relative = path.relative_to(root).with_suffix("")
    return ":".join(relative.parts)


def catalog_entries() -> dict[str, tuple[str, dict]]:
    """Raw entries by name: (group, table) for every ``catalog/**/*.toml``.

    The files ship with the package and are parsed once per process (each caller gets its
    own copy, tables included); a module-level cache, not the disk cache: parsing is all it saves.
    """
    return copy.deepcopy(_parsed_entries(catalog_dir()))


@functools.cache
def _parsed_entries(root: Path) -> dict[str, tuple[str, dict]]:
    entries: dict[str, tuple[str, dict]] = {}
    # Top-level families (braintools, shapes) first, then presets/ by library.
    for path in sorted(root.rglob("*.toml"), key=lambda p: (len(p.relative_to(root).parts), p.as_posix())):
        group = _group(path, root)
        with path.open("rb") as handle:
            try:
                document = tomllib.load(handle)
            except tomllib.TOMLDecodeError as err:
                raise FormulaError(f"{path.name}: {err}") from None
        for name, table in document.items():
            key = f"{group.split(':')[-1]}.{name}" if group.startswith("presets") else name
            if key in entries:
                raise FormulaError(f"catalog entry {key!r} is defined twice")
            unknown = set(table) - ENTRY_KEYS
            if unknown:
                raise FormulaError(f"catalog entry {key!r}: unknown keys {sorted(unknown)}")
            entries[key] = (group, table)
    return entries


def catalog_names() -> list[str]:
    """Every catalog entry name, in file order."""
    return list(_parsed_entries(catalog_dir()))  # names are strings: nothing to copy


def catalog_entry(name: str) -> tuple[str, dict]:
    """(group, table) of one entry (presets as ``library.name``).

    Raises:
        KeyError: unknown name, with close matches suggested.
    """
    entries = _parsed_entries(catalog_dir())
    if name not in entries:
        close = difflib.get_close_matches(name, entries, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise KeyError(f"no surrogate named {name!r} in the catalog{hint}")
    return copy.deepcopy(entries[name])  # this entry's own copy, as catalog_entries gives
