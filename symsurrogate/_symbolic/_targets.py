"""Surrogates named on the command line: ``Sigmoid``, ``Arctan(alpha=4)``, ``snntorch.fast_sigmoid``.

Shared by ``show``, ``plot`` and ``compare``; names come from the built-in catalog or, with
``--catalog FILE``, from the user's own file first.
"""

from __future__ import annotations

import argparse
import dataclasses
import numbers
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._spec import Spec

_TARGET = re.compile(r"\s*([A-Za-z_][\w.]*)\s*(?:\((.*)\))?\s*", re.DOTALL)


def parse_target(text: str) -> tuple[str, dict[str, float | int]]:
    """``(name, values)`` from ``NAME`` or ``NAME(param=value, ...)``.

    >>> parse_target("Arctan(alpha=4, n = 3)")
    ('Arctan', {'alpha': 4, 'n': 3})
    >>> parse_target("Sigmoid")
    ('Sigmoid', {})
    >>> parse_target("Sigmoid(alpha=two)")
    Traceback (most recent call last):
    ValueError: 'Sigmoid(alpha=two)': 'alpha=two' is not param=number
    """
    match = _TARGET.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r}: expected NAME or NAME(param=value, ...)")
    name, inside = match[1], match[2]
    values: dict[str, float | int] = {}
    for item in filter(None, (part.strip() for part in (inside or "").split(","))):
        key, sep, value = (s.strip() for s in item.partition("="))
        if not sep or not key.isidentifier():
            raise ValueError(f"{text!r}: {item!r} is not param=number")
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{text!r}: {item!r} is not param=number") from None
        if key in values:
            raise ValueError(f"{text!r}: {key!r} is given twice")
        values[key] = int(number) if re.fullmatch(r"[+-]?\d+", value) else number
    return name, values


def with_values(spec: Spec, values: dict[str, float | int], where: str) -> Spec:
    """``spec`` with parameter defaults replaced by ``values``, each checked against its domain.

    Raises:
        ValueError: an unknown parameter or a value outside its domain, naming ``where``.
    """
    from .._params import Param

    known = {p.name: p for p in spec.params}
    for key in values:
        if key not in known:
            names = ", ".join(known) or "none"
            raise ValueError(f"{where}: {spec.name} has no parameter {key!r}; its parameters: {names}")
    params = []
    for p in spec.params:
        if p.name not in values:
            params.append(p)
            continue
        value = values[p.name]
        if not p.static and isinstance(value, numbers.Integral):
            value = float(value)
        try:
            params.append(Param(p.name, value, p.domain, p.static, p.description))
        except ValueError as err:
            raise ValueError(f"{where}: {err}") from None
    return dataclasses.replace(spec, params=tuple(params)) if values else spec


def resolve_target(text: str, catalog: str | os.PathLike[str] | None = None) -> Spec:
    """The Spec a command-line target names, at the values it gives.

    >>> resolve_target("Arctan(alpha=4)").defaults
    {'alpha': 4.0}
    """
    from ._usercatalog import resolve

    name, values = parse_target(text)
    return with_values(resolve(name, catalog), values, text)


CATALOG_HELP = "your own catalog file (TOML, the schema of catalog/*.toml); its entries come first"


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    """``--catalog FILE``: look names up in the user's catalog file first."""
    parser.add_argument("--catalog", metavar="FILE", help=CATALOG_HELP)
