"""TD 2 benchmarks (``pytest --benchmark``; skipped in the everyday run).

GAN Lab's ring preset: one training step, a short run, and a seed sweep. The sweep's
headline number is its speed-up over training the same seeds one after the other, measured
side by side in this process and stored in ``extra_info`` (reported, not asserted). Also one
image from the miniature StyleGAN generator.
"""
from __future__ import annotations

import time

import pytest

from labs.gan.config import make_config
from labs.gan.sweep import train_gan_seeds
from labs.gan.train import initial_state, train_gan, training_step
from labs.torch_threads import torch_threads

RING = {"preset": "ring", "steps": 200}
SWEEP_SEEDS = 24
SEQUENTIAL_SEEDS = 3  # seeds trained one by one for the sweep's comparison


def test_gan_one_training_step(benchmark):
    state = initial_state(make_config("ring"))
    with torch_threads(1):
        out = benchmark(training_step, state)
    assert out["d_loss"].isfinite()


def test_gan_ring_run_200_steps(benchmark):
    run = benchmark.pedantic(train_gan, args=(RING,), rounds=3, iterations=1)
    assert len(run.history["d_loss"]) == RING["steps"]


def test_gan_seed_sweep_24_seeds(benchmark):
    runs = benchmark.pedantic(train_gan_seeds, args=(RING, range(SWEEP_SEEDS)),
                              rounds=3, iterations=1)
    assert len(runs) == SWEEP_SEEDS
    # side by side, same process: the same seeds trained one after the other
    sequential = []
    for seed in range(SEQUENTIAL_SEEDS):
        start = time.perf_counter()
        train_gan({**RING, "seed": seed})
        sequential.append(time.perf_counter() - start)
    sweep = benchmark.stats.stats.min
    benchmark.extra_info.update(sweep_s=sweep, sweep_per_seed_ms=sweep / SWEEP_SEEDS * 1e3,
                                sequential_per_seed_ms=min(sequential) * 1e3,
                                speedup_vs_sequential=min(sequential) * SWEEP_SEEDS / sweep)


def test_stylegan_miniature_one_image(benchmark):
    from labs.stylegan.generate import generate
    from labs.stylegan.miniature import miniature_generator

    G = miniature_generator()
    image = benchmark(generate, G, 0)
    assert image.shape == (G.img_resolution, G.img_resolution, 3)


@pytest.mark.gpu
def test_gan_seed_sweep_24_seeds_on_gpu(benchmark):
    runs = benchmark.pedantic(train_gan_seeds, args=(RING, range(SWEEP_SEEDS)),
                              kwargs={"device": "cuda"}, rounds=3, iterations=1)
    assert len(runs) == SWEEP_SEEDS
    benchmark.extra_info["sweep_per_seed_ms"] = benchmark.stats.stats.min / SWEEP_SEEDS * 1e3
