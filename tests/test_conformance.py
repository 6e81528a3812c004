"""The conformance suite: every catalog entry and preset, through the same table of tests.

Entries come from ``catalog_names()``, so a new entry is covered the moment it lands. Each
must pass its full check (rules, properties two ways, declared expectations, accuracy in
four dtypes against mpmath, jit/vmap/grad/jvp/vmap over parameters) and match mpmath at
random parameters drawn from each domain. Its dtypes and forward convention are tested,
with finiteness, in ``test_stability.py``.
"""

import math

import jax
import jax.numpy as jnp
import ml_dtypes
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from symsurrogate._symbolic._catalog import catalog_names, load_spec
from symsurrogate._testing import catalog_class
from symsurrogate._verify._checks import check_spec
from symsurrogate._verify._jaxchecks import _close, _reference

# The full check of every catalog entry. It shares its worker with tests/test_docs.py, whose
# pages show the same analysis: under -n the second module reads it from the disk cache.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("catalog-analysis")]

NAMES = catalog_names()


@pytest.mark.parametrize("name", NAMES)
def test_full_check(name):
    report = check_spec(load_spec(name), catalog_class(name))
    assert report.ok, "\n".join(str(r) for r in report.failures)
    for key in ("integral", "peak", "symmetric", "nonnegative", "support", "tail"):
        assert key in report.properties


def _param_strategy(param):
    d = param.default
    if param.static:
        return st.integers(1, 5)
    if param.domain == "positive":
        return st.floats(math.log(0.2), math.log(5.0)).map(lambda t: float(d * math.exp(t)))
    if param.domain == "nonnegative":
        return st.floats(0.0, 3.0 * max(d, 1.0))
    return st.floats(d - 2.0, d + 2.0)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_parameters_against_mpmath(name, data):
    spec, cls = load_spec(name), catalog_class(name)
    values = {p.name: data.draw(_param_strategy(p), label=p.name) for p in spec.params}
    xs = np.asarray(data.draw(st.lists(st.floats(-4, 4), min_size=4, max_size=4), label="x"), np.float32)
    # keep away from knots, where which branch wins is a convention checked elsewhere
    f = cls(**values)
    got = np.asarray(jax.grad(lambda v: f(v).sum())(jnp.asarray(xs)), np.float64)
    ref = _reference(spec, values, xs)
    finite = np.isfinite(ref)
    # g undefined or complex at every point: parameters outside the formula's real domain
    # (SpikingJelly's QPseudoSpike needs alpha > 1; "positive" is the nearest declared domain)
    assume(finite.any())
    ok, worst = _close(got[finite], ref[finite])
    near_knot = _near_knots(spec, values, xs)
    if not ok and near_knot:
        return
    assert ok, (values, xs, got, ref, worst)


def _near_knots(spec, values, xs) -> bool:
    from symsurrogate._verify._mpref import numeric_knots

    knots = numeric_knots(spec.at(spec.grad, values))
    return any(abs(float(x) - k) < 1e-3 * max(1.0, abs(k)) for x in xs for k in knots)


def test_catalog_is_covered():
    # the suite runs over every entry: the braintools drop-ins at least
    assert {"Sigmoid", "PiecewiseQuadratic", "SquarewaveFourierSeries"} <= set(NAMES)
    assert ml_dtypes.bfloat16 is not None
