"""A correct TD 1 submission under its own names (see submission.toml), returning a tuple."""
import numpy as np


def entrainer(desired, coeff, iterations, seed):
    w = np.random.default_rng(seed).random(3)
    x = np.array([[-1, 0, 0], [-1, 0, 1], [-1, 1, 0], [-1, 1, 1]], dtype=float)
    errors = np.zeros(iterations)
    for it in range(iterations):
        for p in range(4):
            delta = desired[p] - 1 / (1 + np.exp(-(x[p] @ w)))
            w = w + coeff * x[p] * delta
            errors[it] = max(errors[it], abs(delta))
    return w, errors
