"""TD 1 benchmarks (``pytest --benchmark``; skipped in the everyday run).

The headline number is the batched perceptron's cost per run against the report's own
per-sample loop, measured side by side in this process and stored in ``extra_info``.
"""
from __future__ import annotations

import time

import numpy as np
import pytest

from labs.perceptron import train, train_many
from labs.perceptron.report_loop import train_report_loop

SWEEP_RUNS = 10_000


def test_report_loop_one_run(benchmark):
    benchmark(train_report_loop, [0, 0, 0, 1], 0.7, 1000, 0)


def test_train_one_run(benchmark):
    benchmark(train, "AND", 0.7, 1000, 0)


def test_train_many_sweep_10000_runs(benchmark):
    seeds = range(SWEEP_RUNS)
    coeffs = np.geomspace(0.01, 10.0, SWEEP_RUNS)
    result = benchmark.pedantic(train_many, args=("AND", coeffs, 1000, seeds),
                                kwargs={"record_errors": False}, rounds=3, iterations=1)
    assert result.weights.shape == (SWEEP_RUNS, 3)
    # side by side, same process: the report's loop on a few runs
    loop_times = []
    for seed in range(5):
        start = time.perf_counter()
        train_report_loop([0, 0, 0, 1], 0.7, 1000, seed)
        loop_times.append(time.perf_counter() - start)
    per_run = benchmark.stats.stats.min / SWEEP_RUNS
    benchmark.extra_info.update(per_run_us=per_run * 1e6,
                                report_loop_ms=min(loop_times) * 1e3,
                                speedup_vs_report_loop=min(loop_times) / per_run)


def test_train_many_convergence_map(benchmark):
    from labs.perceptron.reproduce import convergence_map
    benchmark(convergence_map, "AND", 0)


@pytest.mark.gpu
def test_train_many_one_million_runs_on_gpu(benchmark):
    import torch

    from labs.perceptron.batched_torch import train_many_torch

    def sweep():
        result = train_many_torch("AND", 0.7, 1000, runs=1_000_000, device="cuda")
        torch.cuda.synchronize()
        return result

    result = benchmark.pedantic(sweep, rounds=3, iterations=1)
    benchmark.extra_info["per_run_ns"] = benchmark.stats.stats.min / 1e6 * 1e9
    assert np.all(np.isfinite(result.weights))
