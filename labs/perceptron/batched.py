"""Many perceptron runs at once: the same algorithm as ``train``, vectorised across runs.

Run k starts from ``default_rng(seeds[k]).random(3)`` and learns with ``coeffs[k]``, so
row k equals ``train(desired, coeffs[k], iterations, seeds[k])`` (to rounding, 1e-12).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from labs.perceptron.gates import INPUTS, desired_outputs
from labs.perceptron.train import check_hyperparameters, initial_weights


@dataclass(frozen=True)
class BatchResult:
    weights: np.ndarray  # (K, 3)
    errors: np.ndarray | None  # (K, iterations), or None when not recorded


def train_many(desired, coeffs: float | Sequence[float], iterations: int,
               seeds: Sequence[int], record_errors: bool = True) -> BatchResult:
    """K = len(seeds) runs; ``coeffs`` is one number or one per run."""
    target = desired_outputs(desired)
    seeds = list(seeds)
    runs = len(seeds)
    if runs == 0:
        raise ValueError("seeds must name at least one run")
    coeff = np.broadcast_to(np.asarray(coeffs, dtype=float), (runs,)).copy()
    for value in np.unique(coeff):
        check_hyperparameters(float(value), iterations)
    weights = np.stack([initial_weights(seed) for seed in seeds])
    w0, w1, w2 = (np.ascontiguousarray(weights[:, j]) for j in range(3))
    errors = np.empty((runs, iterations)) if record_errors else None
    y, delta, worst = np.empty(runs), np.empty(runs), np.empty(runs)
    patterns = [(bool(x1), bool(x2), float(d)) for (x1, x2), d in zip(INPUTS, target)]
    for iteration in range(iterations):
        worst.fill(0.0)
        for x1, x2, d in patterns:
            # y = -w0 + x1*w1 + x2*w2 with x in {0, 1}: add only the active inputs
            np.negative(w0, out=y)
            if x1:
                y += w1
            if x2:
                y += w2
            # delta = d - sigmoid(y), sigmoid(y) = (1 + tanh(y/2)) / 2, all in place
            y *= 0.5
            np.tanh(y, out=delta)
            delta += 1.0
            delta *= -0.5
            delta += d
            np.abs(delta, out=y)
            np.maximum(worst, y, out=worst)
            delta *= coeff
            w0 -= delta
            if x1:
                w1 += delta
            if x2:
                w2 += delta
        if errors is not None:
            errors[:, iteration] = worst
    return BatchResult(weights=np.stack([w0, w1, w2], axis=1), errors=errors)
