"""Support: the disk cache and the time budget of analyses that may not terminate.

Layer 1, just above the runtime. May import: the runtime modules (``symsurrogate._errors``,
``_params``, ``_runtime``). Never the symbolic, codegen, verify or docs layers.
"""
