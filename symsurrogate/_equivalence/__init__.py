"""Equivalence: prove that two surrogates are the same shape up to scaling and reparameterisation.

May import: every layer below the facade (``_verify``, ``_codegen``, ``_symbolic``,
``_support``, the runtime). Never ``_api``, ``_cli``, ``_docs`` or ``_train``.
"""
