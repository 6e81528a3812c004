"""Bounded resources: formulas that would not finish are refused, analyses are time-limited in
any thread, and each limit is reported in one line naming the culprit."""

from __future__ import annotations

import itertools
import math
import threading
import time

import pytest

import symsurrogate as ss
from symsurrogate import FormulaError
from symsurrogate._support import _budget
from symsurrogate._support._budget import Budget, OutOfTime, time_limit

from .payloads import hostile_formulas


@pytest.mark.parametrize("formula", hostile_formulas("/nonexistent/PWNED"))
def test_hostile_formula_refused_quickly(formula):
    start = time.monotonic()
    with pytest.raises(FormulaError) as info:
        ss.spec("Bomb", grad=formula, params={"n": {"default": 2, "static": True}} if "n)" in formula else None)
    assert time.monotonic() - start < 30, formula[:40]
    assert "\n" not in str(info.value) and len(str(info.value)) < 400


@pytest.mark.parametrize(
    ("formula", "words"),
    [
        ("x*9**9**9", "exponent 387420489"),
        ("2**10000000", "exponent"),
        ("x**(10**9)", "exponent"),
        ("x*" + "9" * 40, "40 digits"),
        ("Sum(exp(-k*x**2), (k, 1, 10**12))", "terms"),
        ("-(" * 80 + "x" + ")" * 80, "nests"),
    ],
)
def test_limits_are_named(formula, words):
    with pytest.raises(FormulaError, match=words):
        ss.spec("Bomb", grad=formula)


@pytest.mark.slow  # defines and checks ordinary formulas
def test_limits_leave_ordinary_formulas_alone():
    spec = ss.spec("Ok", grad="alpha*x**4*exp(-x**2) + 10**300*exp(-10**3*x**2)*0", params={"alpha": 1.0})
    assert spec.grad.has(ss.spec("P", grad="exp(-x**2)").grad.func)


def test_sum_bounds_over_static_parameters():
    n = {"n": {"default": 2, "static": True}}
    ss.spec("Fine", grad="Sum(exp(-k*x**2), (k, 1, 4*n))", params=n)  # 1024 terms at n = 256
    with pytest.raises(FormulaError, match="terms"):
        ss.spec("Many", grad="Sum(exp(-k*x**2), (k, 1, 5*n))", params=n)
    with pytest.raises(FormulaError, match="linear"):
        ss.spec("Square", grad="Sum(exp(-k*x**2), (k, 1, n*n))", params=n)


def test_static_parameter_bound():
    with pytest.raises(ValueError, match="at most 256"):
        ss.SquarewaveFourierSeries(n=1000)
    assert ss.SquarewaveFourierSeries(n=256).n == 256


def _spin() -> None:
    for _ in itertools.count():
        pass


@pytest.mark.parametrize("in_thread", [False, True])
def test_time_limit_works_in_any_thread(in_thread):
    outcome: list[float] = []

    def run() -> None:
        start = time.monotonic()
        try:
            with time_limit(0.3):
                _spin()
        except OutOfTime:
            outcome.append(time.monotonic() - start)

    if in_thread:
        worker = threading.Thread(target=run)
        worker.start()
        worker.join(timeout=30)
        assert not worker.is_alive()
    else:
        run()
    assert outcome and 0.25 < outcome[0] < 10


def test_nested_limits_and_budget():
    start = time.monotonic()
    budget = Budget(total=0.5, per_call=0.2)
    assert budget.run(_spin) is None and budget.timed_out
    with pytest.raises(OutOfTime):
        with time_limit(0.6):
            assert budget.run(_spin) is None  # the inner limit is the budget's
            _spin()  # the outer one still fires
    assert time.monotonic() - start < 10
    for _ in range(500):  # expired limits leave nothing pending behind
        try:
            with time_limit(0.0):
                pass
        except OutOfTime:
            pass
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        pass


@pytest.mark.slow  # waits out a time budget
def test_analysis_of_a_formula_mpmath_cannot_finish_is_bounded(monkeypatch):
    """exp(exp(exp(exp(x)))) ran for hours in the mpmath reference; now a clean error, in a thread too."""
    monkeypatch.setitem(_budget.LIMITS, "analysis", 3.0)
    monkeypatch.setitem(_budget.LIMITS, "reference", 3.0)
    cls = ss.surrogate("Tower", grad="exp(exp(exp(exp(x))))")
    errors: list[BaseException] = []

    def run() -> None:
        try:
            ss.check(cls)
        except FormulaError as err:
            errors.append(err)

    start = time.monotonic()
    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive() and time.monotonic() - start < 120
    assert len(errors) == 1 and "Tower" in str(errors[0]) and "did not finish" in str(errors[0])


def test_a_time_limit_waits_out_garbage_collection_callbacks():
    """A collector callback (Hypothesis registers one) may run inside bounded code; an
    OutOfTime raised there would only be printed as unraisable, so it waits until after."""
    import gc
    import threading

    from symsurrogate._support._budget import _in_foreign_callback

    seen = []

    def callback(phase, info):
        if phase == "start":
            seen.append(_in_foreign_callback(threading.get_ident()))

    gc.callbacks.append(callback)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(callback)
    assert seen and all(seen)
    assert not _in_foreign_callback(threading.get_ident())


def test_a_time_limit_landing_where_python_ignores_exceptions_is_not_reported_and_comes_again():
    """The watchdog cannot see a thread enter a finaliser (or a collector callback) between
    its look and the exception's arrival. There Python ignores the exception and reports it
    as unraisable; the report is dropped, and the limit still ends the block."""
    import sys
    import types

    reported = []
    previous = sys.unraisablehook
    sys.unraisablehook = reported.append  # what a plain interpreter would print

    class Finalised:
        def __del__(self):
            for _ in itertools.count():  # the limit runs out in here, where it is ignored
                pass

    try:
        start = time.monotonic()
        with pytest.raises(OutOfTime):
            with time_limit(0.1):
                Finalised()  # no reference kept: its finaliser runs at once, inside the limit
                for _ in itertools.count():  # the repeated exception ends the block
                    pass
        elapsed = time.monotonic() - start
    finally:
        sys.unraisablehook = previous
    assert reported == [] and elapsed < 5.0
    # Any other unraisable exception still reaches the hook that was installed.
    sys.unraisablehook = reported.append
    try:
        with time_limit(1.0):
            pass
        unraisable = {"exc_type": ValueError, "exc_value": ValueError("x"), "exc_traceback": None}
        sys.unraisablehook(types.SimpleNamespace(**unraisable, err_msg=None, object=None))
    finally:
        sys.unraisablehook = previous
    assert [r.exc_type for r in reported] == [ValueError]


_UNDER_A_PROFILER = """
import itertools
import math
from symsurrogate._support._budget import OutOfTime, time_limit

with time_limit(5):
    sum(range(10))
try:
    with time_limit(0.2):
        for _ in itertools.count():
            pass
except OutOfTime:
    print("stopped")
print("done")
"""


def test_time_limits_end_cleanly_under_a_profiler(tmp_path):
    """Leaving a limit must not leave the interpreter's async-exception signal set with nothing
    to raise: under cProfile, CPython 3.11 and 3.12 then loop on it forever."""
    import subprocess
    import sys

    script = tmp_path / "limited.py"
    script.write_text(_UNDER_A_PROFILER)
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(tmp_path / "out.prof"), str(script)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-400:]
    assert done.stdout.split() == ["stopped", "done"]


def test_a_value_for_a_docstring_is_bounded(monkeypatch):
    """Class docstrings show g at a point, evaluated by SymPy; a formula whose evaluation
    stalls (SymPy factoring the integers of an exact rational power) gives NaN, not a hang."""
    import itertools

    import sympy as sp

    from symsurrogate._symbolic import _render
    from symsurrogate._symbolic._calculus import X
    from symsurrogate._symbolic._spec import make_spec

    class Stalls(sp.Function):
        def _eval_evalf(self, prec):
            for _ in itertools.count():  # as SymPy's factoring of a huge integer, in Python
                pass

    monkeypatch.setattr(_render, "VALUE_SECONDS", 0.3)
    spec = make_spec("Plain", grad="exp(-x**2)")
    start = time.monotonic()
    assert math.isnan(_render.value_at(spec, Stalls(X), 0.25))
    assert time.monotonic() - start < 10
    assert _render.value_at(spec, spec.grad, 0.24999975) == pytest.approx(math.exp(-(0.24999975**2)), rel=1e-15)
