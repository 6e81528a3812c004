"""A data-only encoding of analysis results as JSON: nothing in it can name code to run.

Values are the JSON types plus tagged objects: tuples, dicts with any keys, floats that are
not finite, mpmath numbers, SymPy expressions and the package's own result dataclasses.
Decoding builds only from fixed tables: SymPy classes are found among the subclasses of
``sympy.Basic`` defined in the ``sympy`` and ``symsurrogate`` packages (no import, no
attribute lookup by untrusted name), dataclasses among the three listed. Anything else is
refused with :class:`ValueError`, which the cache treats as a missing entry.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import mpmath
import sympy as sp

MAX_DEPTH = 200


def encode(value: object, depth: int = 0) -> Any:
    """A JSON-compatible form of ``value``; ValueError for types outside the data model."""
    if depth > MAX_DEPTH:
        raise ValueError("value nests too deeply")
    sub = depth + 1
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, list | tuple):
        # Reference tables hold ~10^5 tuples of floats: those need no walk item by item.
        items = list(value) if _plain_floats(value) else [encode(v, sub) for v in value]
        return items if isinstance(value, list) else {"$tuple": items}
    if isinstance(value, dict):
        return {"$dict": [[encode(k, sub), encode(v, sub)] for k, v in value.items()]}
    if isinstance(value, mpmath.mpf):
        return {"$mpf": _mpf_parts(value)}
    if isinstance(value, mpmath.mpc):
        return {"$mpc": [_mpf_parts(value.real), _mpf_parts(value.imag)]}
    if isinstance(value, sp.Basic):
        return {"$sympy": _encode_sympy(value, sub)}
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and _dataclasses().get(name) is type(value):
        fields = {f.name: encode(getattr(value, f.name), sub) for f in dataclasses.fields(value)}
        return {"$data": name, "fields": fields}
    raise ValueError(f"cannot store a {name} as data")


def _mpf_parts(value: mpmath.mpf) -> list[int]:
    # Plain ints: with gmpy2 installed mpmath's mantissa is an mpz, which JSON cannot write.
    return [int(part) for part in value._mpf_]


def _plain_floats(values: list | tuple) -> bool:
    return all(type(v) is float and math.isfinite(v) for v in values)


def decode(data: Any, depth: int = 0) -> Any:
    """The value :func:`encode` encoded; ValueError (or TypeError) for anything malformed."""
    if depth > MAX_DEPTH:
        raise ValueError("value nests too deeply")
    sub = depth + 1
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        # Columns of numbers (reference tables) need no walk item by item, as in encode.
        return list(data) if _plain_floats(data) else [decode(v, sub) for v in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise ValueError("malformed entry")
    if "$float" in data:
        text = data["$float"]
        if text not in ("nan", "inf", "-inf"):
            raise ValueError("malformed float")
        return float(text)
    if "$tuple" in data:
        return tuple(decode(v, sub) for v in _list(data["$tuple"]))
    if "$dict" in data:
        return {decode(k, sub): decode(v, sub) for k, v in (_pair(p) for p in _list(data["$dict"]))}
    if "$mpf" in data:
        return mpmath.mpf(_mpf_tuple(data["$mpf"]))
    if "$mpc" in data:
        real, imag = _pair(data["$mpc"])
        return mpmath.mpc(mpmath.mpf(_mpf_tuple(real)), mpmath.mpf(_mpf_tuple(imag)))
    if "$sympy" in data:
        return _decode_sympy(data["$sympy"], sub)
    if "$data" in data:
        cls = _dataclasses().get(data["$data"]) if isinstance(data["$data"], str) else None
        fields = data.get("fields")
        if cls is None or not isinstance(fields, dict):
            raise ValueError("unknown data class")
        names = {f.name for f in dataclasses.fields(cls)}
        if set(fields) - names:
            raise ValueError("unknown fields")
        return cls(**{k: decode(v, sub) for k, v in fields.items()})
    raise ValueError("unknown tag")


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _pair(value: Any) -> tuple[Any, Any]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("expected a pair")
    return value[0], value[1]


def _mpf_tuple(value: Any) -> tuple[int, int, int, int]:
    parts = _list(value)
    if len(parts) != 4 or not all(isinstance(p, int) and not isinstance(p, bool) for p in parts):
        raise ValueError("malformed mpf")
    sign, man, exp, bc = parts
    if (sign, man, exp, bc) in _SPECIAL_MPF:  # nan, inf, -inf: mpmath's own special tuples
        return _SPECIAL_MPF[sign, man, exp, bc]
    if sign not in (0, 1) or man < 0 or bc != man.bit_length() or abs(exp) > 10**12:
        raise ValueError("malformed mpf")
    return sign, man, exp, bc


_SPECIAL_MPF = {tuple(int(p) for p in v._mpf_): v._mpf_ for v in (mpmath.nan, mpmath.inf, -mpmath.inf)}


# The result dataclasses an entry may hold, by name; each is registered by the module that
# defines or owns it (the support layer imports none of them).
_DATACLASSES: dict[str, type] = {}


def register_dataclass(cls: type) -> type:
    """Allow instances of the dataclass ``cls`` in cache entries (decoded field by field)."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls.__name__} is not a dataclass")
    _DATACLASSES[cls.__name__] = cls
    return cls


def _dataclasses() -> dict[str, type]:
    return _DATACLASSES


def _sympy_classes() -> dict[str, type]:
    # Recomputed when asked for a class it lacks: a SymPy module imported later adds classes.
    found: dict[str, type] = {}
    todo = [sp.Basic]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if (cls.__module__ or "").split(".")[0] in ("sympy", "symsurrogate"):  # None: made at run time
            found.setdefault(f"{cls.__module__}:{cls.__qualname__}", cls)
    return found


_CLASSES: dict[str, type] = {}


def _sympy_class(key: str) -> type:
    if key not in _CLASSES:
        _CLASSES.update(_sympy_classes())
    if key not in _CLASSES:
        raise ValueError(f"unknown SymPy class {key!r}")
    return _CLASSES[key]


def _class_key(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _encode_sympy(expr: sp.Basic, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError("expression nests too deeply")
    cls = type(expr)
    if isinstance(expr, sp.Dummy):
        return ["Dummy", expr.name, expr.dummy_index, expr._assumptions_orig]
    if isinstance(expr, sp.Symbol) and cls is sp.Symbol:
        return ["Symbol", expr.name, expr._assumptions_orig]
    if expr.is_Atom and getattr(sp.S, cls.__name__, None) is expr:
        return ["S", cls.__name__]  # a singleton: pi, oo, Half, true, ...
    if isinstance(expr, sp.Integer):
        return ["Integer", int(expr)]
    if isinstance(expr, sp.Rational):
        return ["Rational", int(expr.p), int(expr.q)]
    if isinstance(expr, sp.Float):
        return ["Float", list(expr._mpf_), expr._prec]
    if expr.is_Atom or _sympy_class(_class_key(cls)) is not cls:
        raise ValueError(f"cannot store a {cls.__name__} as data")
    return ["Apply", _class_key(cls), [_encode_sympy(a, depth + 1) for a in expr.args]]


def _decode_sympy(node: Any, depth: int) -> sp.Basic:
    if depth > MAX_DEPTH:
        raise ValueError("expression nests too deeply")
    parts = _list(node)
    tag, rest = parts[0], parts[1:]
    if tag == "Symbol" and len(rest) == 2 and isinstance(rest[0], str):
        return sp.Symbol(rest[0], **_assumptions(rest[1]))
    if tag == "Dummy" and len(rest) == 3 and isinstance(rest[0], str) and isinstance(rest[1], int):
        return sp.Dummy(rest[0], dummy_index=rest[1], **_assumptions(rest[2]))
    if tag == "S" and len(rest) == 1 and isinstance(rest[0], str) and rest[0].isidentifier():
        value = getattr(sp.S, rest[0]) if not rest[0].startswith("_") else None
        if not isinstance(value, sp.Basic):
            raise ValueError("unknown singleton")
        return value
    if tag == "Integer" and len(rest) == 1 and isinstance(rest[0], int):
        return sp.Integer(rest[0])
    if tag == "Rational" and len(rest) == 2 and all(isinstance(r, int) for r in rest) and rest[1] > 0:
        return sp.Rational(rest[0], rest[1])
    if tag == "Float" and len(rest) == 2 and isinstance(rest[1], int):
        return sp.Float._new(_mpf_tuple(rest[0]), rest[1])
    if tag == "Apply" and len(rest) == 2 and isinstance(rest[0], str):
        cls = _sympy_class(rest[0])
        return cls(*(_decode_sympy(a, depth + 1) for a in _list(rest[1])))
    raise ValueError("malformed expression")


def _assumptions(value: Any) -> dict[str, bool]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, bool) for k, v in value.items()):
        raise ValueError("malformed assumptions")
    from sympy.core.assumptions import _assume_defined

    if set(value) - set(_assume_defined):
        raise ValueError("unknown assumption")
    return value
