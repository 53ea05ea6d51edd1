"""Names the function `training` instead of `train` (and has no submission.toml to map it)."""
import numpy as np


def training(desired, coeff=0.7, iterations=1000, seed=None):
    return np.zeros(3), np.zeros(iterations)
