"""The whitelist parser: what it accepts, what it refuses, and that refusing executes nothing."""

import builtins

import pytest
import sympy as sp

from symsurrogate import FormulaError
from symsurrogate._symbolic._parse import parse_formula

x = sp.Symbol("x", real=True)
alpha = sp.Symbol("alpha", positive=True)
n = sp.Symbol("n", integer=True, positive=True)
SYMBOLS = {"x": x, "alpha": alpha, "n": n}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alpha*x", alpha * x),
        ("sigmoid(alpha*x)", 1 / (1 + sp.exp(-alpha * x))),
        ("1/(1 + abs(alpha*x))**2", 1 / (1 + sp.Abs(alpha * x)) ** 2),
        ("0.5 + atan(pi*alpha*x/2)/pi", sp.Rational(1, 2) + sp.atan(sp.pi * alpha * x / 2) / sp.pi),
        ("erfc(-alpha*x)/2", sp.erfc(-alpha * x) / 2),
        ("Max(1 - Abs(x), 0)", sp.Max(1 - sp.Abs(x), 0)),
        ("sqrt(x**2 + alpha**2)", sp.sqrt(x**2 + alpha**2)),
        ("tanh(x) + cosh(x) + sech(x) + sign(x) + E", sp.tanh(x) + sp.cosh(x) + sp.sech(x) + sp.sign(x) + sp.E),
        ("0.01*x", x / 100),
        ("1e-3", sp.Rational(1, 1000)),
        ("Piecewise((0, Abs(x) > 1/alpha), (alpha, True))", sp.Piecewise((0, sp.Abs(x) > 1 / alpha), (alpha, True))),
        ("Piecewise((1, -1 < x <= 1), (0, True))", sp.Piecewise((1, (x > -1) & (x <= 1)), (0, True))),
        ("Piecewise((1, x > 0 and x < 1), (0, True))", sp.Piecewise((1, (x > 0) & (x < 1)), (0, True))),
        # SymPy's own spellings of and/or/not
        ("Piecewise((1, (x > 0) & (x < 1)), (0, True))", sp.Piecewise((1, (x > 0) & (x < 1)), (0, True))),
        ("Piecewise((1, And(x > 0, x < alpha)), (0, True))", sp.Piecewise((1, (x > 0) & (x < alpha)), (0, True))),
        ("Piecewise((1, (x < -1) | (x > 1)), (0, True))", sp.Piecewise((1, (x < -1) | (x > 1)), (0, True))),
        ("Piecewise((1, Or(x < -1, Not(x <= 1))), (0, True))", sp.Piecewise((1, (x < -1) | (x > 1)), (0, True))),
        ("Piecewise((1, ~(x <= 0)), (0, True))", sp.Piecewise((1, x > 0), (0, True))),
    ],
)
def test_accepts(text, expected):
    assert sp.simplify(parse_formula(text, SYMBOLS) - expected) == 0


def test_sum_with_integer_index():
    i = sp.Symbol("i", integer=True)
    got = parse_formula("Sum(cos((2*i - 1)*x), (i, 1, n))", SYMBOLS)
    assert got == sp.Sum(sp.cos((2 * i - 1) * x), (i, 1, n))


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("__import__('os').system('touch /tmp/pwned')", "__import__('os').system"),
        ("__import__('os')", "__import__"),
        ("x.__class__", "x.__class__"),
        ("(lambda: 1)()", None),
        ("[t for t in (1, 2)]", None),
        ("1 if x else 2", None),
        ("exec('1')", "exec"),
        ("open('/etc/passwd')", "open"),
        ("x ^ 2", None),
        ("y + 1", "y"),
        ("foo(x)", "foo"),
        ("exp(x, 2)", None),
        ("exp(x=1)", None),
        ("'text'", None),
        ("x == 1", None),
        ("Piecewise((1, x > 0))", None),
        ("(x + 1", None),
        ("x +", None),
        ("1/0", None),
        ("Sum(x, (i, 1, alpha))", "alpha"),
        ("", None),
        ("x" * 2_000_000, None),
        ("(" * 500 + "x" + ")" * 500, None),
        ("-" * 5000 + "x", None),
        ("Piecewise((1, (x > 0) & 2), (0, True))", "2"),
        ("Piecewise((1, ~x), (0, True))", "x"),
        ("Piecewise((1, Not(x > 0, x < 1)), (0, True))", "Not(x > 0, x < 1)"),
        ("Piecewise((1, And()), (0, True))", "And()"),
        ("And(x > 0, x < 1)", "And(x > 0, x < 1)"),
        ("(x > 0) & (x < 1)", None),
        # SymPy evaluates a function on construction: a complex argument Max cannot compare.
        ("Max(x, log(-alpha))", "Max(x, log(-alpha))"),
        ("1 + Min(sqrt(-alpha), x)", "Min(sqrt(-alpha), x)"),
        # ... and a relation cannot order a value that is not real.
        ("Piecewise((x, x < log(-alpha)), (x, True))", "x < log(-alpha)"),
        ("Piecewise((1, 0 < x <= sqrt(-1)), (0, True))", "0 < x <= sqrt(-1)"),
    ],
)
def test_refuses_with_formula_error(text, token):
    with pytest.raises(FormulaError) as info:
        parse_formula(text, SYMBOLS)
    assert isinstance(info.value, ValueError)
    if token is not None:
        assert info.value.token == token
        assert info.value.position is not None
        assert token in str(info.value)


def test_position_points_at_token():
    with pytest.raises(FormulaError) as info:
        parse_formula("  alpha * bogus(x)", SYMBOLS)
    assert info.value.position == 10
    assert "  alpha * bogus(x)"[info.value.position :].startswith("bogus")


def test_hostile_input_executes_nothing(monkeypatch, tmp_path):
    calls = []
    real_import = builtins.__import__

    def spy_import(name, *args, **kwargs):
        calls.append(name)
        return real_import(name, *args, **kwargs)

    target = tmp_path / "pwned"
    hostile = [
        f"__import__('os').system('touch {target}')",
        f"().__class__.__base__.__subclasses__()[0]('{target}')",
        f"[open('{target}', 'w') for _ in (1,)]",
        f"(lambda: open('{target}', 'w'))()",
    ]
    monkeypatch.setattr(builtins, "__import__", spy_import)
    monkeypatch.setattr(builtins, "eval", lambda *a, **k: calls.append("eval"))
    monkeypatch.setattr(builtins, "exec", lambda *a, **k: calls.append("exec"))
    for text in hostile:
        with pytest.raises(FormulaError):
            parse_formula(text, SYMBOLS)
    monkeypatch.undo()
    assert "os" not in calls and "eval" not in calls and "exec" not in calls
    assert not target.exists()


def test_non_string_refused():
    with pytest.raises(FormulaError):
        parse_formula(42, SYMBOLS)  # type: ignore[arg-type]
