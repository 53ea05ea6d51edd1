from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron import train
from labs.perceptron.batched_torch import train_many_torch
from labs.torch_threads import torch_threads


def test_torch_batch_equals_train_on_cpu():
    coeffs, seeds = np.geomspace(0.01, 10, 6), list(range(6))
    batch = train_many_torch("XOR", coeffs, 300, seeds, record_errors=True)
    for k in range(6):
        single = train("XOR", coeffs[k], 300, seeds[k])
        np.testing.assert_allclose(batch.weights[k], single.weights, rtol=0, atol=1e-12)
        np.testing.assert_allclose(batch.errors[k], single.errors, rtol=0, atol=1e-12)


def test_torch_batch_needs_runs():
    with pytest.raises(ValueError, match="give seeds or a positive number of runs"):
        train_many_torch("AND", 0.7, 10)


def test_torch_batch_on_the_device_matches_cpu(device):
    """The batch on ``device`` equals the float64 batch on the CPU to 1e-10 (a GPU's tanh may
    differ from numpy's by an ulp). Sizes: 64 seeds x 1,000 iterations on a GPU; 8 x 100 on
    the CPU (labs.suite.devices)."""
    seeds = list(range(device.size(tiny=8, full=64)))
    iterations = device.size(tiny=100, full=1000)
    with torch_threads(1):  # tiny tensors: more threads only spin on a busy machine
        cpu = train_many_torch("AND", 0.7, iterations, seeds)
        there = train_many_torch("AND", 0.7, iterations, seeds, device=device.name)
    np.testing.assert_allclose(there.weights, cpu.weights, rtol=0, atol=1e-10)
