"""Names: any-case class names give a class; parameters named like the generated code's own
identifiers are renamed inside it; names Python would silently change are refused."""

from __future__ import annotations

import math
import types

import jax
import jax.numpy as jnp
import mpmath
import pytest

import symsurrogate as ss
from symsurrogate import FormulaError

GENERATED_IDENTIFIERS = ["self", "jnp", "jax", "ct", "dtype", "spike", "grad", "g", "x32", "out", "sum", "range"]


def _gaussian_reference(scale: float, x: float) -> float:
    # d/dx of the step is scale*exp(-x^2) here, by the formula itself (mpmath, not the code under test)
    return float(scale * mpmath.exp(-(mpmath.mpf(x) ** 2)))


@pytest.mark.parametrize("name", ["mine", "jax", "x", "lower_case", "Mixed_case", "ALLCAPS"])
def test_any_case_name_gives_a_class(name):
    cls = ss.surrogate(name, grad="alpha*exp(-x**2)", params={"alpha": 2.0})
    assert isinstance(cls, type) and cls.__name__ == name
    assert cls.function.__name__ != name
    assert math.isclose(float(jax.grad(cls())(0.5)), _gaussian_reference(2.0, 0.5), rel_tol=1e-6)
    assert math.isclose(float(cls.function(0.0)), 1.0)  # the twin computes the spike


@pytest.mark.parametrize("param", GENERATED_IDENTIFIERS)
def test_parameter_named_like_generated_code(param):
    cls = ss.surrogate("Renamed", grad=f"{param}*exp(-x**2)", params={param: 3.0})
    for autodiff in ("vjp", "jvp"):
        instance = cls(**{param: 3.0}, autodiff=autodiff)
        assert math.isclose(float(jax.grad(instance)(0.25)), _gaussian_reference(3.0, 0.25), rel_tol=1e-6)
        # The parameter receives ct·∂g/∂θ = exp(-x²) (braintools' convention).
        theta = jax.grad(lambda t, a=autodiff: cls(**{param: t}, autodiff=a)(0.25))(3.0)
        assert math.isclose(float(theta), _gaussian_reference(1.0, 0.25), rel_tol=1e-6)
        both = jax.grad(lambda t, a=autodiff: jax.grad(cls(**{param: t}, autodiff=a))(0.25))(3.0)
        assert math.isclose(float(both), _gaussian_reference(1.0, 0.25), rel_tol=1e-6)
    # The standalone module imports and runs with the same name.
    module = types.ModuleType("standalone")
    exec(compile(ss.codegen(cls), "<standalone>", "exec"), module.__dict__)
    assert module.PARAMS == (param,)
    assert math.isclose(
        float(jax.grad(module.spike)(jnp.float32(0.25), 3.0)), _gaussian_reference(3.0, 0.25), rel_tol=1e-6
    )


def test_self_times_gaussian_just_works():
    cls = ss.surrogate("SelfScaled", grad="self*exp(-x**2)", params={"self": 2.0})
    assert repr(cls(self=1.5)) == "SelfScaled(self=1.5)"
    assert math.isclose(float(jax.grad(cls(self=1.5))(1.0)), _gaussian_reference(1.5, 1.0), rel_tol=1e-6)


def test_sum_index_named_like_generated_code():
    cls = ss.surrogate("Indexed", grad="Sum(exp(-x**2)/jnp, (jnp, 1, 3))")
    expected = _gaussian_reference(1 + 1 / 2 + 1 / 3, 0.5)
    assert math.isclose(float(jax.grad(cls())(0.5)), expected, rel_tol=1e-6)


@pytest.mark.parametrize("param", ["autodiff", "param_grad", "super", "params", "formulas", "spec", "lambda"])
def test_names_that_cannot_be_renamed_are_refused(param):
    with pytest.raises(ValueError, match=repr(param)) as info:
        ss.surrogate("Clash", grad=f"2*exp(-x**2)+0*{param}" if param != "lambda" else "x", params={param: 1.0})
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", ["Param", "Surrogate", "class", "None", "_hidden", "a b", "1x", ""])
def test_bad_class_names_are_refused(name):
    with pytest.raises(ValueError, match="name") as info:
        ss.surrogate(name, grad="exp(-x**2)")
    assert "\n" not in str(info.value)


def test_nfkc_changed_identifiers_are_refused_naming_the_character():
    with pytest.raises(FormulaError, match="U\\+FF45") as info:
        ss.spec("Wide", grad="\uff45\uff58\uff50(-x**2)")
    assert info.value.position == 0
    with pytest.raises(ValueError, match="U\\+FF21"):
        ss.surrogate("\uff21bc", grad="exp(-x**2)")
    with pytest.raises(ValueError, match="U\\+FF41"):
        ss.surrogate("Wide", grad="exp(-x**2)", params={"\uff41lpha": 1.0})
    with pytest.raises(ValueError, match="U\\+0301"):
        ss.surrogate("Combined", grad="exp(-x**2)", params={"e\u0301": 1.0})


def test_command_line_lowercase_name_prints_no_traceback(tmp_path, command):
    out = tmp_path / "mine.py"
    result = command("new", "--name", "mine", "--grad", "alpha*exp(-x**2)", "--param", "alpha=1", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and out.exists()


def test_renaming_table_covers_every_identifier_the_generator_uses():
    """Every public name in every generated catalog module is a parameter, a Sum index, or listed."""
    import ast
    import builtins
    from pathlib import Path

    import sympy as sp

    from symsurrogate._support._source import FORMULA_MODULE_NAMES
    from symsurrogate._symbolic._catalog import catalog_names, load_spec

    folder = Path(ss.__file__).parent / "_generated"
    seen = set()
    for key in catalog_names():
        spec = load_spec(key)
        module = folder / ("formulas_" + key.replace(".", "__").lower() + ".py")
        user = set(spec.param_names) | {
            str(limit[0]) for expr in (spec.grad, spec.primitive) if expr is not None for s in expr.atoms(sp.Sum)
            for limit in s.limits
        }  # fmt: skip
        user |= {f"{n}_dot" for n in spec.param_names}  # tangents: covered by the "<param>_dot" rule
        for node in ast.walk(ast.parse(module.read_text())):
            names = [node.id] if isinstance(node, ast.Name) else [node.arg] if isinstance(node, ast.arg) else []
            names += [node.name] if isinstance(node, ast.FunctionDef) else []
            seen |= {n for n in names if not n.startswith("_") and n not in user}
    unlisted = seen - FORMULA_MODULE_NAMES - {n for n in dir(builtins) if n[0].isupper()}
    assert not unlisted, f"generated code uses {sorted(unlisted)}: add them to FORMULA_MODULE_NAMES"
