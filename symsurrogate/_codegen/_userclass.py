"""Classes defined at run time from formulas: their data for pickling, and rebuilding them.

A class made by ``symsurrogate.surrogate`` or ``load_catalog`` lives in no importable
module, so pickle cannot find it by name. Its instances pickle as the spec's *data*
(formula text, parameter declarations, metadata), never as code; unpickling parses the
formulas again with the safe parser and checks that the rebuilt spec hashes the same.
"""

from __future__ import annotations

import os
import pickle
import weakref
from typing import Any

from .._params import Param
from .._runtime import Surrogate
from .._symbolic._spec import make_spec
from .._symbolic._usercatalog import load_specs
from ._resolve import surrogate_class

# The classes users defined in this process (the latest per spec hash): unpickling returns
# instances of the very class the user holds, so they compare equal to the originals.
# Internal classes (those ``check`` builds) are not registered.
_DEFINED: weakref.WeakValueDictionary[str, type[Surrogate]] = weakref.WeakValueDictionary()


def register(cls: type[Surrogate]) -> type[Surrogate]:
    """Remember ``cls`` (a class built from a spec) as the class for its spec hash."""
    _DEFINED[cls.spec.hash] = cls
    return cls


def spec_data(cls: type[Surrogate]) -> dict[str, Any]:
    """The spec of ``cls`` as plain data: what ``make_spec`` needs to rebuild it.

    >>> import symsurrogate as ss
    >>> Mine = ss.surrogate("Mine", grad="1/(1 + Abs(alpha*x))**2", params={"alpha": 3.0})
    >>> data = spec_data(Mine)
    >>> data["grad"], data["params"][0]["default"]
    ('1/(1 + Abs(alpha*x))**2', 3.0)
    """
    spec = cls.spec
    return {
        "name": spec.name,
        "primitive": spec.source.get("primitive"),
        "grad": spec.source.get("grad"),
        "params": [
            {"name": p.name, "default": p.default, "domain": p.domain, "static": p.static, "description": p.description}
            for p in spec.params
        ],
        "function_name": spec.function_name,
        "summary": spec.summary,
        "strict": spec.strict,
        "group": spec.group,
        "references": list(spec.references),
        "libraries": list(spec.libraries),
        "expect": dict(spec.expect),
        "steepness": spec.steepness,
        "notes": spec.notes,
        "hash": spec.hash,
    }


def class_from_data(data: dict[str, Any]) -> type[Surrogate]:
    """The class described by :func:`spec_data`: the one defined here, else rebuilt from the formulas.

    Raises:
        pickle.UnpicklingError: the formulas no longer give the pickled spec (a different
            symsurrogate version simplifies them differently).
    """
    known = _DEFINED.get(data["hash"])
    if known is not None:
        return known
    fields = {k: v for k, v in data.items() if k not in {"name", "params", "hash"}}
    params = [Param(**p) for p in data["params"]]
    spec = make_spec(data["name"], params=params, **fields)
    if data["hash"] not in (spec.hash, spec.written_hash()):
        raise pickle.UnpicklingError(
            f"surrogate {data['name']!r}: its formulas give spec {spec.hash}, not the pickled {data['hash']}"
        )
    return register(surrogate_class(spec))


def load_catalog(path: str | os.PathLike[str]) -> dict[str, type[Surrogate]]:
    """The surrogates of your own catalog file, by name, as classes like the built-in ones.

    The file has the schema of the package's ``catalog/*.toml``: one table per surrogate,
    with ``primitive`` and/or ``grad``, ``params.NAME = { default = ... }``, ``summary``,
    ``references``, ... Instances pickle (by their formulas) like any defined surrogate.

    Examples:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.toml"
        >>> _ = path.write_text('[SoftBump]\\ngrad = "alpha/(1 + Abs(alpha*x))**2/2"\\nparams.alpha = 2.0\\n')
        >>> mine = load_catalog(path)
        >>> mine["SoftBump"](alpha=4.0)
        SoftBump(alpha=4.0)
        >>> float(mine["SoftBump"]().surrogate_grad(0.0))
        1.0

    Raises:
        ValueError: missing file or malformed entry; FormulaError: a refused formula.
            Both messages name the file, the entry and the field.
    """
    return {name: register(surrogate_class(spec)) for name, spec in load_specs(path).items()}
