"""Drop-in: swap ``braintools.surrogate.Sigmoid`` for ``symsurrogate.Sigmoid`` in a brainstate model.

A small recurrent-free LIF layer written with brainstate, whose spike function is a
constructor argument as in braintools' own examples. The model is built twice, once with
each library's Sigmoid, from the same weights; the spikes are identical and the gradients
of a loss agree to float rounding. Needs braintools and brainstate (the ``parity`` extra).

Run: ``python docs/examples/braintools_dropin.py``
"""

from __future__ import annotations

import math
from collections.abc import Callable

import brainstate
import braintools
import jax
import jax.numpy as jnp
import numpy as np

import symsurrogate


class LIF(brainstate.nn.Module):
    """Leaky integrate-and-fire layer: V <- decay·V + W·x; spike = spk_fun(V - 1); reset to 0."""

    def __init__(self, n_in: int, n_out: int, spk_fun: Callable, tau: float = 20.0, seed: int = 0) -> None:
        super().__init__()
        weights = jax.random.normal(jax.random.PRNGKey(seed), (n_in, n_out)) * (2.0 / math.sqrt(n_in))
        self.weight = brainstate.ParamState(weights)
        self.spk_fun = spk_fun
        self.decay = math.exp(-1.0 / tau)
        self.n_out = n_out

    def init_state(self, batch_size: int) -> None:
        self.V = brainstate.HiddenState(jnp.zeros((batch_size, self.n_out)))

    def update(self, x: jax.Array) -> jax.Array:
        v = self.decay * self.V.value + x @ self.weight.value
        spikes = self.spk_fun(v - 1.0)
        self.V.value = v * (1.0 - jax.lax.stop_gradient(spikes))
        return spikes


def spikes_and_grads(spk_fun: Callable, inputs: jax.Array) -> tuple[jax.Array, jax.Array]:
    """Run the layer over time (inputs: steps x batch x n_in); return its spikes and dLoss/dW."""
    layer = LIF(inputs.shape[-1], 32, spk_fun)

    def loss() -> tuple[jax.Array, jax.Array]:
        layer.init_state(inputs.shape[1])
        spikes = brainstate.transform.for_loop(layer.update, inputs)
        counts = spikes.sum(axis=0)
        return jnp.mean((counts - 3.0) ** 2), spikes  # ask for three spikes per neuron

    grad_fn = brainstate.transform.grad(loss, layer.states(brainstate.ParamState), has_aux=True)
    grads, spikes = grad_fn()
    return spikes, next(iter(grads.values()))


def main() -> None:
    inputs = (jax.random.uniform(jax.random.PRNGKey(1), (100, 8, 20)) < 0.05).astype(jnp.float32)
    theirs = spikes_and_grads(braintools.surrogate.Sigmoid(alpha=4.0), inputs)
    ours = spikes_and_grads(symsurrogate.Sigmoid(alpha=4.0), inputs)  # the one-line swap
    print("spikes identical:", bool(jnp.array_equal(theirs[0], ours[0])), f"({int(ours[0].sum())} spikes)")
    error = float(jnp.max(jnp.abs(theirs[1] - ours[1])) / jnp.max(jnp.abs(theirs[1])))
    print(f"gradient max relative difference: {error:.2e}")
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-4, atol=1e-6 * float(jnp.max(jnp.abs(theirs[1]))))


if __name__ == "__main__":
    main()
