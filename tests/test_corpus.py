"""The corpus (tests/corpus): formulas from papers, peer libraries and textbooks, not the catalog.

Every well-posed entry must define, pass ``check``, emit a module whose every name is
defined, and give finite gradients in float16/bfloat16/float32 at ±0, ±subnormals,
±1e-3…±1e4 and ±max, through the spike's backward pass and through ``jax.grad`` of
``surrogate_fun`` where there is a primitive. Every ill-posed entry must be refused with a
one-line FormulaError/ValueError or fail ``check``. Each entry is evaluated once (one check
per formula); the whole corpus is marked ``corpus`` and runs on request: ``pytest -m corpus tests/test_corpus.py -n 2``.

The fast tests below pin the pieces the corpus relies on with formulas that define quickly,
against independent references (math, mpmath).
"""

import functools
import math
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import mpmath
import numpy as np
import pytest
import sympy as sp

import symsurrogate as ss
from symsurrogate._codegen._printer import SurrogatePrinter
from symsurrogate._errors import NoPrimitiveError

sys.path.insert(0, str(Path(__file__).parent))
from corpus.evaluate import evaluate, nonfinite_gradients, undefined_globals
from corpus.formulas import CORPUS

pytestmark = pytest.mark.slow  # symbolic integration of corpus formulas

WELL_POSED = [e for e in CORPUS if e.well_posed]
ILL_POSED = [e for e in CORPUS if not e.well_posed]


def test_corpus_size():
    assert len(CORPUS) >= 90 and len(ILL_POSED) >= 10
    assert all(e.source for e in CORPUS)


@functools.cache
def outcome_of(name: str):
    return evaluate(next(e for e in CORPUS if e.name == name))


@pytest.mark.corpus
@pytest.mark.parametrize("name", [e.name for e in WELL_POSED])
def test_well_posed_entry(name):
    outcome = outcome_of(name)
    assert outcome.refused is None, outcome.refused
    assert not outcome.failures, "\n".join(f"{stage}: {text}" for stage, text in outcome.failures.items())


@pytest.mark.corpus
@pytest.mark.parametrize("name", [e.name for e in ILL_POSED])
def test_ill_posed_entry(name):
    outcome = outcome_of(name)
    if outcome.refused is not None:
        assert "\n" not in outcome.refused
    else:
        assert outcome.check_failed, f"{name} is not a soft step but passes check"
        assert "codegen names" not in outcome.failures


# -- fast: generated code runs (sums, extreme constants, every name defined) ---------------


def test_finite_sum_is_written_out():
    cls = ss.surrogate("GaussMix", grad="Sum(exp(-(x - k)**2/2)/sqrt(2*pi), (k, -1, 1))/3")
    assert not undefined_globals(ss.codegen(cls.spec))
    xs = [0.0, 1.0, -2.5]
    got = np.asarray(cls().surrogate_grad(jnp.asarray(xs)))
    want = [sum(math.exp(-((x - k) ** 2) / 2) for k in (-1, 0, 1)) / (3 * math.sqrt(2 * math.pi)) for x in xs]
    np.testing.assert_allclose(got, want, rtol=1e-6)
    assert not nonfinite_gradients(cls())


def test_sum_with_static_bound_keeps_its_loop():
    source = ss.codegen("SquarewaveFourierSeries")
    assert "for i in range(" in source and not undefined_globals(source)


def test_overflowing_constant_is_folded_into_the_exponent():
    cls = ss.surrogate("Shifted", grad="exp(1000)*exp(-(x - 40)**2 - 1000)")
    source = ss.codegen(cls.spec)
    assert "inf" not in source.split("def grad", 1)[1].split("def _", 1)[0]
    got = np.asarray(cls().surrogate_grad(jnp.asarray([40.0, 41.0])))
    np.testing.assert_allclose(got, [1.0, math.exp(-1.0)], rtol=1e-6)


def test_unfoldable_overflowing_constant_is_refused_in_one_line():
    with pytest.raises(ss.FormulaError, match=r"exp\(1000\)") as info:
        ss.surrogate("Huge", grad="exp(-x**2) + exp(1000)")
    assert "\n" not in str(info.value)


# -- fast: special functions of primitives, gradient-only surrogates -----------------------


@pytest.mark.parametrize(
    ("expr", "reference"),
    [
        (sp.lowergamma(sp.Rational(1, 4), sp.Symbol("x", real=True) ** 4), lambda x: mpmath.gammainc(0.25, 0, x**4)),
        (sp.uppergamma(sp.Rational(3, 2), sp.Symbol("x", real=True)), lambda x: mpmath.gammainc(1.5, x)),
        (sp.Si(sp.Symbol("x", real=True)), mpmath.si),
        (sp.Ci(sp.Symbol("x", real=True)), mpmath.ci),
        (sp.Ei(sp.Symbol("x", real=True)), mpmath.ei),
        (sp.expint(1, sp.Symbol("x", real=True)), mpmath.e1),
        (sp.fresnels(sp.Symbol("x", real=True)), mpmath.fresnels),
        (sp.besseli(0, sp.Symbol("x", real=True)), lambda x: mpmath.besseli(0, x)),
    ],
)
def test_special_functions_print_as_jax_scipy(expr, reference):
    from symsurrogate._jaxops import _exp1, _expi

    text = SurrogatePrinter().doprint(expr)
    # Ei and E₁ through the helpers that give their limits at infinite arguments
    assert text.count("jax.scipy.special.") + text.count("_expi(") + text.count("_exp1(") >= 1
    namespace = {"jax": jax, "jnp": jnp, "_expi": _expi, "_exp1": _exp1}
    fn = jax.jit(lambda x: eval(text, {**namespace, "x": x}))  # printer output, no user text
    with jax.enable_x64(True):
        xs = np.array([0.3, 1.7, 4.2])
        got = np.asarray(fn(jnp.asarray(xs, jnp.float64)))
    np.testing.assert_allclose(got, [float(reference(mpmath.mpf(x))) for x in xs], rtol=1e-10)


def test_primitive_jax_cannot_evaluate_makes_a_gradient_only_surrogate():
    # G = E₂(e^{−x}) rises from 0 to 1; JAX has E₁ (so g = e^{−x}·E₁(e^{−x})) but not E₂.
    x = sp.Symbol("x", real=True)
    cls = ss.surrogate("ExpintStep", primitive=sp.expint(2, sp.exp(-x)))
    f = cls()
    want = float(mpmath.exp(-0.5) * mpmath.e1(mpmath.exp(-0.5)))
    np.testing.assert_allclose(float(f.surrogate_grad(0.5)), want, rtol=1e-6)
    np.testing.assert_allclose(float(jax.grad(f)(0.5)), want, rtol=1e-6)
    with pytest.raises(NoPrimitiveError, match="expint") as info:
        f.surrogate_fun(0.5)
    assert isinstance(info.value, NotImplementedError) and isinstance(info.value, ss.FormulaError)
    assert "\n" not in str(info.value)
    assert ss.latex(cls)["grad"]


def test_integral_diverging_at_zero_is_named():
    cls = ss.surrogate("InverseSquare", grad="1/x**2")
    assert cls.spec.primitive is None
    with pytest.raises(NoPrimitiveError, match="diverges at x = 0") as info:
        cls().surrogate_fun(1.0)
    assert "\n" not in str(info.value)


def test_divergent_tails_give_a_real_primitive_not_a_complex_constant():
    cls = ss.surrogate("InvAbs", grad="1/(1 + beta*Abs(x))", params={"beta": 2.0})
    xs = np.array([-3.0, -0.5, 0.0, 0.5, 3.0])
    got = np.asarray(cls().surrogate_fun(jnp.asarray(xs)))
    np.testing.assert_allclose(got, np.sign(xs) * np.log1p(2.0 * np.abs(xs)) / 2.0, rtol=1e-6)


@pytest.mark.slow  # two symbolic integrations of exp(-x^4): tens of seconds
def test_antiderivative_valid_on_one_side_only_is_rebuilt_by_half_lines():
    # SymPy's ∫exp(-x⁴) is γ(¼, x⁴)/4, right for x > 0 only; G must rise from 0 to Γ(¼)/2.
    cls = ss.surrogate("GenNormal4", grad="exp(-x**4)")
    xs = [-1e4, -0.7, 0.0, 0.7, 1e4]
    got = np.asarray(cls().surrogate_fun(jnp.asarray(xs)))
    # beyond |x| = 20 the integrand is below e^-160000: clip there so quadrature sees the bump
    ends = [[-mpmath.inf, max(x, -20)] if x <= 0 else [-mpmath.inf, 0, min(x, 20)] for x in xs]
    want = [float(mpmath.quad(lambda t: mpmath.exp(-(t**4)), end)) for end in ends]
    np.testing.assert_allclose(got, want, rtol=2e-6, atol=1e-7)
    assert not nonfinite_gradients(cls().surrogate_fun)
