"""Primitives written with Max, Min and sign of x: g = dG/dx piece by piece.

SymPy differentiates Max, Min and sign into Heaviside and DiracDelta terms, which no float
code evaluates. The references here are mpmath's numerical derivatives of G written directly
with mpmath functions, independent of the parser and of SymPy.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

import symsurrogate as ss


def _sign(x: mpmath.mpf) -> int:
    return (x > 0) - (x < 0)


# (primitive, parameters, G in mpmath, points away from the kinks)
KINKED = {
    "damped-sign": (
        "(1 + sign(x)*(1 - exp(-Abs(x)/b)))/2",
        {"b": 0.7},
        lambda x, b: (1 + _sign(x) * (1 - mpmath.exp(-abs(x) / b))) / 2,
        (-3.0, -0.7, -0.2, 0.0, 0.1, 0.4, 2.5),
    ),
    "clipped-ramp": (
        "Min(1, Max(0, x + 1/2))",
        {},
        lambda x: min(1, max(0, x + mpmath.mpf(1) / 2)),
        (-3.0, -0.4, -0.1, 0.0, 0.3, 0.45, 2.5),
    ),
    "signed-rational": (
        "1/2 + sign(x)*(1 - 1/(1 + Abs(a*x)))/2",
        {"a": 2.0},
        lambda x, a: mpmath.mpf(1) / 2 + _sign(x) * (1 - 1 / (1 + abs(a * x))) / 2,
        (-30.0, -1.0, -0.05, 0.0, 0.05, 1.0, 30.0),
    ),
}


@pytest.mark.parametrize("case", KINKED)
def test_a_primitive_with_max_min_or_sign_gives_a_gradient_of_pieces(case):
    primitive, params, G, points = KINKED[case]
    cls = ss.surrogate(f"Kinked_{case.replace('-', '_')}", primitive=primitive, params=params)
    assert not cls.spec.grad.has(sp.Heaviside, sp.DiracDelta), cls.spec.grad
    report = ss.check(cls)
    assert report.ok, report.failures
    with jax.enable_x64(True):
        got = np.asarray(cls().surrogate_grad(jnp.asarray(points, jnp.float64)))
    for x, value in zip(points, got, strict=True):
        # At x = 0, where sign switches, g takes the right-hand derivative (as for Abs).
        want = mpmath.diff(lambda t: G(t, *params.values()), mpmath.mpf(x), direction=1 if x == 0 else 0)
        assert abs(value - float(want)) <= 1e-9 * (1 + abs(float(want))), (case, x, value, want)


def test_a_primitive_that_jumps_is_reported_by_the_continuity_check():
    # (1 + sign(x))/4 jumps by 1/2 at 0: the gradient of its pieces cannot say so, the check does.
    cls = ss.surrogate("Jumping", primitive="(1 + sign(x))/4 + atan(x)/(2*pi)")
    assert not cls.spec.grad.has(sp.Heaviside, sp.DiracDelta), cls.spec.grad
    report = ss.check(cls)
    assert not report.ok
    failures = [str(failure) for failure in report.failures]
    assert any("continuity" in failure and "G jumps" in failure for failure in failures), failures


@pytest.mark.parametrize(
    ("primitive", "params", "culprit"),
    [
        # sign of x − c: SymPy writes it and |x − c| with either orientation, and pieces split
        # on both sides of the knot would mix there (g(c) = −1/2 where both sides give 1/2).
        ("(1 + sign(x - c)*(1 - exp(-Abs(x - c))))/2", {"c": 0.3}, "sign(-c + x)"),
        # sign of a Max is 0 on a whole half-line: two pieces would make it 1 there.
        ("exp(-Abs(x))*(1/2 - sign(Max(0, x))) + sign(Max(0, x))", {}, "sign(Max(0, x))"),
        # a dozen kinks: splitting each into pieces takes SymPy longer than a Spec may.
        ("Min(1, (" + " + ".join(f"Max(0, x - {k}/10)" for k in range(12)) + ")/12)", {}, "Max(0, x)"),
    ],
    ids=["shifted-sign", "sign-of-max", "many-kinks"],
)
def test_kinks_not_differentiated_piece_by_piece_are_refused_naming_them(primitive, params, culprit):
    with pytest.raises(ss.FormulaError) as refused:
        ss.surrogate("Refused", primitive=primitive, params=params)
    message = str(refused.value)
    assert "\n" not in message and f"the primitive's {culprit} differentiates to" in message, message
