"""Conditions of a Piecewise put the knot where the formula does, in floats too.

A condition computed from x, as (a + x)/a ≥ 2, rounds: next to its knot it can hold in floats
where it does not exactly, and the other branch runs. The references are the formulas
written as Python functions and evaluated in mpmath at the exact float inputs.
"""

from __future__ import annotations

import jax.numpy as jnp
import mpmath
import numpy as np
import pytest

import symsurrogate as ss

# (gradient, parameters, the same g in mpmath, knots): every knot a float, so that the
# branch each float x selects is decided exactly.
CASES = {
    "ratio": (
        "Piecewise((0, (a + x)/a >= 2), (0, (a + x)/a <= 0), (1/(2*a), True))",
        {"a": 0.5},
        lambda x, a: 0 if (a + x) / a >= 2 or (a + x) / a <= 0 else 1 / (2 * a),
        (-0.5, 0.5),
    ),
    "scaled": (
        "Piecewise((3*(1 - (2*x/w)**2)/(2*w), (2*x/w > -1) & (2*x/w < 1)), (0, True))",
        {"w": 0.75},
        lambda x, w: 3 * (1 - (2 * x / w) ** 2) / (2 * w) if -1 < 2 * x / w < 1 else 0,
        (-0.375, 0.375),
    ),
    "decreasing": (
        "Piecewise(((1 - x/c)/c, (1 - x/c > 0) & (x >= 0)), ((1 + x/c)/c, (1 + x/c > 0) & (x < 0)), (0, True))",
        {"c": float(np.float32(0.3))},  # the value the float32 code sees, so the knots are floats
        lambda x, c: (1 - x / c) / c if 1 - x / c > 0 and x >= 0 else (1 + x / c) / c if 1 + x / c > 0 and x < 0 else 0,
        (-float(np.float32(0.3)), float(np.float32(0.3))),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_branch_next_to_a_knot_is_the_one_the_formula_selects(case):
    grad, params, g, knots = CASES[case]
    cls = ss.surrogate(f"Knots_{case}", grad=grad, params=params)
    points = [
        float(np.nextafter(np.float32(knot), np.float32(direction * np.inf)) if step else np.float32(knot))
        for knot in knots
        for direction in (-1, 1)
        for step in (0, 1)
    ]
    points += [float(np.float32(k) - np.float32(2**-20)) for k in knots] + [
        float(np.float32(k) + 2**-20) for k in knots
    ]
    got = np.asarray(cls().surrogate_grad(jnp.asarray(points, jnp.float32)), np.float64)
    with mpmath.workdps(40):
        want = [float(g(mpmath.mpf(x), *(mpmath.mpf(v) for v in params.values()))) for x in points]
    np.testing.assert_allclose(got, want, rtol=4e-6, atol=0, err_msg=f"{case} at {points}")
    report = ss.check(cls)
    assert report.ok, report.failures
