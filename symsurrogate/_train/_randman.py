"""The Randman task: spike-timing classification on smooth random manifolds.

Zenke & Vogels 2021 (Neural Computation 33(4)) built this synthetic benchmark so that the
difficulty is set by a few numbers and no download is needed. Each class is one smooth random
manifold of dimension ``manifold_dim`` embedded in ``units`` dimensions: coordinate ``i`` is a
random Fourier series of the intrinsic coordinates whose power falls off as ``1/f**smoothness``.
A sample draws intrinsic coordinates uniformly, evaluates the embedding and turns each
coordinate, rescaled to [0, 1] within its class, into the time of the unit's single spike.
Only relative spike timing carries the class: every unit fires exactly once in every sample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RandmanConfig:
    """Size and difficulty of a Randman data set.

    Attributes:
        classes: number of manifolds (one per class).
        units: input units (the embedding dimension).
        steps: time steps of a sample; spike times lie in ``[0, steps)``.
        manifold_dim: intrinsic dimension of each manifold (1 = curves).
        samples_per_class: samples drawn from each manifold.
        smoothness: fall-off exponent of the power spectrum (larger = smoother manifolds).
        precision: the Fourier series stops where ``1/f**smoothness`` drops below this.
        step_fraction: the share of ``steps`` that spike times may occupy (the rest stays silent).
        test_fraction: share of the samples held out as the test set.
    """

    classes: int = 10
    units: int = 20
    steps: int = 100
    manifold_dim: int = 1
    samples_per_class: int = 1000
    smoothness: float = 2.0
    precision: float = 1e-3
    step_fraction: float = 1.0
    test_fraction: float = 0.2

    def __post_init__(self) -> None:
        for name in ("classes", "units", "steps", "manifold_dim", "samples_per_class"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"RandmanConfig.{name} must be a positive integer, got {value!r}")
        if self.classes < 2:
            raise ValueError(f"RandmanConfig.classes must be at least 2, got {self.classes}")
        if not self.smoothness > 0:
            raise ValueError(f"RandmanConfig.smoothness must be > 0, got {self.smoothness!r}")
        if not 0 < self.precision < 1:
            raise ValueError(f"RandmanConfig.precision must lie in (0, 1), got {self.precision!r}")
        if not 0 < self.step_fraction <= 1:
            raise ValueError(f"RandmanConfig.step_fraction must lie in (0, 1], got {self.step_fraction!r}")
        if not 0 < self.test_fraction < 1:
            raise ValueError(f"RandmanConfig.test_fraction must lie in (0, 1), got {self.test_fraction!r}")

    @property
    def frequencies(self) -> int:
        """Number of Fourier terms: the first f with ``f**-smoothness < precision``, at most 1000."""
        return min(math.ceil(self.precision ** (-1.0 / self.smoothness)), 1000)


@dataclass(frozen=True)
class SpikeData:
    """Spike times and labels: ``times[s, i]`` is the step at which unit ``i`` of sample ``s`` fires."""

    times: np.ndarray  # (samples, units) int32
    labels: np.ndarray  # (samples,) int32
    steps: int

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    def raster(self) -> np.ndarray:
        """Dense spike raster ``(samples, steps, units)`` of 0/1 float32."""
        out = np.zeros((len(self), self.steps, self.times.shape[1]), np.float32)
        samples, units = np.indices(self.times.shape)
        out[samples, self.times, units] = 1.0
        return out


class Manifold:
    """One smooth random manifold: ``units`` random Fourier series of ``manifold_dim`` variables."""

    def __init__(self, config: RandmanConfig, rng: np.random.Generator) -> None:
        shape = (config.units, config.manifold_dim, config.frequencies)
        self.amplitude = rng.uniform(0.0, 1.0, shape)
        self.frequency = rng.uniform(0.0, 1.0, shape)
        self.phase = rng.uniform(0.0, 1.0, shape)
        # The zero-frequency term would only shift a coordinate, which the rescaling removes.
        self.amplitude[:, :, 0] = 0.0
        self.spectrum = 1.0 / np.arange(1, config.frequencies + 1) ** config.smoothness

    def __call__(self, coords: np.ndarray) -> np.ndarray:
        """Embed intrinsic coordinates ``(samples, manifold_dim)`` in [0, 1) into ``(samples, units)``."""
        index = np.arange(self.spectrum.size)
        # (samples, units, dims, frequencies): each unit is a product over dims of 1-D Fourier series.
        angle = 2 * np.pi * (index * coords[:, None, :, None] * self.frequency + self.phase)
        series = np.sum(self.amplitude * self.spectrum * np.sin(angle), axis=-1)
        return np.prod(series, axis=-1)


def _spike_times(values: np.ndarray, config: RandmanConfig) -> np.ndarray:
    low, high = values.min(axis=0), values.max(axis=0)
    scaled = (values - low) / (high - low + 1e-12)
    span = config.steps * config.step_fraction
    return np.minimum(np.floor(scaled * span), config.steps - 1).astype(np.int32)


def randman(config: RandmanConfig | None = None, seed: int = 0) -> tuple[SpikeData, SpikeData]:
    """Generate a Randman data set: (train, test), shuffled, the same for the same seed.

    >>> train, test = randman(RandmanConfig(classes=3, samples_per_class=50), seed=1)
    >>> len(train), len(test), train.times.shape[1]
    (120, 30, 20)
    >>> bool(train.times.min() >= 0 and train.times.max() < 100)
    True
    """
    config = config or RandmanConfig()
    rng = np.random.default_rng(seed)
    times, labels = [], []
    for label in range(config.classes):
        manifold = Manifold(config, rng)
        coords = rng.uniform(0.0, 1.0, (config.samples_per_class, config.manifold_dim))
        times.append(_spike_times(manifold(coords), config))
        labels.append(np.full(config.samples_per_class, label, np.int32))
    all_times, all_labels = np.concatenate(times), np.concatenate(labels)
    order = rng.permutation(all_labels.size)
    all_times, all_labels = all_times[order], all_labels[order]
    n_test = max(1, round(config.test_fraction * all_labels.size))
    split = all_labels.size - n_test
    return (
        SpikeData(all_times[:split], all_labels[:split], config.steps),
        SpikeData(all_times[split:], all_labels[split:], config.steps),
    )
