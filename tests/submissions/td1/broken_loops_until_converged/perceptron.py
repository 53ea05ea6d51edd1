"""Loops "until converged" instead of for a fixed number of iterations: XOR never converges,
so those calls never return (the grader's per-call timeout stops them); AND and OR are right."""
import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    w = np.random.default_rng(seed).random(3)
    x = np.array([[-1, 0, 0], [-1, 0, 1], [-1, 1, 0], [-1, 1, 1]], dtype=float)
    errors = []
    while len(errors) < iterations or errors[-1] > 0.05:
        worst = 0.0
        for p in range(4):
            delta = desired[p] - 1 / (1 + np.exp(-(x[p] @ w)))
            w = w + coeff * x[p] * delta
            worst = max(worst, abs(delta))
        errors.append(worst)
    return w, errors
