"""A common mistake: the update multiplies by the sigmoid's derivative (the lab's rule has none)."""
import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    w = np.random.default_rng(seed).random(3)
    x = np.array([[-1, 0, 0], [-1, 0, 1], [-1, 1, 0], [-1, 1, 1]], dtype=float)
    errors, history = np.zeros(iterations), [w.copy()]
    for it in range(iterations):
        for p in range(4):
            out = 1 / (1 + np.exp(-(x[p] @ w)))
            delta = desired[p] - out
            w = w + coeff * x[p] * delta * out * (1 - out)
            history.append(w.copy())
            errors[it] = max(errors[it], abs(delta))
    return {"weights": w, "errors": errors, "weight_history": np.array(history)}
