"""Symbolic layer: safe parsing, SymPy node classes, calculus, the Spec, the catalog, text rendering.

Formula text becomes a :class:`~symsurrogate._symbolic._spec.Spec` here: ``_parse`` (the
whitelist parser), ``_nodes`` (SymPy function classes the stabiliser and printer know),
``_calculus`` (derivatives, primitives, knots, limits), ``_decay`` (classes of tails),
``_spec``, ``_sampling`` (a formula's values point by point in mpmath, where NumPy lacks a
function), ``_catalogfiles`` (the TOML tables, read without SymPy, and the order a parallel
check starts them in), ``_catalog`` (name → Spec), and ``_render`` (the one text renderer:
LaTeX, docstrings and Markdown pieces of a Spec).

May import: ``_support`` and the runtime. Never ``_codegen``, ``_verify``, ``_docs`` or above.
"""
