"""Documentation: catalog pages, the LaTeX document, plots and the site writer.

May import: ``_verify``, ``_codegen``, ``_symbolic``, ``_support`` and the runtime. Never
``_train``, ``_equivalence`` or the facade (``_api``, ``_cli``).
"""
