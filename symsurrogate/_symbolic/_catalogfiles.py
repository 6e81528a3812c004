"""The catalog's TOML files, read as tables: the names and raw entries, without SymPy or JAX.

Listing the catalog (``symsurrogate list``, ``check --all`` before its workers start) needs
only this module; building a Spec from a table is :mod:`._catalog`'s.
"""

from __future__ import annotations

import copy
import difflib
import functools
import tomllib
from collections.abc import Iterable
from pathlib import Path

from .._errors import FormulaError

__all__ = ["ENTRY_KEYS", "catalog_dir", "catalog_entries", "catalog_entry", "catalog_names", "check_order"]

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


def check_order(names: Iterable[str]) -> list[str]:
    """``names`` in the order a parallel check should start them: the longest formulas first,
    so that none starts last and keeps one worker busy after the others have finished; an
    entry that repeats another's formula (a preset mapped one to one onto its shape, at the
    same defaults) after all the others, where its analysis is already in the disk cache.
    Two workers checking the same formula side by side would each derive it.

    >>> order = check_order(["Sigmoid", "spikingjelly.Sigmoid", "snntorch.sigmoid", "Arctan"])
    >>> order[-1]
    'spikingjelly.Sigmoid'
    """
    entries = _parsed_entries(catalog_dir())

    def length(name: str) -> int:  # names outside the built-in catalog (a user's) weigh 0
        table = entries[name][1] if name in entries else {}
        return len(str(table.get("grad", ""))) + len(str(table.get("primitive", "")))

    seen: set[tuple] = set()
    first, repeats = [], []
    for name in sorted(dict.fromkeys(names), key=length, reverse=True):
        key = _formula_key(name, entries[name][1]) if name in entries else (name,)
        (repeats if key in seen else first).append(name)
        seen.add(key)
    return first + repeats


def _formula_key(name: str, table: dict) -> tuple:
    """Equal for entries with one formula: the shape they map to one to one, the parameter map,
    the defaults and the formula's text (its case and spaces aside: Abs and abs are one). A
    false match only moves an entry to the end of the queue."""
    defaults = tuple(sorted((p, str(spec.get("default"))) for p, spec in table.get("params", {}).items()))
    text = "".join(str(table.get("grad") or table.get("primitive", "")).lower().split())
    target = table.get("maps_to")
    if target is not None and str(target.get("scale", "1")) == "1":
        return (target["shape"], tuple(sorted(target.get("params", {}).items())), defaults, text)
    return (name, tuple((p, p) for p, _ in defaults), defaults, text)
