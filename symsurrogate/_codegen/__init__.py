"""Code generation: stabilising rewrites, double-float arithmetic, the JAX printer, module and class emission.

Data flow: Spec → ``_stabilize`` → ``_printer`` (with ``_doublefloat``) → ``_emit`` (a formula
module) → ``_classgen`` (the public class) → ``_build`` (the committed catalog modules).
``_resolve`` turns a name or Spec into a class.

May import: ``_symbolic``, ``_support`` and the runtime. Never ``_verify``, ``_docs`` or above.
"""
