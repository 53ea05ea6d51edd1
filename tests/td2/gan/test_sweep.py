"""The batched seed sweep (labs.gan.sweep) against sequential runs."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from labs.gan.config import make_config
from labs.gan.sweep import train_gan_seeds
from labs.gan.train import train_gan

CONFIG = dict(steps=12, eval_every=12)


def test_a_sweep_of_one_seed_is_train_gan_to_the_bit():
    swept = train_gan_seeds(make_config("ring", **CONFIG), [3])[0]
    single = train_gan(make_config("ring", seed=3, **CONFIG))
    for a, b in zip(swept.g_params + swept.d_params, single.g_params + single.d_params):
        assert torch.equal(a, b)
    for name in ("d_loss", "g_loss", "g_grad_norm", "js"):
        assert np.array_equal(swept.history[name], single.history[name]), name


@pytest.mark.parametrize("preset, extra", [("gaussians", {"d_optimizer": "adam"}),
                                           ("line", {"noise_dim": 1})])
def test_each_run_of_a_sweep_is_its_sequential_run_to_the_bit(preset, extra):
    seeds = [0, 1, 2, 7, 11]  # odd and even positions: torch's kernels differ by alignment
    runs = train_gan_seeds(make_config(preset, **CONFIG, **extra), seeds)
    for seed, run in zip(seeds, runs):
        single = train_gan(make_config(preset, seed=seed, **CONFIG, **extra))
        assert run.config.seed == seed
        for a, b in zip(run.g_params + run.d_params, single.g_params + single.d_params):
            assert torch.equal(a, b), f"seed {seed}"
        for name in ("d_loss", "g_loss", "d_accuracy", "js"):
            assert np.array_equal(run.history[name], single.history[name]), (seed, name)


def test_a_sweep_needs_seeds():
    with pytest.raises(ValueError, match="at least one run"):
        train_gan_seeds(make_config("ring", **CONFIG), [])
