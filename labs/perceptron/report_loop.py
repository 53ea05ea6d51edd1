"""The report's own program, transcribed: numpy arrays, one pattern at a time.

``perceptron_learn.py`` as the report describes it (lists of inputs, a numpy weight vector,
``1 / (1 + exp(-y))``, the update ``w + coeff * input * delta``). It is the baseline the
benchmarks measure ``train`` and ``train_many`` against; it computes the same run as
``train`` (to rounding).
"""
from __future__ import annotations

import numpy as np

from labs.perceptron.gates import COEFF, ITERATIONS


def train_report_loop(desired, coeff: float = COEFF, iterations: int = ITERATIONS,
                      seed: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(weights, errors) as the report's loop computes them."""
    input_value = np.array([[-1, 0, 0], [-1, 0, 1], [-1, 1, 0], [-1, 1, 1]], dtype=float)
    weights = np.random.default_rng(seed).random(3)
    errors = []
    for _ in range(iterations):
        out = np.zeros(4)
        worst = 0.0
        for j in range(4):
            y = np.dot(input_value[j], weights)
            out[j] = 1.0 / (1.0 + np.exp(-y))
            delta = desired[j] - out[j]
            weights = weights + coeff * input_value[j] * delta
            worst = max(worst, abs(delta))
        errors.append(worst)
    return weights, np.array(errors)
