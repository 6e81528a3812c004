"""Source code for the public classes and function twins over generated formula modules."""

from __future__ import annotations

import textwrap

import sympy as sp

from ._spec import Spec

RUNTIME_IMPORTS = "import jax\n\nfrom symsurrogate._params import Param\nfrom symsurrogate._runtime import Surrogate\n"


def docstring(spec: Spec) -> str:
    """The docstring of a surrogate class: summary, formulas, parameters, convention, example."""
    op = ">" if spec.strict else ">="
    lines = [spec.summary or f"{spec.name} surrogate spike function.", ""]
    lines.append(f"Forward: the Heaviside step, 1 where x {op} 0 else 0. Backward: the surrogate gradient")
    lines.append("")
    lines.append(f"    g(x) = {sp.sstr(spec.grad)}")
    if spec.primitive is not None:
        lines += ["", "the derivative of the soft step", "", f"    G(x) = {sp.sstr(spec.primitive)}"]
    lines += ["", "Args:"]
    for p in spec.params:
        kind = "static int" if p.static else "float or array"
        desc = f" {p.description}." if p.description else ""
        lines.append(f"    {p.name}: {kind}, {p.domain}, default {p.default!r}.{desc}")
    lines.append("    autodiff: 'vjp' (default, reverse mode) or 'jvp' (forward and reverse mode).")
    lines.append("    param_grad: what a traced parameter θ receives: 'grad' (ct·∂g/∂θ, braintools),")
    lines.append("        'primitive' (ct·∂G/∂θ) or 'zero'.")
    if spec.references:
        lines += ["", "References:"] + [f"    {ref}" for ref in spec.references]
    wrapped = []
    for line in lines:
        indent = line[: len(line) - len(line.lstrip())]
        wrapped.extend(textwrap.wrap(line, 92, subsequent_indent=indent + "    ") or [""])
    return "\n".join(wrapped)


def _example(spec: Spec, class_name: str) -> str:
    call = f"{class_name}()(jnp.array([-1.0, 0.0, 1.0]))"
    values = [0.0, 1.0 if not spec.strict else 0.0, 1.0]
    return (
        "Example:\n\n"
        "    >>> import jax.numpy as jnp\n"
        f"    >>> from {spec_module_hint(spec)} import {class_name}\n"
        f"    >>> {call}\n"
        f"    Array([{', '.join(str(v).rstrip('0') for v in values)}], dtype=float32)"
    )


def spec_module_hint(spec: Spec) -> str:
    if spec.group.startswith("presets:"):
        return f"symsurrogate.presets.{spec.group.split(':')[1]}"
    return "symsurrogate"


def class_source(spec: Spec, formulas_name: str, catalog_name: str | None, repr_order: tuple[str, ...] | None) -> str:
    """Source of the class ``spec.name`` and its function twin ``spec.function_name``."""
    sig_params = ", ".join(
        f"{p.name}: {'int' if p.static else 'float | jax.Array'} = {p.default!r}" for p in spec.params
    )
    sep = ", " if sig_params else ""
    pass_params = ", ".join(p.name for p in spec.params)
    params_literal = ", ".join(
        f"Param({p.name!r}, {p.default!r}, {p.domain!r}, {p.static!r}, {p.description!r})" for p in spec.params
    )
    params_literal = f"({params_literal},)" if spec.params else "()"
    doc = docstring(spec) + "\n\n" + _example(spec, spec.name)
    doc = textwrap.indent(doc, "    ").lstrip()
    return f'''

class {spec.name}(Surrogate):
    """{doc}
    """

    _formulas_name = {formulas_name!r}
    _catalog_name = {catalog_name!r}
    _params = {params_literal}
    _repr_order = {repr_order!r}

    def __init__(self{sep}{sig_params}, *, autodiff: str = "vjp", param_grad: str = "grad") -> None:
        super().__init__({pass_params}{sep}autodiff=autodiff, param_grad=param_grad)


def {spec.function_name}(x: jax.Array{sep}{sig_params}) -> jax.Array:
    """Spike function of :class:`{spec.name}`: ``{spec.name}({pass_params})(x)``."""
    return {spec.name}({pass_params})(x)
'''
