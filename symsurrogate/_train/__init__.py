"""Training: the Randman task, the LIF training loop and surrogate sweeps (optax, optional).

May import: every layer below the facade (``_docs``, ``_verify``, ``_codegen``, ``_symbolic``,
``_support``, the runtime). Never ``_api``, ``_cli`` or ``_equivalence``.
"""
