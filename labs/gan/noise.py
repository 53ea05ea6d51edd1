"""The generator's input noise, drawn as GAN Lab draws it.

Uniform on [0, 1], or gaussian with mean 0.5 and sd 0.25 truncated at two standard
deviations (TensorFlow's ``truncatedNormal``: draws beyond 2 sd are redrawn), so both kinds
live in [0, 1]; 1-D or 2-D.
"""
from __future__ import annotations

import numpy as np

NOISE_KINDS = ("uniform", "gaussian")
GAUSSIAN_MEAN = 0.5
GAUSSIAN_SD = 0.25
TRUNCATION = 2.0  # in standard deviations, as tf.truncatedNormal


def check_noise(kind: str, dim: int) -> None:
    if kind not in NOISE_KINDS:
        raise ValueError(f"unknown noise {kind!r}; choose one of {', '.join(NOISE_KINDS)}")
    if isinstance(dim, bool) or dim not in (1, 2):
        raise ValueError(f"the noise dimension must be 1 or 2, got {dim!r}")


def sample_noise(kind: str, dim: int, n: int, seed: int | None = None) -> np.ndarray:
    """``n`` noise vectors of shape (n, dim) from ``default_rng(seed)``."""
    check_noise(kind, dim)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:  # pragma: no mutate (bad input: the contract leaves it free)
        raise ValueError(f"the number of noise vectors must be an integer >= 1, got {n!r}")
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        return rng.random((n, dim))
    from scipy.stats import truncnorm  # here, not at the top: 0.4 s of every CLI start-up

    return truncnorm.rvs(-TRUNCATION, TRUNCATION, loc=GAUSSIAN_MEAN, scale=GAUSSIAN_SD,
                         size=(n, dim), random_state=rng)
