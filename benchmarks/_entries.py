"""The catalog classes (found without SymPy) and plain hand-written jnp gradients to compare with.

The hand-written gradients are what a user would type from the published formulas
(CATALOG_REFERENCE.md), at the catalog defaults, evaluated in the input dtype.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import jax
import jax.numpy as jnp


def _sig(z: jax.Array) -> jax.Array:
    return jax.nn.sigmoid(z)


def _normal(x: jax.Array, mu: float, sigma: float) -> jax.Array:
    return jnp.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (math.sqrt(2 * math.pi) * sigma)


HAND: dict[str, Callable[[jax.Array], jax.Array]] = {
    "Sigmoid": lambda x: 4.0 * _sig(4.0 * x) * (1 - _sig(4.0 * x)),
    "PiecewiseQuadratic": lambda x: jnp.where(jnp.abs(x) > 1.0, 0.0, 1.0 - jnp.abs(x)).astype(x.dtype),
    "PiecewiseExp": lambda x: 0.5 * jnp.exp(-jnp.abs(x)),
    "SoftSign": lambda x: 1.0 / (2 * (1 + jnp.abs(x)) ** 2),
    "Arctan": lambda x: 0.5 / (1 + (math.pi / 2 * x) ** 2),
    "NonzeroSignLog": lambda x: 1.0 / (1.0 + jnp.abs(x)),
    "ERF": lambda x: jnp.exp(-(x**2)) / math.sqrt(math.pi),
    "PiecewiseLeakyRelu": lambda x: jnp.where(jnp.abs(x) > 1.0, 0.01, 0.5).astype(x.dtype),
    "SquarewaveFourierSeries": lambda x: 0.5 * (jnp.cos(math.pi / 4 * x) + jnp.cos(3 * math.pi / 4 * x)),
    "S2NN": lambda x: jnp.where(x < 0, 4.0 * _sig(4.0 * x) * (1 - _sig(4.0 * x)), 1.0 / (x + 1)),
    "QPseudoSpike": lambda x: (1 + 2 * jnp.abs(x) / 3.0) ** -2,
    "LeakyRelu": lambda x: jnp.where(x < 0, 0.1, 1.0).astype(x.dtype),
    "LogTailedRelu": lambda x: jnp.where(x > 1, 1 / x, jnp.where(x > 0, 1.0, 0.0)).astype(x.dtype),
    "ReluGrad": lambda x: jnp.maximum(0.3 - 0.3 * jnp.abs(x), 0),
    "GaussianGrad": lambda x: 0.5 * _normal(x, 0.0, 0.5),
    "MultiGaussianGrad": lambda x: (
        0.5 * (1.15 * _normal(x, 0.0, 0.5) - 0.15 * _normal(x, 0.5, 3.0) - 0.15 * _normal(x, -0.5, 3.0))
    ),
    "InvSquareGrad": lambda x: 1.0 / (100.0 * jnp.abs(x) + 1) ** 2,
    "SlayerGrad": lambda x: jnp.exp(-jnp.abs(x)),
    "Circ": lambda x: 0.5 / (1 + x**2) ** 1.5,
    "Tanh": lambda x: 0.5 * (1 - jnp.tanh(x) ** 2),
    "Rect": lambda x: jnp.where(jnp.abs(x) < 0.5, 1.0, 0.0).astype(x.dtype),
    "StraightThrough": lambda x: jnp.ones_like(x),
    "FakeNumericalGradient": lambda x: jnp.minimum(1 / jnp.abs(x), 0.3),
    "SparseFastSigmoid": lambda x: jnp.where(x > 1.0, 1 / (25 * jnp.abs(x) + 1) ** 2, 0.0).astype(x.dtype),
    "SpikeRateEscape": lambda x: 25.0 * jnp.exp(-jnp.abs(x - 1)),
    "StepWindow": lambda x: jnp.where(x < -1.0, 0.0, 1.0).astype(x.dtype),
}


def hand_spike(g: Callable[[jax.Array], jax.Array]) -> Callable[[jax.Array], jax.Array]:
    """A plain custom_vjp spike function over a hand-written gradient, in the input dtype."""

    @jax.custom_vjp
    def spike(x: jax.Array) -> jax.Array:
        return (x >= 0).astype(x.dtype)

    def fwd(x: jax.Array) -> tuple[jax.Array, jax.Array]:
        return spike(x), x

    def bwd(x: jax.Array, ct: jax.Array) -> tuple[jax.Array]:
        return ((ct * g(x)).astype(x.dtype),)

    spike.defvjp(fwd, bwd)
    return spike
