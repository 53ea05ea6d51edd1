"""``train_many`` in torch, for a GPU: the same half-weight algebra as ``batched.py``.

On CUDA a million runs fit in a few dozen MB; each update is a few element-wise kernels.
In float64 on the CPU it equals ``train`` to rounding (tested); on a GPU the float64 tanh
may differ from numpy's by an ulp, so GPU results match to about 1e-12, not to the bit.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import torch

from labs.perceptron.batched import BatchResult
from labs.perceptron.gates import INPUTS, desired_outputs
from labs.perceptron.seeded_weights import initial_weights_many
from labs.perceptron.train import check_hyperparameters


def train_many_torch(desired, coeffs: float | Sequence[float], iterations: int,
                     seeds: Sequence[int] | None = None, runs: int | None = None,
                     device: str = "cpu", record_errors: bool = False) -> BatchResult:
    """Like ``train_many``; give ``seeds``, or ``runs`` to draw all initial weights at once
    from ``default_rng(0)`` (a million seeded generators would cost more than the training)."""
    target = desired_outputs(desired)
    if seeds is not None:
        start = initial_weights_many(seeds)
    elif runs:
        start = np.random.default_rng(0).random((runs, 3))
    else:
        raise ValueError("give seeds or a positive number of runs")
    count = len(start)
    coeff = np.broadcast_to(np.asarray(coeffs, dtype=float), (count,))
    for value in np.unique(coeff):
        check_hyperparameters(float(value), iterations)
    half = torch.as_tensor(start.T * 0.5, device=device).contiguous()
    u0, u1, u2 = half[0], half[1], half[2]
    a = torch.as_tensor(coeff * 0.25, device=device)
    t, step = torch.empty_like(a), torch.empty_like(a)
    errors = torch.empty((count, iterations), dtype=torch.float64, device=device) \
        if record_errors else None
    delta_abs, worst = torch.empty_like(a), torch.empty_like(a)
    patterns = [(bool(x1), bool(x2), d == 1.0) for (x1, x2), d in zip(INPUTS, target)]
    for iteration in range(iterations):
        if errors is not None:
            worst.zero_()
        for x1, x2, one in patterns:
            torch.neg(u0, out=t)
            if x1:
                t += u1
            if x2:
                t += u2
            t.tanh_()
            if one:
                torch.sub(1.0, t, out=step)  # 1 - t; |delta| = step/2
            else:
                torch.add(t, 1.0, out=step)  # 1 + t; |delta| = step/2
            if errors is not None:
                torch.maximum(worst, step, out=worst)
            if not one:
                step.neg_()
            step *= a
            u0 -= step
            if x1:
                u1 += step
            if x2:
                u2 += step
        if errors is not None:
            torch.mul(worst, 0.5, out=delta_abs)
            errors[:, iteration] = delta_abs
    weights = (half * 2.0).T.cpu().numpy().copy()
    return BatchResult(weights=weights, errors=None if errors is None else errors.cpu().numpy())
