"""Many perceptron runs at once: the same algorithm as ``train``, vectorised across runs.

Run k starts from ``default_rng(seeds[k]).random(3)`` and learns with ``coeffs[k]``, so
row k equals ``train(desired, coeffs[k], iterations, seeds[k])`` to rounding (1e-12).

Two loops compute the same runs. The compiled one (``labs/perceptron/_kernel.c``, built at
install time) fuses each update into one pass over a cache-sized block of runs; it is the
default wherever it was built. The numpy one below is the fallback (and is tested the same
way): every update is a handful of in-place numpy operations on arrays of K runs, with no
temporaries; measured figures for both are in tests/benchmarks/test_td1_benchmarks.py.
Initial weights for all seeds come at once from ``labs.perceptron.seeded_weights``.

The algebra that keeps the numpy loop short: with half-weights u = w/2 (exact in binary
floating point) and t = tanh(y/2), sigmoid(y) = (1 + t)/2, so for d = 1 the update is
u += a*(1 - t)*x and for d = 0 it is u -= a*(1 + t)*x, with a = coeff/4; |delta| is half of
that same (1 -/+ t).
Inputs are 0 or 1, so inactive inputs cost nothing, and -u0 + u1 is one subtraction.
Measured, not assumed: splitting the numpy loop's runs into cache-sized blocks or over
threads made it slower (numpy's per-call overhead dominates at these sizes), so all runs go
in one pass; the compiled loop, which has no per-call overhead, does split them.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import ModuleType
from typing import Sequence

import numpy as np

from labs.perceptron.gates import INPUTS, desired_outputs
from labs.perceptron.seeded_weights import initial_weights_many
from labs.perceptron.train import check_hyperparameters

BACKENDS = ("compiled", "numpy")
THREAD_CHUNK = 2048  # runs per thread task: enough to amortise a task, small enough to balance


@dataclass(frozen=True)
class BatchResult:
    weights: np.ndarray  # (K, 3)
    errors: np.ndarray | None  # (K, iterations), or None when not recorded


def _train_in_place(half: np.ndarray, quarter_coeff: np.ndarray, target: np.ndarray,
                    iterations: int, errors: np.ndarray | None) -> None:
    """Train in place: ``half`` (3, n) holds w/2, ``errors`` (n, iterations) or None."""
    u0, u1, u2 = half
    a = quarter_coeff
    n = len(a)
    t, step = np.empty(n), np.empty(n)
    worst_one, worst_zero = np.empty(n), np.empty(n)
    patterns = [(bool(x1), bool(x2), d == 1.0) for (x1, x2), d in zip(INPUTS, target)]
    for iteration in range(iterations):
        if errors is not None:
            worst_one.fill(0.0)
            worst_zero.fill(0.0)
        for x1, x2, one in patterns:
            # tanh(y/2) with y/2 = -u0 + x1*u1 + x2*u2, summed in train's order; for (0, 0)
            # take t = tanh(u0) = -tanh(y/2) instead (tanh is odd), one operation fewer
            flipped = not (x1 or x2)
            if flipped:
                np.tanh(u0, out=t)
            else:
                np.subtract(u1 if x1 else u2, u0, out=t)
                if x1 and x2:
                    t += u2
                np.tanh(t, out=t)
            # step = 2*delta: d = 1 gives 1 - tanh(y/2) > 0, d = 0 gives -1 - tanh(y/2) < 0
            if one:
                np.add(t, 1.0, out=step) if flipped else np.subtract(1.0, t, out=step)
                if errors is not None:
                    np.maximum(worst_one, step, out=worst_one)
            else:
                np.subtract(t, 1.0, out=step) if flipped else np.subtract(-1.0, t, out=step)
                if errors is not None:
                    np.minimum(worst_zero, step, out=worst_zero)
            step *= a  # a * 2 delta = coeff * delta / 2: the step of the half-weights
            u0 -= step  # the bias input is -1
            if x1:
                u1 += step
            if x2:
                u2 += step
        if errors is not None:  # error = max |delta| = max |step| / 2
            np.negative(worst_zero, out=worst_zero)
            np.maximum(worst_one, worst_zero, out=worst_one)
            np.multiply(worst_one, 0.5, out=errors[:, iteration])


def compiled_kernel() -> ModuleType | None:
    """The compiled loop, or None where it was not built (no C compiler at install time)."""
    try:
        from labs.perceptron import _kernel
    except ImportError:
        return None
    return _kernel


def _train_numpy(weights: np.ndarray, coeff: np.ndarray, target: np.ndarray, iterations: int,
                 errors: np.ndarray | None) -> None:
    """The numpy loop with the compiled loop's signature: ``weights`` (K, 3) in place."""
    half = np.ascontiguousarray(weights.T) * 0.5  # (3, K), each row contiguous
    _train_in_place(half, coeff * 0.25, target, iterations, errors)
    weights[:] = (half * 2.0).T


def _train_compiled(kernel: ModuleType, weights: np.ndarray, coeff: np.ndarray,
                    target: np.ndarray, iterations: int, errors: np.ndarray | None) -> None:
    """Chunks of runs on the CPUs this process may use (the kernel releases the GIL)."""
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                  else os.cpu_count() or 1, -(-len(coeff) // THREAD_CHUNK))
    if workers <= 1:
        kernel.train(weights, coeff, target, iterations, errors)
        return
    chunks = [slice(start, start + THREAD_CHUNK) for start in range(0, len(coeff), THREAD_CHUNK)]
    with ThreadPoolExecutor(workers) as pool:
        # slices of C-contiguous rows stay C-contiguous, so the kernel writes in place
        list(pool.map(lambda part: kernel.train(weights[part], coeff[part], target, iterations,
                                                None if errors is None else errors[part]),
                      chunks))


def train_many(desired, coeffs: float | Sequence[float], iterations: int,
               seeds: Sequence[int], record_errors: bool = True,
               backend: str | None = None) -> BatchResult:
    """K = len(seeds) runs; ``coeffs`` is one number or one per run.

    Memory is O(K) unless ``record_errors`` (the default) asks for the (K, iterations) history.
    ``backend``: "compiled" or "numpy"; by default the compiled loop where it was built.
    """
    target = desired_outputs(desired)
    if not np.all((target == 0.0) | (target == 1.0)):
        raise ValueError(f"train_many needs desired outputs of 0 or 1, got {target.tolist()}")
    if backend not in (None, *BACKENDS):
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    seeds = seeds if isinstance(seeds, (range, np.ndarray)) else list(seeds)
    runs = len(seeds)
    if runs == 0:
        raise ValueError("seeds must name at least one run")
    coeff = np.ascontiguousarray(np.broadcast_to(np.asarray(coeffs, dtype=float), (runs,)))
    bad = ~(np.isfinite(coeff) & (coeff > 0))
    # one check names the first bad coeff (or checks iterations): a check per run costs 2 us
    check_hyperparameters(float(coeff[np.argmax(bad)] if bad.any() else coeff[0]), iterations)
    weights = initial_weights_many(seeds)  # (K, 3)
    errors = np.empty((runs, iterations)) if record_errors else None
    kernel = compiled_kernel() if backend != "numpy" else None
    if backend == "compiled" and kernel is None:
        raise RuntimeError("the compiled loop was not built; reinstall with a C compiler "
                           "(pip install -e .) or use backend='numpy'")
    if kernel is None:
        _train_numpy(weights, coeff, target, int(iterations), errors)
    else:
        _train_compiled(kernel, weights, coeff, target, int(iterations), errors)
    return BatchResult(weights=weights, errors=errors)
