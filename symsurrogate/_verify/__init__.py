"""Verification: properties (symbolic and numeric), accuracy against mpmath, JAX-transformation checks.

``_properties`` analyses a Spec, ``_mpref`` evaluates it in mpmath (first in ball arithmetic,
``_arbref``, where python-flint is installed), ``_numerics`` measures the
generated code per dtype, ``_jaxchecks`` runs it under jit/vmap/grad/jvp, ``_checks`` combines
them into a ``_report.Report``.

May import: ``_codegen`` (it checks generated code), ``_symbolic``, ``_support`` and the
runtime. Never ``_docs`` or above.
"""
