"""A researcher's own catalog: a TOML file with the schema of ``catalog/*.toml``.

``load_catalog("mine.toml")`` returns its surrogates as classes; the command line takes the
same file with ``--catalog`` (check, codegen, docs, plot, compare, show, latex). Every error
names the file, the entry and the field.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import FormulaError
from .._params import Param
from ._catalog import load_spec, spec_from_table
from ._catalogfiles import ENTRY_KEYS

if TYPE_CHECKING:
    from ._spec import Spec

_TEXT_FIELDS = ("summary", "function", "notes", "steepness", "primitive", "grad")
_LIST_FIELDS = ("references", "libraries")


class _EntryError(Exception):
    """An entry's field was refused: (field, message, is_formula)."""


def read_entries(path: str | os.PathLike[str]) -> dict[str, dict]:
    """The raw tables of a catalog file, by entry name, after checking its structure.

    Raises:
        ValueError: the file is missing or an entry is malformed (naming file, entry, field).
        FormulaError: the file is not valid TOML.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such catalog file") from None
    except tomllib.TOMLDecodeError as err:
        raise FormulaError(f"{path}: not valid TOML: {err}") from None
    if not document:
        raise ValueError(f"{path}: the catalog has no entries (write one [Name] table per surrogate)")
    entries = {}
    for name, table in document.items():
        if not isinstance(table, Mapping):
            raise ValueError(f"{path}: entry {name!r} must be a table ([{name}]), got {type(table).__name__}")
        unknown = sorted(set(table) - ENTRY_KEYS)
        if unknown:
            hint = difflib.get_close_matches(unknown[0], ENTRY_KEYS, n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; known fields: {', '.join(sorted(ENTRY_KEYS))}"
            raise ValueError(f"{path}: entry {name!r}, field {unknown[0]!r}: unknown field{suggestion}")
        for field in _TEXT_FIELDS:
            if field in table and not isinstance(table[field], str):
                raise ValueError(f"{path}: entry {name!r}, field {field!r}: must be a string")
        for field in _LIST_FIELDS:
            value = table.get(field, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{path}: entry {name!r}, field {field!r}: must be a list of strings")
        if "strict" in table and not isinstance(table["strict"], bool):
            raise ValueError(f"{path}: entry {name!r}, field 'strict': must be true or false")
        entries[name] = {**table, "params": _params(path, name, table.get("params", {}))}
    return entries


def _params(path: Path, name: str, params: object) -> dict[str, dict]:
    """Parameter tables, checked one by one (``alpha = 2.0`` is short for ``{ default = 2.0 }``)."""
    if not isinstance(params, Mapping):
        raise ValueError(f"{path}: entry {name!r}, field 'params': must be a table of parameters")
    checked = {}
    for pname, pdef in params.items():
        field = f"params.{pname}"
        table = {"default": pdef} if isinstance(pdef, int | float) and not isinstance(pdef, bool) else pdef
        if not isinstance(table, Mapping) or "default" not in table:
            raise ValueError(f"{path}: entry {name!r}, field {field!r}: expected {{ default = <number>, ... }}")
        try:
            Param(name=pname, **table)
        except (TypeError, ValueError) as err:
            raise ValueError(f"{path}: entry {name!r}, field {field!r}: {err}") from None
        checked[pname] = dict(table)
    return checked


def _spec(path: Path, group: str, name: str, table: Mapping[str, Any]) -> Spec:
    """One entry's Spec; a refused formula or declaration names its field."""
    from ._calculus import X
    from ._parse import parse_formula
    from ._spec import param_symbol

    symbols = {"x": X}
    symbols.update({p: param_symbol(Param(name=p, **d)) for p, d in table["params"].items()})
    for field in ("primitive", "grad"):
        if field in table:
            try:
                parse_formula(table[field], symbols)
            except FormulaError as err:
                raise FormulaError(f"{path}: entry {name!r}, field {field!r}: {err}") from None
    try:
        return spec_from_table(name, group, table)
    except FormulaError as err:
        field = f"params.{err.token}" if err.token in table["params"] else None
        where = f", field {field!r}" if field else ""
        raise FormulaError(f"{path}: entry {name!r}{where}: {err}") from None
    except (TypeError, ValueError) as err:
        raise ValueError(f"{path}: entry {name!r}: {err}") from None


@functools.cache
def _load_specs(resolved: str, mtime_ns: int, size: int) -> dict[str, Spec]:
    path = Path(resolved)
    group = f"user:{path.name}"  # the docs' examples load the entry from this file
    return {name: _spec(path, group, name, table) for name, table in read_entries(path).items()}


def load_specs(path: str | os.PathLike[str]) -> dict[str, Spec]:
    """The Specs of a catalog file by entry name (re-read when the file changes)."""
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
    except FileNotFoundError:
        raise ValueError(f"{path}: no such catalog file") from None
    return _load_specs(str(resolved), stat.st_mtime_ns, stat.st_size)


def resolve(name: str, catalog: str | os.PathLike[str] | None = None) -> Spec:
    """The Spec named ``name``: from the user's ``catalog`` file when given, else the built-in one.

    Raises:
        KeyError: the name is in neither, with close matches from both.
    """
    if catalog is None:
        return load_spec(name)
    specs = load_specs(catalog)
    if name in specs:
        return specs[name]
    try:
        return load_spec(name)
    except KeyError:
        close = difflib.get_close_matches(name, specs, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise KeyError(f"no surrogate named {name!r} in {catalog} or the built-in catalog{hint}") from None


def _toml_string(text: str) -> str:
    # JSON string escapes (\" \\ \n \uXXXX) are valid in TOML basic strings.
    return json.dumps(text, ensure_ascii=False)


def entry_toml(spec: Spec, primitive: str | None, grad: str | None) -> str:
    """The TOML table of a new entry: the formulas as written, the parameters as declared.

    >>> from symsurrogate import spec
    >>> print(entry_toml(spec("Mine", grad="alpha/(1 + Abs(alpha*x))**2", params={"alpha": 2.0}), None,
    ...                  "alpha/(1 + Abs(alpha*x))**2"), end="")
    [Mine]
    grad = "alpha/(1 + Abs(alpha*x))**2"
    params.alpha = { default = 2.0, domain = "positive" }
    """
    lines = [f"[{spec.name}]"]
    if spec.summary:
        lines.append(f"summary = {_toml_string(spec.summary)}")
    if primitive is not None:
        lines.append(f"primitive = {_toml_string(primitive)}")
    if grad is not None:
        lines.append(f"grad = {_toml_string(grad)}")
    for p in spec.params:
        fields = [f"default = {p.default!r}", f"domain = {_toml_string(p.domain)}"]
        fields += ["static = true"] if p.static else []
        fields += [f"description = {_toml_string(p.description)}"] if p.description else []
        lines.append(f"params.{p.name} = {{ {', '.join(fields)} }}")
    return "\n".join(lines) + "\n"


def append_entry(path: str | os.PathLike[str], spec: Spec, primitive: str | None, grad: str | None) -> None:
    """Add ``spec`` as a new entry at the end of the catalog file ``path`` (created if missing).

    The file is rewritten atomically and read back: a name already there, or an entry that
    would not load as it was defined, leaves the file as it was.

    Raises:
        ValueError: the name is taken, or the file is not a valid catalog.
    """
    from .._support._files import write_atomic

    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if existing.strip():
        if spec.name in read_entries(path):
            raise ValueError(f"{path}: entry {spec.name!r} already exists; choose another --name")
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    text = existing + separator + entry_toml(spec, primitive, grad)
    try:
        check = tomllib.loads(text)[spec.name]
    except (tomllib.TOMLDecodeError, KeyError) as err:
        raise ValueError(f"{path}: the new entry {spec.name!r} would not read back: {err}") from None
    if check.get("primitive") != primitive or check.get("grad") != grad:
        raise ValueError(f"{path}: the new entry {spec.name!r} would not read back as written")
    write_atomic(path, text)
