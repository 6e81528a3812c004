"""Classes generated from the catalog by `symsurrogate generate`."""

from .braintools import *  # noqa: F403
from .braintools import __all__ as _braintools

__all__ = [*_braintools]
