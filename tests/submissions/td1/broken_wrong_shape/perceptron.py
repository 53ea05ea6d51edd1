"""Right algorithm, but returns the errors of every single update (4 per iteration) instead
of one per iteration, and the weights as a column."""
import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    w = np.random.default_rng(seed).random(3)
    x = np.array([[-1, 0, 0], [-1, 0, 1], [-1, 1, 0], [-1, 1, 1]], dtype=float)
    errors = []
    for _ in range(iterations):
        for p in range(4):
            delta = desired[p] - 1 / (1 + np.exp(-(x[p] @ w)))
            w = w + coeff * x[p] * delta
            errors.append(abs(delta))
    return w.reshape(3, 1), errors
