"""Noise as GAN Lab draws it: uniform spreads the generator's inputs evenly over [0, 1],
gaussian (mean 0.5, sd 0.25, truncated at 2 sd) concentrates them near the centre.

Calibration (seeds 0-23, 20,000 vectors; ``python -m labs.gan.calibrate --only noise``):
share of vectors in the central box [0.25, 0.75]^dim: uniform 1-D 0.492-0.507, 2-D
0.245-0.254; gaussian 1-D 0.710-0.721, 2-D 0.504-0.518 (exact: 0.5, 0.25, 0.715, 0.511).
Threshold: within 0.02 of the exact value (largest deviation observed 0.0076). Mean off 0.5
by at most 0.0048 -> 0.01; sd 0.2869-0.2902 (uniform, exact 0.2887) and 0.2183-0.2213
(gaussian, exact 0.2199) -> exact +- 0.005.
"""
from __future__ import annotations

import numpy as np
import pytest

from labs.gan.contract import probe_sample_noise
from labs.gan.spec_cases import check

N = 20000
EXACT_SD = {"uniform": 1 / np.sqrt(12), "gaussian": 0.25 * 0.879626}  # truncated at 2 sd


@pytest.mark.parametrize("kind", ["uniform", "gaussian"])
@pytest.mark.parametrize("dim", [1, 2])
def test_noise_lives_in_the_unit_interval_centred_on_half(gan, spec_seed, kind, dim):
    """Noise lies in [0, 1], centred on 0.5.

    Fails on: gaussian noise not truncated at 2 sd (values outside [0, 1];
    tests/submissions/td2_gan/wrong_untruncated_noise_round_ring_one_d_update); noise in [-1, 1]."""
    noise = gan.sample_noise(kind, dim, N, spec_seed)
    assert noise.min() >= 0.0 and noise.max() <= 1.0, (
        f"{kind} noise should lie in [0, 1] (gaussian: truncated at 2 sd of 0.25 around 0.5); "
        f"measured values from {noise.min():.3f} to {noise.max():.3f}")
    assert np.allclose(noise.mean(axis=0), 0.5, atol=0.01) and \
        np.allclose(noise.std(axis=0), EXACT_SD[kind], atol=0.005), (
        f"{dim}-D {kind} noise should have mean 0.5 and sd {EXACT_SD[kind]:.4f} per coordinate; "
        f"measured mean {np.round(noise.mean(axis=0), 4).tolist()}, sd "
        f"{np.round(noise.std(axis=0), 4).tolist()}")


@pytest.mark.parametrize("dim", [1, 2])
def test_gaussian_noise_concentrates_near_the_centre(gan, spec_seed, dim):
    """Gaussian noise concentrates near the centre; uniform noise spreads evenly.

    Fails on: gaussian noise not truncated at 2 sd
    (tests/submissions/td2_gan/wrong_untruncated_noise_round_ring_one_d_update); uniform noise
    where gaussian is asked."""
    holds, message = check(gan, f"noise_centre[{dim}]", spec_seed)
    assert holds, message


@pytest.mark.parametrize("kind", ["uniform", "gaussian"])
def test_noise_is_seeded(gan, spec_seed, kind):
    """The same seed gives the same noise.

    Fails on: a sampler that ignores its seed (numpy's global state, or one fixed seed for every
    call)."""
    first, again = gan.call(probe_sample_noise, kind, 2, 300, spec_seed, repeat=2)
    other = gan.sample_noise(kind, 2, 300, spec_seed + 1)
    assert np.array_equal(first, again), f"sample_noise({kind!r}, seed={spec_seed}) changed between calls"
    assert not np.array_equal(first, other), (
        f"sample_noise({kind!r}) gave the same noise for seeds {spec_seed} and {spec_seed + 1}")
