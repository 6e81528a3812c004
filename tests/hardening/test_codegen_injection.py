"""Metadata and names never become code: generated source holds user text only as literals.

Every metadata field (summary, references, notes, libraries, parameter descriptions) and
every name (surrogate, function twin, parameters) gets arbitrary text (quotes, backslashes,
newlines, NUL, unicode) and crafted escapes. For each, the generated formulas module, the
class source in the catalog's layout and the class built at run time are checked: the
source parses, no user text survives outside string literals, and no payload ever runs.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import types

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symsurrogate as ss
from symsurrogate._api import surrogate_class
from symsurrogate._codegen._classgen import RUNTIME_IMPORTS, class_source, docstring
from symsurrogate._codegen._emit import codegen
from symsurrogate._params import Param

from .payloads import MARK, injections

pytestmark = pytest.mark.slow  # hypothesis over every metadata field, each module run

SENTINEL_NAME = "PWNED-by-metadata"


@functools.cache
def _base() -> ss.Spec:
    return ss.spec("Base", grad="alpha*exp(-alpha*x**2)", params={"alpha": 2.0})


def _without_literals(source: str) -> str:
    """The source with every string constant emptied: what remains is code."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
            node.value = type(node.value)()
    return ast.unparse(tree)


def _sources(spec: ss.Spec) -> list[str]:
    catalog_style = RUNTIME_IMPORTS + class_source(spec, "", None, None)
    return [codegen(spec), catalog_style, codegen(spec, catalog=True)]


def _assert_inert(spec: ss.Spec, texts: list[str], sentinel) -> None:
    for source in _sources(spec):
        code = _without_literals(source)  # parses, or raises SyntaxError/ValueError
        for text in texts:
            if MARK in text:
                assert MARK not in code, (text, code[:400])
        namespace: dict = {}
        exec(compile(source, "<generated>", "exec"), namespace)
    cls = surrogate_class(spec)
    assert isinstance(cls, type) and cls.__name__ == spec.name
    assert cls.__doc__ == docstring(spec) and cls.function.__doc__ == docstring(spec, twin=True)
    assert not sentinel.exists()


TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from(list("\"'\\\n\r\x00{}#;() \u2028\u0085\ufeffé%")), max_size=40),
)


def _marked(text: str) -> str:
    return f"{text}{MARK}{text[::-1]}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=TEXT, reference=TEXT, description=TEXT, notes=TEXT, library=TEXT)
def test_arbitrary_metadata_stays_in_literals(summary, reference, description, notes, library, tmp_path):
    sentinel = tmp_path / SENTINEL_NAME
    texts = [_marked(t) for t in (summary, reference, description, notes, library)]
    base = _base()
    param = dataclasses.replace(base.params[0], description=texts[2])
    spec = dataclasses.replace(
        base, summary=texts[0], references=(texts[1],), notes=texts[3], libraries=(texts[4],), params=(param,)
    )
    _assert_inert(spec, texts, sentinel)


@pytest.mark.parametrize("index", range(len(injections("s"))))
def test_crafted_escapes_never_run(index, tmp_path, monkeypatch):
    sentinel = tmp_path / SENTINEL_NAME
    monkeypatch.chdir(tmp_path)
    payload = _marked(injections(str(sentinel))[index])
    base = _base()
    param = dataclasses.replace(base.params[0], description=payload)
    spec = dataclasses.replace(base, summary=payload, references=(payload, payload), params=(param,))
    _assert_inert(spec, [payload], sentinel)
    # The public entry point, with every metadata field at once.
    cls = ss.surrogate(
        "Injected",
        grad="alpha*exp(-alpha*x**2)",
        params={"alpha": {"default": 2.0, "description": payload}},
        summary=payload,
        references=[payload],
        notes=payload,
        libraries=[payload],
    )
    assert cls.__name__ == "Injected" and cls.__doc__ == docstring(cls.spec)
    module = types.ModuleType("standalone")
    exec(compile(ss.codegen(cls), "<standalone>", "exec"), module.__dict__)
    assert module.NAME == "Injected"
    assert not sentinel.exists()


NAME = st.one_of(st.text(max_size=12), st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,8}", fullmatch=True))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAME, function_name=NAME, param=NAME)
def test_arbitrary_names_are_refused_cleanly_or_work(name, function_name, param, tmp_path):
    """A name is either refused with a one-line ValueError, or gives a class that works."""
    sentinel = tmp_path / SENTINEL_NAME
    try:
        Param(param, 1.0)
        spec = dataclasses.replace(_base(), name=name, function_name=function_name)
        ss.spec(name, grad="2*exp(-x**2)", function_name=function_name)  # validation only
    except ValueError as err:
        assert "\n" not in str(err).strip() and len(str(err)) < 300
        return
    spec = dataclasses.replace(spec, params=(dataclasses.replace(spec.params[0], name="alpha"),))
    _assert_inert(spec, [], sentinel)
    cls = surrogate_class(spec)
    assert isinstance(cls, type) and cls.__name__ == name
