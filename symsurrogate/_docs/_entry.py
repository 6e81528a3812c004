"""A catalog entry as the documentation sees it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .._symbolic._spec import Spec


@dataclass(frozen=True)
class Entry:
    """One catalog entry as the docs see it: its key, spec, raw table and measured properties."""

    key: str
    group: str
    spec: Spec
    table: Mapping[str, object]
    properties: Mapping[str, object]

    @property
    def page(self) -> str:
        return f"{self.key}.md"

    @property
    def plot(self) -> str:
        return f"plots/{self.key}.svg"

    @property
    def library(self) -> str | None:
        return self.group.split(":")[1] if self.group.startswith("presets:") else None
