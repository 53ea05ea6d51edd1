"""The runs TD 2's GAN specs make, and the numbers they read, shared with ``calibrate``.

Each case is a function of the seed returning a plain config dict (what a student's
``train_gan`` receives); each measure turns probe results into one number. The specs and the
calibration script both use these, so the calibrated numbers are the asserted ones.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from labs.gan.config import make_config
from labs.gan.distributions import sample_real
from labs.gan.metrics import kl_js, local_flatness, spread

SAMPLES = 1500  # generated points per measurement
REAL_SEED = 12345  # the real points every JS is measured against (the measuring tool's own)
PRESET_STEPS = 500
BEHAVIOUR_STEPS = 200
STRONG_STEPS = 30
STRONG_SEEDS = 3  # one seed in about 20 starts with G's points on the line: take a median
STRONG_WINDOW = 10  # last steps whose median gradient norm is read


def describe(config: dict[str, Any]) -> str:
    """A short, readable name for a configuration, for assertion messages."""
    keys = ("distribution", "noise_dim", "noise", "g_layers", "g_neurons", "d_layers",
            "d_neurons", "d_optimizer", "d_lr", "g_optimizer", "g_lr", "loss", "k_d", "k_g",
            "steps", "seed")
    return "train_gan(" + ", ".join(f"{k}={config[k]}" for k in keys) + ")"


def config(preset: str | None = None, **overrides: Any) -> dict[str, Any]:
    return make_config(preset, **overrides).to_dict()


def preset_run(preset: str, seed: int, steps: int = PRESET_STEPS) -> dict[str, Any]:
    return config(preset, steps=steps, seed=seed, eval_every=max(1, steps))


PRESET_SEEDS = 3  # GAN Lab's own ring run fails on about 1 seed in 24: a typical run is a median


def preset_seeds(spec_seed: int) -> list[int]:
    return [PRESET_SEEDS * spec_seed + i for i in range(PRESET_SEEDS)]


def median_js_drop(train_seeds: Callable[[dict, list[int]], list[dict]], preset: str,
                   spec_seed: int) -> tuple[float, list[float], list[float]]:
    """The median over ``preset_seeds`` of (JS before training - JS after), and both lists.
    ``train_seeds(config, seeds)`` trains ``config`` once per seed (the probe's results)."""
    seeds = preset_seeds(spec_seed)
    start = [js_to_real(run["samples"], preset)
             for run in train_seeds(preset_run(preset, seeds[0], steps=0), seeds)]
    end = [js_to_real(run["samples"], preset)
           for run in train_seeds(preset_run(preset, seeds[0]), seeds)]
    return float(np.median(np.subtract(start, end))), start, end


def noise_dimension_run(dim: int, seed: int) -> dict[str, Any]:
    """The gaussians preset (a 2-D region) with 1-D or its own 2-D noise."""
    return config("gaussians", noise_dim=dim, steps=PRESET_STEPS, seed=seed, eval_every=PRESET_STEPS)


NOISE_1D_SEEDS = 5  # about 1 run in 7 collapses to a point: the spec needs one curve of 5


def noise_1d_seeds(spec_seed: int) -> list[int]:
    return [NOISE_1D_SEEDS * spec_seed + i for i in range(NOISE_1D_SEEDS)]


def no_hidden_layer_run(distribution: str, seed: int) -> dict[str, Any]:
    return config(distribution, g_layers=0, steps=PRESET_STEPS, seed=seed, eval_every=PRESET_STEPS)


UPDATE_RATIO_SEEDS = 3  # the spec averages over this many seeds: one seed's gap is too noisy
UPDATE_RATIO_WINDOW = slice(20, BEHAVIOUR_STEPS)


def update_ratio_seeds(spec_seed: int) -> list[int]:
    return [UPDATE_RATIO_SEEDS * spec_seed + i for i in range(UPDATE_RATIO_SEEDS)]


def update_ratio_run(k_d: int, seed: int) -> dict[str, Any]:
    """Gaussians preset, its discriminator on Adam 0.01 so that its updates count."""
    return config("gaussians", d_optimizer="adam", d_lr=0.01, k_d=k_d, steps=BEHAVIOUR_STEPS,
                  seed=seed, eval_every=BEHAVIOUR_STEPS)


def strong_discriminator_seeds(spec_seed: int) -> list[int]:
    return [STRONG_SEEDS * spec_seed + i for i in range(STRONG_SEEDS)]


def strong_discriminator_run(loss: str, seed: int) -> dict[str, Any]:
    """A discriminator far stronger than the generator: 3 x 30, Adam 0.03, 10 updates per
    step, against the ring preset's generator on SGD 0.001, on the line (a thin target the
    discriminator can wall off completely)."""
    return config("ring", distribution="line", loss=loss, d_layers=3, d_neurons=30,
                  d_optimizer="adam", d_lr=0.03, k_d=10, g_lr=0.001, steps=STRONG_STEPS,
                  seed=seed, eval_every=STRONG_STEPS)


MODE_SHARE_AT_LEAST = 0.1  # a mode is covered when this share of the points lies in it
GAUSSIANS_MODES = (((0.3, 0.7), (0.1, 0.1)), ((0.7, 0.4), (0.05, 0.2)))  # centre, sd


def modes_covered(samples: np.ndarray) -> int:
    """How many of the gaussians mixture's two modes hold at least ``MODE_SHARE_AT_LEAST`` of
    the points (a point belongs to the nearest mode within 2.5 of its sds)."""
    distances = np.stack([np.hypot((samples[:, 0] - cx) / sx, (samples[:, 1] - cy) / sy)
                          for (cx, cy), (sx, sy) in GAUSSIANS_MODES])
    inside, nearest = distances.min(axis=0) < 2.5, distances.argmin(axis=0)
    return int(sum(np.mean(inside & (nearest == mode)) >= MODE_SHARE_AT_LEAST
                   for mode in range(len(GAUSSIANS_MODES))))


def mode_collapse_run(strong: bool, seed: int) -> dict[str, Any]:
    """The gaussians preset, 200 steps, with its own discriminator or a far stronger one
    (3 x 30 on Adam 0.03, 10 updates per step)."""
    stronger = dict(d_layers=3, d_neurons=30, d_optimizer="adam", d_lr=0.03, k_d=10) if strong else {}
    return config("gaussians", steps=BEHAVIOUR_STEPS, seed=seed, eval_every=BEHAVIOUR_STEPS,
                  **stronger)


def generator_size_run(large: bool, seed: int, steps: int) -> dict[str, Any]:
    """The ring preset with its generator (2 x 10) or a much larger one (4 x 40)."""
    size = dict(g_layers=4, g_neurons=40) if large else {}
    return config("ring", steps=steps, seed=seed, eval_every=steps, **size)


LR_BALANCE_SEEDS = 3  # the spec takes the median gap over this many seeds


def lr_balance_seeds(spec_seed: int) -> list[int]:
    return [LR_BALANCE_SEEDS * spec_seed + i for i in range(LR_BALANCE_SEEDS)]


def lr_balance_run(unbalanced: bool, seed: int) -> dict[str, Any]:
    """The gaussians preset, 200 steps, its own rates (D 0.1, G 0.03) or the discriminator's
    cut to 0.001, so that the generator learns 30 times faster than it."""
    rates = dict(d_lr=0.001) if unbalanced else {}
    return config("gaussians", steps=BEHAVIOUR_STEPS, seed=seed, eval_every=BEHAVIOUR_STEPS, **rates)


def weak_discriminator_run(seed: int) -> dict[str, Any]:
    """A discriminator with no hidden layer (a straight line) on SGD 0.01, ring preset's G."""
    return config("ring", d_layers=0, d_lr=0.01, steps=BEHAVIOUR_STEPS, seed=seed,
                  eval_every=BEHAVIOUR_STEPS)


def determinism_run(seed: int) -> dict[str, Any]:
    return config("ring", steps=30, seed=seed, eval_every=30)


def js_to_real(samples: np.ndarray, distribution: str) -> float:
    """GAN Lab's JS divergence (bits) between generated points and the distribution."""
    return kl_js(sample_real(distribution, SAMPLES, REAL_SEED), samples)[1]


def flatness(samples: np.ndarray) -> float:
    return local_flatness(samples)


def extent(samples: np.ndarray) -> float:
    return spread(samples)


def late_mean(values: np.ndarray, last: int) -> float:
    return float(np.nanmean(values[-last:]))


def late_median(values: np.ndarray, last: int) -> float:
    return float(np.nanmedian(values[-last:]))


def line_coordinates(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Position along GAN Lab's line (0 at (0.8, 0.6), 1 at (0.05, 0.9)) and signed
    distance across it."""
    start, end = np.array([0.8, 0.6]), np.array([0.05, 0.9])
    direction = end - start
    length = np.linalg.norm(direction)
    offsets = points - start
    return offsets @ direction / length ** 2, offsets @ np.array([-direction[1], direction[0]]) / length


def ring_radius(points: np.ndarray) -> np.ndarray:
    """Distance from the ring's centre in units of its radii (1 on the ellipse)."""
    return np.hypot((points[:, 0] - 0.5) / 0.3, (points[:, 1] - 0.45) / 0.25)


def central_fraction(noise: np.ndarray) -> float:
    """Share of noise vectors in the central box [0.25, 0.75]^dim."""
    return float(np.mean(np.all(np.abs(noise - 0.5) <= 0.25, axis=1)))


CHANCE_D_LOSS = 1.95 * np.log(2.0)  # log loss of a discriminator answering 0.5 everywhere
