"""Other libraries' surrogates with their own names, parameters, defaults and spike convention.

Each submodule mirrors one library; its classes are generated from
``catalog/presets/<library>.toml`` and need JAX only (never SymPy). A submodule is imported
on first attribute access, so ``import symsurrogate.presets`` costs nothing.

=============  =================  ======================================================
library        spike where        presets
=============  =================  ======================================================
snntorch       x > 0              atan, fast_sigmoid, sigmoid, triangular, spike_rate_escape,
                                  SFS, straight_through_estimator
spikingjelly   x >= 0             Sigmoid, ATan, SoftSign, SuperSpike, Erf, PiecewiseQuadratic,
                                  PiecewiseExp, PiecewiseLeakyReLU, QPseudoSpike, LeakyKReLU,
                                  NonzeroSignLogAbs, LogTailedReLU, S2NN,
                                  FakeNumericalGradient, Rect, DeterministicPass,
                                  SquarewaveFourierSeries
norse          x > 0              super_fn, triangle_fn, heavi_tanh_fn, heavi_circ_fn,
                                  heavi_erfc_fn
spyx           x > 0              superspike, arctan, tanh, triangular, boxcar, abs_linear
sinabs         x >= 0             SingleExponential, Gaussian, MultiGaussian, Heaviside
=============  =================  ======================================================

Here x is the membrane potential minus the threshold. sinabs calls its surrogates as
``f(v_mem, spike_threshold)``; its presets take ``x = v_mem - spike_threshold`` and, where
the formula uses the threshold, a ``spike_threshold`` parameter (default 1.0).

>>> import jax.numpy as jnp
>>> from symsurrogate import presets
>>> presets.snntorch.fast_sigmoid(slope=25)
fast_sigmoid(slope=25)
>>> presets.snntorch.fast_sigmoid()(jnp.array([-1.0, 0.0, 1.0]))
Array([0., 0., 1.], dtype=float32)
>>> presets.spikingjelly.SuperSpike()(jnp.array([-1.0, 0.0, 1.0]))
Array([0., 1., 1.], dtype=float32)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import norse as norse
    from . import sinabs as sinabs
    from . import snntorch as snntorch
    from . import spikingjelly as spikingjelly
    from . import spyx as spyx

LIBRARIES = ("snntorch", "spikingjelly", "norse", "spyx", "sinabs")

__all__ = ["LIBRARIES", *LIBRARIES]


def __getattr__(name: str) -> ModuleType:
    if name in LIBRARIES:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'symsurrogate.presets' has no attribute {name!r}; libraries: {', '.join(LIBRARIES)}")


def __dir__() -> list[str]:
    return sorted(__all__)
