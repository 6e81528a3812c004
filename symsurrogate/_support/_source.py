"""Safe pieces of generated source: user text as string literals, identifiers that cannot collide.

Generated modules are Python source, and they are imported (or ``exec``'d for a surrogate
defined at run time). User text (a summary, a reference, a parameter description) must
therefore never be pasted between quotes by hand: a ``\"\"\"`` in it would end the string
and what follows would run. :func:`string_literal` returns a literal that Python's own parser
reads back as exactly the text, or ``repr``'s literal when the readable form would not.
"""

from __future__ import annotations

import ast

# Identifiers a generated formulas module uses besides the parameters (see _codegen): a
# parameter with one of these names is renamed inside the module. Names starting with "_"
# are not listed: parameter names may not start with one.
FORMULA_MODULE_NAMES = frozenset(
    {
        "x", "jax", "jnp", "functools", "primitive", "grad", "spike", "spike_jvp", "ct", "dtype",
        "x32", "g", "param_vjp", "residual", "primals", "tangents", "x_dot", "out", "param_tangent",
        "sum", "range", "NAME", "PARAMS", "STATIC", "STRICT", "HAS_PRIMITIVE", "NO_PRIMITIVE",
        "grad_fast", "primitive_fast", "FAST_GRAD_AT_INFINITY",
    }
)  # fmt: skip

# Module-level names of a generated class module that class names must not rebind.
CLASS_MODULE_NAMES = frozenset({"Param", "Surrogate", "annotations"})

# Parameter names a class cannot rename: its keyword-only options, and ``super`` that its
# ``__init__`` calls.
CLASS_PARAM_NAMES = frozenset({"autodiff", "param_grad", "precision", "super"})


def string_literal(text: str) -> str:
    '''A Python string literal whose value is exactly ``text``.

    Readable triple quotes where the parser reads them back unchanged (checked by parsing,
    not by reasoning about escapes); otherwise ``repr(text)``.

    >>> print(string_literal("A soft step."))
    """A soft step."""
    >>> print(string_literal('ends """; import os'))
    'ends """; import os'
    '''
    candidate = '"""' + text.replace("\\", "\\\\") + '"""'
    try:
        tree = ast.parse(candidate, mode="eval")
    except (SyntaxError, ValueError):  # ValueError: a NUL character
        return repr(text)
    if isinstance(tree.body, ast.Constant) and tree.body.value == text:
        return candidate
    return repr(text)


def renamed_params(names: tuple[str, ...] | list[str]) -> dict[str, str]:
    """User parameter name -> the identifier it has inside a generated formulas module.

    Parameters never start with "_", so ``_p_<name>`` collides with nothing the user wrote;
    the generated code's own underscore names use other prefixes (``_t``, ``_s``, ``_e``,
    ``_dd_``, ``_spike_``, ``_sigmoid``, ``_reduce``, ``_compute_dtype``, ``_compute_input``).

    >>> renamed_params(("alpha", "self", "jnp"))
    {'alpha': 'alpha', 'self': 'self', 'jnp': '_p_jnp'}
    """
    dotted = {f"{n}_dot" for n in names}  # the jvp rule names each tangent <param>_dot
    return {n: f"_p_{n}" if n in FORMULA_MODULE_NAMES or n in dotted else n for n in names}
