"""Classes generated from the catalog by `symsurrogate generate`."""

from .braintools import *  # noqa: F403
from .shapes import *  # noqa: F403
from .braintools import __all__ as _braintools
from .shapes import __all__ as _shapes

__all__ = [*_braintools, *_shapes]
