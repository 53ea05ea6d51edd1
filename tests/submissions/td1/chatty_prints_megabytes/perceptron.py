"""A correct perceptron that prints every update (megabytes of output over a grading run)."""
import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    w = np.random.default_rng(seed).random(3)
    x = np.array([[-1, 0, 0], [-1, 0, 1], [-1, 1, 0], [-1, 1, 1]], dtype=float)
    errors, history = np.zeros(iterations), [w.copy()]
    for it in range(iterations):
        for p in range(4):
            delta = desired[p] - 1 / (1 + np.exp(-(x[p] @ w)))
            w = w + coeff * x[p] * delta
            history.append(w.copy())
            errors[it] = max(errors[it], abs(delta))
            print(f"iteration {it} pattern {p}: delta {delta!r} weights {w!r} " + "." * 200)
    return {"weights": w, "errors": errors, "weight_history": np.array(history)}
