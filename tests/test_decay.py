"""Tails of sums of exponentials: the symbolic class against rates worked out by hand and mpmath.

How fast the analysis decides them is a benchmark figure (docs/benchmarks.md), not a test:
its time limits depend on the machine's load."""

from __future__ import annotations

import pytest
import sympy as sp

from symsurrogate._symbolic._calculus import X
from symsurrogate._symbolic._decay import decays_at_most_exponentially, of_exponentials, symbolic_tail
from symsurrogate._verify._mpref import mp_function, tail_class

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _sigmoid(u: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-u))


# (g; the tail rates at −∞ and +∞ worked out by hand)
SHAPES = {
    # tanh(u) = 1 − 2e^{−2u} + …: tanh(4x + 1) − tanh(4x − 1) ≈ 2e^{2}(1 − e^{−4})·e^{−8x}
    "tanh-box": (sp.tanh(4 * X + 1) - sp.tanh(4 * X - 1), 8, 8),
    # σ(u) = e^{u} + … at −∞ and 1 − e^{−u} + … at +∞: both sides e^{−4|x|}
    "sigmoid-box": (_sigmoid(4 * X + sp.Rational(3, 2)) - _sigmoid(4 * X - sp.Rational(5, 2)), 4, 4),
    # a skewed bump: e^{2x} on the left, e^{−x} on the right
    "skewed": (1 / (sp.exp(-2 * X) + sp.exp(X)), 2, 1),
    # sech²(3x) + sech⁴(x): the wider term (e^{−4|x|}) decides
    "sum-of-sech-powers": (sp.sech(3 * X) ** 2 + sp.sech(X) ** 4, 4, 4),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_sums_of_exponentials_have_the_tails_worked_out_by_hand(name):
    g, left, right = SHAPES[name]
    assert of_exponentials(g) and decays_at_most_exponentially(g)
    g_mp = mp_function(g)
    for side, rate in ((-1, left), (1, right)):
        assert symbolic_tail(g, side) == f"exponential({rate})"
        assert tail_class(g_mp, side) == f"exponential({rate})"  # mpmath, far out


@pytest.mark.parametrize(
    "g",
    [
        sp.exp(-(X**2) / 2),
        sp.erfc(X) * sp.erfc(-X),
        sp.exp(X - sp.exp(X)),  # Gumbel: doubly exponential on the right
        sp.exp(-(sp.Abs(X) ** 3)),
        sp.Piecewise((sp.exp(X), X < 0), (sp.exp(-(X**2)), True)),
    ],
)
def test_what_may_decay_faster_than_an_exponential_is_not_claimed(g):
    assert not decays_at_most_exponentially(g)
    assert not of_exponentials(g)


def test_oscillating_factors_decay_at_most_exponentially_but_are_not_exponentials():
    g = sp.cos(3 * X) ** 2 / sp.cosh(X)
    assert decays_at_most_exponentially(g) and not of_exponentials(g)
