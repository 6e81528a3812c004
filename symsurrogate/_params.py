"""Parameter declarations: names, defaults, domains. Light: imported at run time too."""

from __future__ import annotations

import keyword
import numbers
import unicodedata
from dataclasses import dataclass

import numpy as np

# Static parameters fix the size of the generated computation (series terms, unrolled
# loops); beyond this value tracing and checking take minutes and gigabytes.
MAX_STATIC = 256

DOMAINS = {
    "positive": "> 0",
    "nonnegative": ">= 0",
    "real": "any real number",
    "positive_integer": "a positive integer (static)",
}


@dataclass(frozen=True)
class Param:
    """One surrogate parameter.

    Attributes:
        name: the identifier used in formulas and as keyword argument.
        default: the default value.
        domain: one of ``positive``, ``nonnegative``, ``real``, ``positive_integer``; by default
            ``positive_integer`` for static parameters and ``positive`` otherwise.
        static: a structural integer fixed at trace time (such as a number of series
            terms) rather than a traced, differentiable array.
        description: one line for documentation.
    """

    name: str
    default: float | int
    domain: str | None = None
    static: bool = False
    description: str = ""

    def __post_init__(self) -> None:
        if self.domain is None:
            # frozen dataclass: resolve the default domain once, at construction
            object.__setattr__(self, "domain", "positive_integer" if self.static else "positive")
        name_ok = isinstance(self.name, str) and self.name.isidentifier() and not keyword.iskeyword(self.name)
        if not name_ok or self.name.startswith("_"):
            raise ValueError(f"parameter name {self.name!r} is not a plain identifier")
        if (char := nfkc_changed(self.name)) is not None:
            raise ValueError(
                f"parameter name {self.name!r}: character {char!r} (U+{ord(char):04X}) is not allowed; "
                "Python would read it as a different name"
            )
        if self.domain not in DOMAINS:
            raise ValueError(f"parameter {self.name!r}: unknown domain {self.domain!r}; use one of {sorted(DOMAINS)}")
        if self.static != (self.domain == "positive_integer"):
            raise ValueError(f"parameter {self.name!r}: static parameters have domain positive_integer")
        self.validate(self.default)
        # Builtin int/float only: the default is written into generated source by its repr.
        if type(self.default) not in (int, float):
            if not isinstance(self.default, numbers.Real):
                raise ValueError(f"parameter {self.name!r}: default must be a number, got {self.default!r}")
            plain = int(self.default) if isinstance(self.default, numbers.Integral) else float(self.default)
            object.__setattr__(self, "default", plain)
        if not isinstance(self.description, str) or not isinstance(self.static, bool):
            raise ValueError(f"parameter {self.name!r}: description must be a string and static a bool")

    def validate(self, value: object) -> object:
        """Check a concrete value against the domain; tracers pass through unchecked.

        Raises:
            ValueError: naming the parameter, when the value is outside the domain.
        """
        if self.static:
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"parameter {self.name!r} must be a positive integer (static), got {value!r}")
            if value > MAX_STATIC:
                raise ValueError(f"parameter {self.name!r} must be at most {MAX_STATIC} (static), got {value!r}")
            return value
        if isinstance(value, bool | str) or value is None:
            raise ValueError(f"parameter {self.name!r} must be a number or array, got {value!r}")
        concrete = _concrete(value)
        if concrete is None:
            return value
        if not np.issubdtype(concrete.dtype, np.number) or np.iscomplexobj(concrete):
            raise ValueError(f"parameter {self.name!r} must be real, got {value!r}")
        if not np.all(np.isfinite(concrete)):
            raise ValueError(f"parameter {self.name!r} must be finite, got {value!r}")
        if self.domain == "positive" and not np.all(concrete > 0):
            raise ValueError(f"parameter {self.name!r} must be > 0, got {value!r}")
        if self.domain == "nonnegative" and not np.all(concrete >= 0):
            raise ValueError(f"parameter {self.name!r} must be >= 0, got {value!r}")
        return value


def nfkc_changed(text: str) -> str | None:
    """The first character that NFKC normalisation (what Python does to identifiers) changes.

    >>> nfkc_changed("alpha"), nfkc_changed("\uff45xp")
    (None, '\uff45')
    """
    if unicodedata.normalize("NFKC", text) == text:
        return None
    changed = [c for c in text if unicodedata.normalize("NFKC", c) != c]
    # Composition ("e" + combining accent -> "é") changes no single character: name the first non-ASCII one.
    return (changed or [c for c in text if not c.isascii()] or [text[0]])[0]


def _concrete(value: object) -> np.ndarray | None:
    """The value as a NumPy array, or None when it is abstract (a JAX tracer)."""
    if isinstance(value, numbers.Real):
        return np.asarray(float(value))
    try:
        return np.asarray(value)
    except Exception:  # tracers refuse conversion: they are checked by the caller's shapes
        return None
