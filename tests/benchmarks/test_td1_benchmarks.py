"""TD 1 benchmarks (``pytest --benchmark``; skipped in the everyday run).

The headline number: ``train_many`` (10,000 runs of 1,000 iterations, per-run seeds and
coeffs, through the public API) against ``train``, the per-sample loop, measured in
interleaved rounds in this process (one ``train_many``, then a few ``train`` runs, and again),
both in wall time and in CPU time; ``extra_info`` holds the min and median ratio over rounds
and the machine. On a loaded machine trust the CPU-time ratio more: wall time then measures
the other processes too.

The bound. Per update (one run, one pattern) the compiled loop (``labs/perceptron/_kernel.c``)
executes 12 to 14 multiplies or fused multiply-adds (counted in the AVX-512 loops GCC emits:
exp's reduction 3, its rational form 6, the scaling 1, the step 1, the weights 1 or 2), about
10 other floating-point operations and one division, vectorised over 8 runs (AVX-512) or 4
(AVX2). A Zen 4 core issues at most 8 double-precision multiply-adds per cycle (two 256-bit
FMA pipes; a 512-bit operation takes both), so a 1000-iteration run (4,000 updates) needs at
least 4,000 x 13 / 8 = 6,500 cycles: 1.8 us at the 3.64 GHz measured on the project's 2-core
AMD EPYC (Zen 4, AVX-512), 0.9 us with both cores. Measured there (load average 20 to 28,
other jobs running): 0.70 ns of CPU per update, 2.8-3.0 us per run with the seeding (0.06 us),
so about 62% of the one-core bound, against 3.9-4.2 ms of CPU for one ``train``: 1,321 /
1,344x (min / median over rounds) in CPU time, 891 / 975x in wall time under that load. The
loop splits the runs over the free cores, so on an idle 2-core machine the wall ratio can be
up to twice the CPU one. Without a C compiler, the numpy loop (``backend="numpy"``): 345x in
CPU time.
"""
from __future__ import annotations

import statistics
import time

import numpy as np
import pytest

from labs.perceptron import train, train_many
from labs.perceptron.batched import compiled_kernel
from labs.perceptron.report_loop import train_report_loop
from labs.suite.devices import best_seconds, per
from labs.torch_threads import torch_threads

SWEEP_RUNS = 10_000
ROUNDS = 7
TRAIN_RUNS_PER_ROUND = 3


def test_report_loop_one_run(benchmark):
    benchmark(train_report_loop, [0, 0, 0, 1], 0.7, 1000, 0)


def test_train_one_run(benchmark):
    benchmark(train, "AND", 0.7, 1000, 0)


def _timed(function, *args, **kwargs) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process: every thread) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args, **kwargs)
    return time.perf_counter() - wall, time.process_time() - cpu


def _spread(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 1), "median": round(statistics.median(values), 1)}


@pytest.mark.parametrize("backend", ["compiled", "numpy"])
def test_train_many_sweep_10000_runs(benchmark, machine, backend):
    if backend == "compiled" and compiled_kernel() is None:
        pytest.skip("the compiled loop was not built (no C compiler at install time)")
    seeds = range(SWEEP_RUNS)
    coeffs = np.geomspace(0.01, 10.0, SWEEP_RUNS)
    sweep_args = ("AND", coeffs, 1000, seeds)
    sweep_kwargs = {"record_errors": False, "backend": backend}
    result = benchmark.pedantic(train_many, args=sweep_args, kwargs=sweep_kwargs,
                                rounds=3, iterations=1)
    assert result.weights.shape == (SWEEP_RUNS, 3)
    # interleaved rounds, so that a change of load hits both sides of each ratio alike
    wall_ratios, cpu_ratios = [], []
    for round_index in range(ROUNDS if backend == "compiled" else 2):
        sweep_wall, sweep_cpu = _timed(train_many, *sweep_args, **sweep_kwargs)
        singles = [_timed(train, "AND", float(coeffs[seed * 997]), 1000, seed)
                   for seed in range(round_index, round_index + TRAIN_RUNS_PER_ROUND)]
        wall_ratios.append(min(s[0] for s in singles) / (sweep_wall / SWEEP_RUNS))
        cpu_ratios.append(min(s[1] for s in singles) / (sweep_cpu / SWEEP_RUNS))
    benchmark.extra_info.update(
        machine=machine, backend=backend,
        instruction_set=compiled_kernel().instruction_set() if backend == "compiled" else "numpy",
        per_run_us=benchmark.stats.stats.min / SWEEP_RUNS * 1e6,
        speedup_vs_train_wall=_spread(wall_ratios), speedup_vs_train_cpu=_spread(cpu_ratios))


def test_train_many_convergence_map(benchmark):
    from labs.perceptron.reproduce import convergence_map
    benchmark(convergence_map, "AND", 0)


def test_train_many_one_million_runs_on_gpu(benchmark, device):
    """A million runs of 1,000 iterations on a GPU, 3 rounds (1,000 runs of 100 iterations on
    the CPU: ``labs.suite.devices``); the first runs equal the float64 CPU batch to 1e-10."""
    from labs.perceptron.batched_torch import train_many_torch

    runs, iterations = device.size(tiny=1_000, full=1_000_000), device.size(tiny=100, full=1000)

    def sweep():
        result = train_many_torch("AND", 0.7, iterations, runs=runs, device=device.name)
        device.synchronize()
        return result

    # one CPU thread: the GPU needs no more to launch its kernels, and on a busy machine two
    # made the tiny CPU run 10 times slower (load average 9: 0.37-0.47 s against 0.04-0.05 s)
    with torch_threads(1):
        result = benchmark.pedantic(sweep, rounds=3, iterations=1)
    seconds = best_seconds(benchmark)
    benchmark.extra_info.update(device=device.name, runs=runs, iterations=iterations,
                                runs_per_second=per(runs, seconds),
                                per_run_ns=seconds / runs * 1e9 if seconds else None)
    assert result.weights.shape == (runs, 3) and np.all(np.isfinite(result.weights))
    # runs=N draws the starting weights of run k the same way for every N: the first runs
    # are those of a small CPU batch
    with torch_threads(1):
        first = train_many_torch("AND", 0.7, iterations, runs=8)
    np.testing.assert_allclose(result.weights[:8], first.weights, rtol=0, atol=1e-10)
