"""A multi-layer perceptron that solves XOR, which the report shows one neuron cannot.

One hidden layer of sigmoid neurons and a sigmoid output, trained by full-batch gradient
descent on the cross-entropy (backpropagation written out in numpy: for a 2-H-1 network
on four patterns it is a dozen lines, and torch would add nothing but start-up time).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from labs.perceptron.gates import INPUTS, desired_outputs
from labs.perceptron.train import check_hyperparameters, sigmoid


@dataclass(frozen=True)
class MLPResult:
    hidden_weights: np.ndarray  # (2, hidden)
    hidden_bias: np.ndarray  # (hidden,)
    output_weights: np.ndarray  # (hidden,)
    output_bias: float
    losses: np.ndarray  # (iterations,): mean cross-entropy before each update

    def predict(self, inputs=INPUTS) -> np.ndarray:
        hidden = sigmoid(np.asarray(inputs, dtype=float) @ self.hidden_weights + self.hidden_bias)
        return sigmoid(hidden @ self.output_weights + self.output_bias)


def train_mlp(desired, hidden: int = 2, coeff: float = 2.0, iterations: int = 2000,
              seed: int | None = None) -> MLPResult:
    """Train a 2-``hidden``-1 network on a gate; weights start normal(0, 1) from ``seed``."""
    target = desired_outputs(desired)
    check_hyperparameters(coeff, iterations)
    if isinstance(hidden, bool) or not isinstance(hidden, (int, np.integer)) or hidden < 1:  # pragma: no mutate (bad input: the contract leaves it free)
        raise ValueError(f"hidden must be an integer >= 1, got {hidden!r}")
    rng = np.random.default_rng(seed)
    w1, b1 = rng.normal(size=(2, hidden)), rng.normal(size=hidden)
    w2, b2 = rng.normal(size=hidden), float(rng.normal())
    x = INPUTS
    losses = np.empty(iterations)
    for step in range(iterations):
        h = sigmoid(x @ w1 + b1)
        out = sigmoid(h @ w2 + b2)
        clipped = np.clip(out, 1e-12, 1 - 1e-12)
        losses[step] = -np.mean(target * np.log(clipped) + (1 - target) * np.log(1 - clipped))
        grad_out = (out - target) / len(x)  # d(cross-entropy)/d(pre-activation) of the output
        grad_h = np.outer(grad_out, w2) * h * (1 - h)
        w2 = w2 - coeff * h.T @ grad_out
        b2 = b2 - coeff * grad_out.sum()
        w1 = w1 - coeff * x.T @ grad_h
        b1 = b1 - coeff * grad_h.sum(axis=0)
    return MLPResult(w1, b1, w2, b2, losses)
