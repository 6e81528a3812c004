"""Hostile formula strings are refused with a FormulaError that names a position, and nothing runs.

Proof that nothing executed: every payload would create a sentinel file, call a monkeypatched
``os.system``/``subprocess.Popen``, or import ``os``/``subprocess`` through ``__import__``;
the test asserts none of that happened, in-process and through the command line.
"""

import builtins
import os
import subprocess

import pytest

import symsurrogate as ss
from symsurrogate import FormulaError


def payloads(sentinel: str) -> list[str]:
    return [
        f"__import__('os').system('touch {sentinel}')",
        f"__import__('subprocess').Popen(['touch', '{sentinel}'])",
        f"open('{sentinel}', 'w')",
        f"exec(\"open('{sentinel}', 'w')\")",
        f"eval(\"open('{sentinel}', 'w')\")",
        "().__class__.__bases__[0].__subclasses__()",
        "x.__class__.__init__.__globals__",
        "alpha.__dict__",
        "getattr(x, '__class__')",
        f"(lambda: open('{sentinel}', 'w'))()",
        "lambda x: x",
        "[open(p, 'w') for p in ['a']]",
        "{i for i in [1]}",
        "(i for i in [1])",
        "1 if x > 0 else 0",
        "x if True else x",
        "(y := x)",
        "f'{x}'",
        "x[0]",
        "x; import os",
        "import os",
        "((x + 1)",
        "x + 1)",
        "exp(x",
        "unknown_symbol * x",
        "x * beta",
        "exp(*x)",
        "exp(x=1)",
        "x @ x",
        "x ^ 2",
        "x" * 1_000_000,
        "(" * 500_000 + "x" + ")" * 500_000,
        "x+" * 400_000 + "x",
    ]


def _hostile(tmp_path, monkeypatch):
    # Load every module the pipeline uses first: only imports the payload triggers are counted.
    ss.spec("Warm", grad="alpha*exp(-x**2)", params={"alpha": 1.0})
    with pytest.raises(FormulaError):
        ss.spec("Warm", grad="x.y", params={"alpha": 1.0})
    sentinel = str(tmp_path / "PWNED")
    calls: list[str] = []
    real_import = builtins.__import__

    def spy_import(name, *args, **kwargs):
        if name.split(".")[0] in {"os", "subprocess", "shutil", "socket"}:
            calls.append(f"import {name}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(os, "system", lambda *a, **k: calls.append("os.system") or 0)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: calls.append("Popen"))
    monkeypatch.setattr(builtins, "__import__", spy_import)
    return sentinel, calls


@pytest.mark.parametrize("index", range(len(payloads("s"))))
def test_hostile_string_refused_with_position(index, tmp_path, monkeypatch):
    text = payloads(str(tmp_path / "PWNED"))[index]
    sentinel, calls = _hostile(tmp_path, monkeypatch)
    for role in ("grad", "primitive"):
        with pytest.raises(FormulaError) as info:
            ss.spec("Hostile", **{role: text}, params={"alpha": 1.0})
        error = info.value
        assert isinstance(error.position, int) and 0 <= error.position <= len(text), (text[:60], error)
        assert len(str(error)) < 400  # one line naming the culprit, not the whole megabyte
    assert calls == [], calls
    assert not os.path.exists(sentinel)


def test_refusal_names_the_token():
    with pytest.raises(FormulaError) as info:
        ss.spec("Hostile", grad="alpha*x + __import__('os').system('true')", params={"alpha": 1.0})
    assert info.value.position == 10
    assert "__import__" in (info.value.token or "")
    with pytest.raises(FormulaError) as info:
        ss.spec("Hostile", grad="alpha * exp(-beta*x)", params={"alpha": 1.0})
    assert info.value.token == "beta" and info.value.position == 13


def test_command_line_executes_nothing(tmp_path, command):
    sentinel = tmp_path / "PWNED"
    for text in payloads(str(sentinel))[:5]:
        result = command("new", "--grad", text, "--param", "alpha=1")
        assert result.returncode == 2, result.stderr
        assert "position" in result.stderr and "Traceback" not in result.stderr
    assert not sentinel.exists()
