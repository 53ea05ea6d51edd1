"""Seed -> latent: exactly gen_images.py's ``numpy.random.RandomState(seed).randn(1, z_dim)``.

Deterministic (no calibration needed): the latent of a seed is one fixed float64 array; the
specs require it bit for bit. Seeds other than the report's are offset by --spec-seed.
"""
from __future__ import annotations

import numpy as np
import pytest

REPORT_SEEDS = (2, 674, 1024)


@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_latent_is_float64_of_shape_1_by_512(stylegan, seed):
    """The latent is float64, of shape (1, 512).

    Fails on: a float32 latent (tests/submissions/td2_stylegan/wrong_global_seed_float32); a
    latent of shape (512,)."""
    z = stylegan.latent(seed, 512)["z"]
    assert z.shape == (1, 512), (f"seed_to_z({seed}, 512) returned shape {z.shape}; gen_images.py "
                                 "draws randn(1, z_dim): expected (1, 512)")
    assert z.dtype == np.float64, (
        f"seed_to_z({seed}, 512) returned {z.dtype}; gen_images.py's latent is numpy's float64 "
        "(the network casts it to float32 itself, so the image would not change, but the latent "
        "would no longer equal gen_images.py's)")


def test_report_seed_latents_match_golden(stylegan, golden):
    """The report's seeds (2, 674, 1024) give gen_images.py's latents.

    Fails on: a latent from numpy's default_rng instead of RandomState
    (tests/submissions/td2_stylegan/wrong_default_rng)."""
    latents = {f"seed{seed:04d}": stylegan.latent(seed, 512)["z"] for seed in REPORT_SEEDS}
    golden.check_values("td2/stylegan/latents.json", latents, rtol=0, atol=0)


def test_default_z_dim_is_512(stylegan):
    """seed_to_z's z_dim defaults to 512.

    Fails on: seed_to_z(seed, z_dim) with no default, or a default other than 512."""
    z = stylegan.latent(2)["z"]
    assert z.shape == (1, 512), (f"seed_to_z(2) returned shape {z.shape}; the default z_dim is "
                                 "512 (FFHQ StyleGAN3): expected (1, 512)")


@pytest.mark.parametrize("z_dim", [512, 8])
@pytest.mark.parametrize("base", [0, 7, 123_456, 2**32 - 10])
def test_latent_equals_the_numpy_convention(stylegan, spec_seed, base, z_dim):
    """The latent equals numpy.random.RandomState(seed).randn(1, z_dim).

    Fails on: a latent from default_rng (tests/submissions/td2_stylegan/wrong_default_rng) or
    from numpy's global state cast to float32
    (tests/submissions/td2_stylegan/wrong_global_seed_float32)."""
    seed = (base + spec_seed) % 2**32  # numpy's seeds go from 0 to 2**32 - 1
    z = stylegan.latent(seed, z_dim)["z"]
    expected = np.random.RandomState(seed).randn(1, z_dim)
    assert z.shape == expected.shape and np.array_equal(z, expected), (
        f"seed_to_z({seed}, {z_dim}) should equal numpy.random.RandomState({seed}).randn(1, "
        f"{z_dim}) exactly (gen_images.py's convention, so that a seed gives the same latent "
        f"here and there); first values measured {np.ravel(z)[:3]}, expected {expected[0, :3]}")


def test_drawing_a_latent_leaves_numpy_global_state_alone(stylegan, spec_seed):
    """Drawing a latent leaves numpy's global random state alone.

    Fails on: np.random.seed(seed) then np.random.randn
    (tests/submissions/td2_stylegan/wrong_global_seed_float32)."""
    changed = stylegan.latent(2 + spec_seed, 512)["global_state_changed"]
    assert not changed, (
        "seed_to_z changed numpy's global random state (np.random.seed?); gen_images.py draws "
        "from a private numpy.random.RandomState(seed), so drawing a latent never alters the "
        "randomness of other code")
