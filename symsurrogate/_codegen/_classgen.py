"""Source code for the public classes and function twins over generated formula modules."""

from __future__ import annotations

import textwrap

from .._symbolic import _render
from .._symbolic._spec import Spec

RUNTIME_IMPORTS = "import jax\n\nfrom symsurrogate._params import Param\nfrom symsurrogate._runtime import Surrogate\n"


def docstring(spec: Spec, twin: bool = False) -> str:
    """The docstring of a surrogate class (or its function twin), from the renderer of the docs pages."""
    return _render.docstring(spec, twin)


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
    doc = textwrap.indent(docstring(spec).replace("\\", "\\\\"), "    ").lstrip()
    twin_doc = textwrap.indent(docstring(spec, twin=True).replace("\\", "\\\\"), "    ").lstrip()
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
    """{twin_doc}
    """
    return {spec.name}({pass_params})(x)
'''
