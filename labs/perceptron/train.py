"""The one-neuron perceptron of TD 1, exactly as the report runs it.

Per iteration the four patterns are visited in order; for each one
``y = -w0 + x1*w1 + x2*w2``, ``out = sigmoid(y)``, ``delta = desired - out`` and at once
``w += coeff * [-1, x1, x2] * delta`` (online update, no sigmoid derivative). The error
of an iteration is the largest ``|delta|`` seen during it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from labs.perceptron.gates import COEFF, INPUTS, ITERATIONS, desired_outputs

BIAS_INPUT = -1.0


@dataclass(frozen=True)
class TrainResult:
    weights: np.ndarray  # (3,): w0 (bias weight), w1, w2
    errors: np.ndarray  # (iterations,): per iteration, the largest |delta|
    weight_history: np.ndarray  # (4*iterations + 1, 3): initial, then after every update


def sigmoid(y: float | np.ndarray) -> np.ndarray:
    # 1/(1+exp(-y)) overflows for very negative y; the tanh form is exact and bounded
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(y)))


def check_hyperparameters(coeff: float, iterations: int) -> None:
    if not (isinstance(coeff, (int, float)) and math.isfinite(coeff) and coeff > 0):
        raise ValueError(f"coeff must be a positive number, got {coeff!r}")
    if isinstance(iterations, bool) or not isinstance(iterations, (int, np.integer)) or iterations < 1:
        raise ValueError(f"iterations must be an integer >= 1, got {iterations!r}")


def initial_weights(seed: int | None) -> np.ndarray:
    """Uniform in [0, 1) from ``numpy.random.default_rng(seed)``."""
    return np.random.default_rng(seed).random(3)


def train(desired, coeff: float = COEFF, iterations: int = ITERATIONS,
          seed: int | None = None) -> TrainResult:
    """Train one neuron on a gate (a name such as "AND", or four desired outputs)."""
    target = desired_outputs(desired)
    check_hyperparameters(coeff, iterations)
    w0, w1, w2 = initial_weights(seed)
    history = np.empty((4 * iterations + 1, 3))
    history[0] = (w0, w1, w2)
    errors = np.empty(iterations)
    patterns = [(float(x1), float(x2), float(d)) for (x1, x2), d in zip(INPUTS, target)]
    row = 1
    # plain floats: for three weights, Python scalars beat numpy's per-call overhead
    for iteration in range(iterations):
        worst = 0.0
        for x1, x2, d in patterns:
            y = BIAS_INPUT * w0 + x1 * w1 + x2 * w2
            delta = d - 0.5 * (1.0 + math.tanh(0.5 * y))
            step = coeff * delta
            w0 += step * BIAS_INPUT
            w1 += step * x1
            w2 += step * x2
            history[row] = (w0, w1, w2)
            row += 1
            worst = max(worst, abs(delta))
        errors[iteration] = worst
    return TrainResult(weights=history[-1].copy(), errors=errors, weight_history=history)


def predict(weights, inputs=INPUTS) -> np.ndarray:
    """Sigmoid outputs of the neuron for inputs of shape (n, 2)."""
    w = np.asarray(weights, dtype=float)
    x = np.asarray(inputs, dtype=float)
    return sigmoid(BIAS_INPUT * w[0] + x @ w[1:])
