"""Support: what every analysis and writer relies on, free of any surrogate logic.

``_budget`` (hard time limits in any thread), ``_collector`` (garbage collection paced
for symbolic work), ``_cache`` (the per-user disk cache of data,
never code), ``_jsondata`` (its data-only JSON codec), ``_memo`` (the in-process memo of
pure symbolic steps), ``_files`` (atomic writes that respect the umask), ``_source``
(identifiers and literals of generated source).

Layer 1, just above the runtime. May import: the runtime modules (``symsurrogate._errors``,
``_params``, ``_runtime``). Never the symbolic, codegen, verify or docs layers.
"""
