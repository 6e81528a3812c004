"""equivalent(a, b): the same shape up to a parameter map, an x-scale and an output scale.

Expected mappings are worked out by hand from the published formulas (CATALOG_REFERENCE.md):
snnTorch fast_sigmoid 1/(k|x|+1)² is InvSquareGrad(α=k); braintools SoftSign α/(2(1+|αx|)²)
is (α/2)·InvSquareGrad(α); SpikingJelly QPseudoSpike (1+2|x|/(α−1))^(−α) at α = 2 is
InvSquareGrad(2); spyx arctan (1/π)/(1+(kπx)²) is 1/(πk)·Arctan(2k). Every returned
mapping is also re-checked here in mpmath against both formulas.
"""

from __future__ import annotations

import random

import mpmath
import numpy as np
import pytest
import sympy as sp

import symsurrogate
from symsurrogate import presets
from symsurrogate._api import as_spec
from symsurrogate._cli import main
from symsurrogate._equivalence._equivalent import Equivalence, equivalent
from symsurrogate._symbolic._calculus import X

pytestmark = pytest.mark.slow  # symbolic equivalence proofs over the presets


def _check_mapping(result: Equivalence, a, b, fixed: dict | None = None) -> None:
    """g_a(x) = scale · g_b(x_scale · x; params) at random points, to 25 digits."""
    spec_a, spec_b = as_spec(a), as_spec(b)
    fixed = fixed or {}
    rng = random.Random(5)
    for _ in range(12):
        values = {
            spec_a.symbols[p.name]: sp.Rational(fixed.get(p.name, round(float(p.default) * rng.uniform(0.6, 1.7), 4)))
            for p in spec_a.params
        }
        x = sp.Rational(repr(round(rng.uniform(-3, 3), 4)))
        ga = spec_a.grad.xreplace({**values, X: x})
        params = {spec_b.symbols[name]: expr.xreplace(values) for name, expr in result.params.items()}
        gb = spec_b.grad.xreplace({**params, X: result.x_scale.xreplace(values) * x})
        rhs = result.scale.xreplace(values) * gb
        with mpmath.workdps(30):
            lhs_value, rhs_value = complex(sp.N(ga.doit(), 30)), complex(sp.N(rhs.doit(), 30))
        assert abs(lhs_value - rhs_value) <= 1e-20 * (1 + abs(lhs_value))


def test_fast_sigmoid_is_inv_square_grad() -> None:
    result = equivalent("snntorch.fast_sigmoid", "InvSquareGrad")
    slope = sp.Symbol("slope", positive=True)
    assert result is not None
    assert result.params == {"alpha": slope}
    assert (result.x_scale, result.scale, result.proof) == (1, 1, "symbolic")
    _check_mapping(result, "snntorch.fast_sigmoid", "InvSquareGrad")


def test_soft_sign_is_a_scaled_inv_square_grad() -> None:
    result = equivalent("SoftSign", "InvSquareGrad")
    alpha = sp.Symbol("alpha", positive=True)
    assert result is not None
    assert result.params == {"alpha": alpha}
    assert sp.simplify(result.scale - alpha / 2) == 0
    _check_mapping(result, "SoftSign", "InvSquareGrad")


def test_q_pseudo_spike_two_is_in_the_inv_square_family() -> None:
    instance = presets.spikingjelly.QPseudoSpike(alpha=2.0)
    result = equivalent(instance, "InvSquareGrad")
    assert result is not None
    assert result.params == {"alpha": 2} and result.scale == 1 and result.x_scale == 1
    assert result.fixed == {"alpha": 2.0}
    # For general alpha the exponent differs: not the same shape.
    assert equivalent("spikingjelly.QPseudoSpike", "InvSquareGrad") is None


def test_spikingjelly_q_pseudo_spike_is_braintools_with_x_scaled() -> None:
    # (1+2|x|/(q−1))^(−q) = (1+2|kx|/(q+1))^(−q) with k = (q+1)/(q−1): at q = 3, k = 2.
    result = equivalent("spikingjelly.QPseudoSpike", "QPseudoSpike", fix={"alpha": 3.0})
    assert result is not None
    assert result.params == {"alpha": 3} and result.x_scale == 2 and result.scale == 1


def test_spyx_arctan_maps_onto_arctan_with_doubled_alpha() -> None:
    result = equivalent("spyx.arctan", "Arctan")
    k = sp.Symbol("k", positive=True)
    assert result is not None
    assert result.params == {"alpha": 2 * k}
    assert sp.simplify(result.scale - 1 / (sp.pi * k)) == 0
    _check_mapping(result, "spyx.arctan", "Arctan")


def test_erf_is_a_gaussian_with_sigma_one_over_sqrt2_alpha() -> None:
    result = equivalent("ERF", "GaussianGrad")
    alpha = sp.Symbol("alpha", positive=True)
    assert result is not None
    assert sp.simplify(result.params["sigma"] - 1 / (sp.sqrt(2) * alpha)) == 0
    _check_mapping(result, "ERF", "GaussianGrad")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("sinabs.SingleExponential", "PiecewiseExp"),
        ("spyx.boxcar", "Rect"),
        ("Rect", "spyx.boxcar"),
        ("spyx.triangular", "ReluGrad"),
        ("spikingjelly.LeakyKReLU", "LeakyRelu"),
        ("sinabs.Heaviside", "StepWindow"),
    ],
)
def test_preset_shapes_are_found(a: str, b: str) -> None:
    result = equivalent(a, b)
    assert result is not None
    _check_mapping(result, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sigmoid", "Arctan"),
        ("Arctan", "Sigmoid"),
        ("PiecewiseExp", "ERF"),
        ("InvSquareGrad", "Arctan"),
        ("sinabs.Heaviside", "Rect"),
        ("spikingjelly.LeakyKReLU", "snntorch.triangular"),
    ],
)
def test_different_shapes_are_not_equivalent(a: str, b: str) -> None:
    assert equivalent(a, b) is None


def test_lazy_export_and_errors() -> None:
    assert symsurrogate.equivalent is equivalent
    with pytest.raises(ValueError, match="beta"):
        equivalent("Sigmoid", "Arctan", fix={"beta": 1.0})
    with pytest.raises(KeyError, match="did you mean"):
        equivalent("Sigmod", "Arctan")


def test_compare_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "snntorch.fast_sigmoid", "InvSquareGrad"]) == 0
    assert "InvSquareGrad(x; alpha=slope)" in capsys.readouterr().out
    assert main(["compare", "spikingjelly.QPseudoSpike(alpha=2)", "InvSquareGrad"]) == 0
    assert "alpha=2" in capsys.readouterr().out
    assert main(["compare", "Sigmoid", "Arctan"]) == 1
    assert "not the same shape" in capsys.readouterr().out
    assert main(["compare", "Sigmod", "Arctan"]) == 2
    assert "did you mean Sigmoid" in capsys.readouterr().err
    assert main(["compare", "Sigmoid(alpha=big)", "Arctan"]) == 2
    assert "param=number" in capsys.readouterr().err


def test_a_function_numpy_lacks_is_sampled_by_mpmath():
    """The hyperbolic distribution's constant K₁(1): NumPy has no Bessel K, and sampling it
    for a fit raised NameError out of ``equivalent``."""
    from symsurrogate._equivalence._fitting import numeric
    from symsurrogate._symbolic._calculus import X

    sigma = sp.Symbol("sigma")
    expr = sp.exp(-sp.sqrt(1 + (X / sigma) ** 2)) / (2 * sigma * sp.besselk(1, 1))
    xs = np.array([-3.0, 0.0, 0.5, 2.0])
    got = numeric(expr, [sigma])(xs, 1.5)
    exact = [float(mpmath.exp(-mpmath.sqrt(1 + (x / 1.5) ** 2)) / (3 * mpmath.besselk(1, 1))) for x in xs]
    np.testing.assert_allclose(got, exact, rtol=1e-14)
