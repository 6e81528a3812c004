"""Source code for the public classes and function twins over generated formula modules.

User text (summary, references, descriptions) reaches the source only as string literals
checked by Python's parser (:func:`._source.string_literal`), or not at all: a class built
at run time gets its docstrings after it exists.
"""

from __future__ import annotations

import textwrap

from .._support._source import string_literal
from .._symbolic import _render
from .._symbolic._spec import Spec

RUNTIME_IMPORTS = "import jax\n\nfrom symsurrogate._params import Param\nfrom symsurrogate._runtime import Surrogate\n"


def docstring(spec: Spec, twin: bool = False) -> str:
    """The docstring of a surrogate class (or its function twin), from the renderer of the docs pages."""
    return _render.docstring(spec, twin)


def _doc_statement(text: str) -> str:
    # The layout of a hand-written docstring: indented body, closing quotes on their own line.
    return string_literal(textwrap.indent(text, "    ").lstrip() + "\n    ")


def class_source(
    spec: Spec,
    formulas_name: str,
    catalog_name: str | None,
    repr_order: tuple[str, ...] | None,
    *,
    docstrings: bool = True,
) -> str:
    """Source of the class ``spec.name`` and its function twin ``spec.function_name``.

    Names the generated code uses are chosen not to collide with the parameters: ``self``
    becomes ``_self`` when a parameter is called ``self``, and the twin reaches its class
    through an alias when a parameter (or ``x``) shadows the class name. Parameter names
    the class cannot rename (``autodiff``, ``param_grad``, ``precision``, ``super``) are refused by
    :func:`._spec.make_spec`.
    """
    names = spec.param_names
    sig_params = ", ".join(
        f"{p.name}: {'int' if p.static else 'float | jax.Array'} = {p.default!r}" for p in spec.params
    )
    sep = ", " if sig_params else ""
    pass_params = ", ".join(names)
    params_literal = ", ".join(
        f"Param({p.name!r}, {p.default!r}, {p.domain!r}, {p.static!r}, {p.description!r})" for p in spec.params
    )
    params_literal = f"({params_literal},)" if spec.params else "()"
    this = "_self" if "self" in names else "self"  # zero-argument super() works with any name
    cls_ref = spec.name if spec.name not in {"x", *names} else f"_{spec.name}"
    alias = f"\n\n{cls_ref} = {spec.name}" if cls_ref != spec.name else ""
    doc = f"\n    {_doc_statement(docstring(spec))}\n" if docstrings else ""
    twin_doc = f"\n    {_doc_statement(docstring(spec, twin=True))}" if docstrings else ""
    return f"""

class {spec.name}(Surrogate):{doc}
    _formulas_name = {formulas_name!r}
    _catalog_name = {catalog_name!r}
    _params = {params_literal}
    _repr_order = {repr_order!r}

    def __init__(
        {this}{sep}{sig_params}, *, autodiff: str = "vjp", param_grad: str = "grad", precision: str | None = None
    ) -> None:
        super().__init__({pass_params}{sep}autodiff=autodiff, param_grad=param_grad, precision=precision){alias}


def {spec.function_name}(x: jax.Array{sep}{sig_params}) -> jax.Array:{twin_doc}
    return {cls_ref}({pass_params})(x)
"""
