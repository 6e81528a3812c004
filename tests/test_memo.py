"""The in-process memo of symbolic steps keeps only complete results, a bounded number of them."""

from __future__ import annotations

import itertools

import pytest
import sympy as sp

from symsurrogate._support._budget import OutOfTime, time_limit
from symsurrogate._support._memo import forget_all, memoized
from symsurrogate._symbolic._calculus import X, find_primitive, limit_at_infinity


def test_a_result_is_computed_once_and_the_oldest_is_dropped_beyond_the_bound():
    calls = []

    @memoized(key=lambda n: n, maxsize=2)
    def double(n):
        calls.append(n)
        return 2 * n

    assert [double(n) for n in (1, 2, 1, 3, 2, 1)] == [2, 4, 2, 6, 4, 2]
    # 1 and 2 kept; 3 drops 2 (1 was used more recently), so 2 and then 1 are computed again.
    assert calls == [1, 2, 3, 2, 1]


def test_a_result_reached_while_a_time_limit_ran_out_is_not_kept():
    calls = []

    @memoized(key=lambda n: n)
    def patient(n):
        calls.append(n)
        try:
            with time_limit(0.05):
                for _ in itertools.count():
                    pass
        except OutOfTime:
            return "undecided"  # a partial answer, as a step under a spent limit gives
        return "decided"

    assert patient(1) == "undecided" and patient(1) == "undecided"
    assert calls == [1, 1]


def test_an_exception_is_not_kept():
    calls = []

    @memoized(key=lambda n: n)
    def failing(n):
        calls.append(n)
        if len(calls) == 1:
            raise ValueError("first time")
        return n

    with pytest.raises(ValueError, match="first time"):
        failing(5)
    assert failing(5) == 5 and failing(5) == 5
    assert calls == [5, 5]


def test_memoised_steps_answer_as_a_fresh_computation_and_forget_all_empties_them():
    alpha = sp.Symbol("alpha", positive=True)
    grad = alpha / (2 * (1 + sp.Abs(alpha * X)) ** 2)
    first = find_primitive(grad, {alpha: sp.Integer(2)})
    assert find_primitive(grad, {alpha: sp.Integer(2)}) is first  # kept
    forget_all()
    again = find_primitive(grad, {alpha: sp.Integer(2)})
    assert again is not first and again == first
    # The parameter values are part of the key: other values are another computation.
    assert find_primitive(grad, {alpha: sp.Integer(3)}) is not first
    # Independent reference: G(x) → 1 at +∞ for this normalised bump.
    assert limit_at_infinity(first[0], 1) == 1 and limit_at_infinity(first[0], -1) == 0
