"""The source of the JAX helpers a standalone generated module calls, copied from :mod:`symsurrogate._jaxops`.

A helper's block is its definition with decorators, plus any function decorated with
``@helper.<something>`` (a custom_jvp rule). The helpers a block calls come along, found
from its source, so the copied code runs on its own.
"""

from __future__ import annotations

import ast
import functools
import inspect

from .. import _jaxops


@functools.cache
def _blocks() -> tuple[dict[str, str], dict[str, frozenset[str]], list[str]]:
    """(source by helper, helpers each one calls, definition order)."""
    source = inspect.getsource(_jaxops)
    lines = source.splitlines()
    tree = ast.parse(source)
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    names = {f.name for f in functions}
    text: dict[str, list[str]] = {}
    calls: dict[str, set[str]] = {}
    order: list[str] = []
    for f in functions:
        start = min([f.lineno, *(d.lineno for d in f.decorator_list)]) - 1
        block = "\n".join(lines[start : f.end_lineno])
        owner = f.name
        for decorator in f.decorator_list:  # ``@_sigmoid.defjvp``: the rule travels with _sigmoid
            if isinstance(decorator, ast.Attribute) and isinstance(decorator.value, ast.Name):
                if decorator.value.id in names:
                    owner = decorator.value.id
        used = {n.id for n in ast.walk(f) if isinstance(n, ast.Name) and n.id in names} - {f.name, owner}
        if owner == f.name:
            order.append(owner)
        text.setdefault(owner, []).append(block)
        calls.setdefault(owner, set()).update(used)
    return (
        {k: "\n\n\n".join(v) for k, v in text.items()},
        {k: frozenset(v) for k, v in calls.items()},
        order,
    )


def helper_names() -> frozenset[str]:
    """Every helper a generated module may call."""
    return frozenset(_blocks()[2])


def helper_source(used: set[str] | frozenset[str]) -> str:
    """Source of the helpers in ``used`` and of those they call, in definition order.

    >>> "def _split(a):" in helper_source({"_dd_exp"}), "def _sigmoid(z)" in helper_source({"_dd_exp"})
    (False, False)
    >>> "def _split(a):" in helper_source({"_dd_mul"})
    True
    """
    text, calls, order = _blocks()
    unknown = set(used) - set(order)
    if unknown:
        raise KeyError(f"no JAX helper named {sorted(unknown)}")
    needed: set[str] = set()
    todo = list(used)
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(calls[name])
    return "\n\n\n".join(text[name] for name in order if name in needed)
