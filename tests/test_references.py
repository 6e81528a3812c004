"""The high-precision references: ball arithmetic (python-flint) against the mpmath ladder.

The ball is the fast path of every reference; each value it certifies must be the one the
mpmath ladder settles on, and each value it cannot certify must be left to mpmath.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from symsurrogate._symbolic._calculus import X
from symsurrogate._verify import _arbref, _mpref
from symsurrogate._verify._mpref import mp_function, probe_points

flint = pytest.importorskip("flint")

# Formulas written for this test (parameters already substituted): smooth bumps, Piecewise
# with irrational and rational knots, kinks, special functions, rational powers, an
# oscillating tail and a quotient with a removable point.
FORMULAS = [
    sp.exp(-(X**2) / 2) / sp.sqrt(2 * sp.pi),
    3 / (1 + (sp.pi * X) ** 2),
    sp.Piecewise((1 - sp.Abs(X) * sp.Rational(2, 3), sp.Abs(X) < sp.Rational(3, 2)), (0, True)),
    sp.Piecewise((sp.exp(X) / 2, X < 0), (1 - sp.exp(-X) / 2, True)),
    sp.Piecewise((sp.cos(X) ** 2 * 2 / sp.pi, sp.Abs(X) < sp.pi / 2), (0, True)),
    sp.Max(0, 1 - sp.Abs(X)) + sp.Min(X**2, 1) / 7,
    sp.sign(X) * sp.log(1 + sp.Abs(X)),
    sp.erfc(-X / sp.sqrt(2)) / 2,
    sp.atan(sp.pi * X / 2) / sp.pi + sp.Rational(1, 2),
    sp.Si(3 * X) / sp.pi,
    (1 + X**2) ** sp.Rational(-3, 2),
    sp.sin(4 * X) ** 2 / (X**2 + 1),
    sp.tanh(X / 3) ** 2 * sp.exp(-sp.Abs(X)),
    1 / sp.cosh(2 * X) ** 2,
    sp.Float("0.37") * sp.exp(-sp.Float("0.37") * sp.Abs(X)),
]
EXTRA_POINTS = [1e7, -3e9, 1e30, 1e-300, 5e-324, 0.0, -0.0]


def _ladder(expr: sp.Expr) -> _mpref.MpFunction:
    """The mpmath evaluator without the ball: the previous reference, decided by mpmath alone."""
    original = _mpref.ball_function
    _mpref.ball_function = lambda *_: lambda _x: None
    try:
        return mp_function(expr)
    finally:
        _mpref.ball_function = original


@pytest.mark.parametrize("expr", FORMULAS, ids=str)
def test_balls_and_the_mpmath_ladder_agree(expr):
    ball, ladder = _arbref.ball_function(expr, X), _ladder(expr)
    points = probe_points([-1.5, 0.0, 1.5]) + EXTRA_POINTS
    certified = 0
    for x in points:
        value = ball(x)
        if value is None:
            continue
        certified += 1
        reference = ladder(x)
        if reference == 0 and value != 0:
            # The ladder rounds a value below its digits to 0; 400 digits decide which is right.
            with mpmath.workdps(400):
                exact = sp.lambdify(X, expr, "mpmath")(mpmath.mpf(x))
            assert abs(value - exact) <= 1e-25 * abs(exact), (x, value, exact)
        else:
            assert value == reference or _mpref._agree(value, reference), (x, value, reference)
    # The fast path must carry the references, not stand aside: most points are certified.
    assert certified >= 0.9 * len(points), (certified, len(points))


def test_a_comparison_the_ball_cannot_decide_is_left_to_mpmath():
    # sin²1 + cos²1 − 1 is 0 exactly; its ball straddles 0, so `< 1` cannot be decided.
    undecidable = sp.Piecewise((X, sp.sin(1) ** 2 + sp.cos(1) ** 2 < 1), (2 * X, True))
    assert _arbref.ball_function(undecidable, X)(0.5) is None
    with pytest.raises(_arbref._Undecided):
        _arbref._compare(flint.arb("0 +/- 1e-40"), "<", 0)
    # An exact tie is decided: x ≤ 1/2 at x = 1/2.
    assert _arbref.ball_function(sp.Piecewise((X, X <= sp.Rational(1, 2)), (-X, True)), X)(0.5) == 0.5


def test_a_far_tail_the_ladder_rounds_to_zero_is_certified():
    """1 + erf(x) at x = −14 is erfc(14) ≈ 1.4e−87: both of the ladder's first levels round it
    to exactly 0 (it is below 10^−70 of the 1 it cancels against), and they agree."""
    value = mp_function(1 + sp.erf(X))(-14.0)
    with mpmath.workdps(50):
        exact = mpmath.erfc(14)
    assert abs(value - exact) <= 1e-25 * exact, (value, exact)
    assert _ladder(1 + sp.erf(X))(-14.0) == 0  # what the references gave before


def test_without_python_flint_every_value_comes_from_mpmath(monkeypatch):
    monkeypatch.setattr(_arbref, "flint", None)
    assert _arbref.ball_function(sp.exp(X), X)(1.0) is None
    value = mp_function(1 - 1 / (1 + sp.exp(-X)))(100.0)  # cancels to 0 at the ladder's first levels
    with mpmath.workdps(50):
        exact = mpmath.exp(-100) / (1 + mpmath.exp(-100))
    assert abs(value - exact) <= 1e-25 * exact, (value, exact)


@pytest.mark.parametrize(
    "expr",
    [
        X * sp.besselj(0, X),
        X + sp.EulerGamma,
        X * sp.uppergamma(sp.Rational(1, 3), X),
        sp.lowergamma(sp.Rational(1, 4), X**4),
    ],
    ids=str,
)
def test_a_function_the_ball_lacks_is_left_to_mpmath_whole(expr):
    """lambdify fills names missing from the ball's table from mpmath, which computes them at
    53 bits: a ball built on such a value would certify digits it does not have."""
    assert _arbref.ball_function(expr, X)(0.7) is None
    with mpmath.workdps(60):
        exact = sp.lambdify(X, expr, "mpmath")(mpmath.mpf(0.7))
    value = mp_function(expr)(0.7)
    assert abs(value - exact) <= 1e-25 * abs(exact), (value, exact)


_HUGE_INTERMEDIATES = r"""
import json, time
import sympy as sp
from symsurrogate._symbolic._calculus import X
from symsurrogate._verify import _arbref
from symsurrogate._verify._mpref import mp_function

_arbref.flint = None  # the mpmath ladder itself, not the balls in front of it
found = {}
k = sp.Symbol("k", integer=True)
for expr in (-sp.E * sp.Ei(-sp.exp(sp.exp(X))), sp.expint(2, sp.exp(sp.exp(X))), sp.sin(sp.exp(sp.exp(X))),
             sp.Sum(sp.sin(k * sp.exp(sp.exp(X))), (k, 1, 3)), sp.tanh(sp.exp(sp.exp(X))), sp.erf(sp.exp(sp.exp(X)))):
    start = time.perf_counter()
    value = mp_function(expr)(20.0)
    found[str(expr)] = [str(value), time.perf_counter() - start]
print(json.dumps(found))
"""


@pytest.mark.slow  # a fresh interpreter: the unguarded code aborts it inside GMP
def test_functions_of_intermediates_beyond_every_float_are_undecided_at_once():
    """At x = 20, e^{e^x} ≈ 2^(7·10^8): mpmath's Ei and expint abort the interpreter there
    ("gmp: overflow in mpz type"), and sin never returns (in a Sum's generator too). Their
    reference is NaN (undecided) at once instead. tanh (MemoryError as written) is still found
    as a quotient of bounded exponentials, and erf answers such an argument exactly: both are 1."""
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _HUGE_INTERMEDIATES], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert [value for value, _ in found.values()] == ["nan", "nan", "nan", "nan", "1.0", "1.0"], found
    assert max(seconds for _, seconds in found.values()) < 30, found


def test_the_reference_table_keeps_thirty_digits_as_a_float_pair():
    """hi + lo of a reference equals g to ~30 digits: hi alone is g rounded to a double, and
    a table of hi only would hide up to half an ULP of float64 error in the checks."""
    import numpy as np

    from symsurrogate._symbolic._catalog import load_spec
    from symsurrogate._verify._numerics import references

    table = references(load_spec("Sigmoid"), [])["float32"]  # α = 4, exact in float32
    for x in (0.3125, 1.0, -2.5, 7.0):
        with mpmath.workdps(40):  # σ'(4x)·4 written out here
            s = 1 / (1 + mpmath.exp(-4 * mpmath.mpf(x)))
            exact = 4 * s * (1 - s)
        hi, lo = table[x]
        assert hi == float(exact) and lo != 0.0, (x, hi, lo)
        with mpmath.workdps(40):
            assert abs(mpmath.mpf(hi) + mpmath.mpf(lo) - exact) <= 1e-27 * abs(exact), x
    # The value itself is returned at its own precision, not rounded to the context's 53 bits.
    with mpmath.workdps(30):
        third = mpmath.mpf(1) / 3
    assert _mpref.real_value(third) == third and np.float64(_mpref.real_value(third)) == 1 / 3
