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


def test_each_run_of_a_sweep_is_its_seed():
    seeds = [0, 1, 2, 7]
    runs = train_gan_seeds(make_config("gaussians", **CONFIG), seeds)
    for seed, run in zip(seeds, runs):
        single = train_gan(make_config("gaussians", seed=seed, **CONFIG))
        assert run.config.seed == seed
        # the first step starts from the same weights and data: equal to float32 rounding
        # (batched matmul may round differently, see labs/gan/sweep.py)
        np.testing.assert_allclose(run.history["d_loss"][0], single.history["d_loss"][0], rtol=1e-5)
        assert run.history["js"][0] == pytest.approx(single.history["js"][0], abs=1e-3)


def test_a_sweep_needs_seeds():
    with pytest.raises(ValueError, match="at least one run"):
        train_gan_seeds(make_config("ring", **CONFIG), [])
