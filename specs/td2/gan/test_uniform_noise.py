"""Uniform noise gives every starting point the same chance: it spreads the generator's
inputs evenly over [0, 1] (gaussian noise concentrates them near the centre).

Measure: 20,000 noise vectors of 1 and 2 dimensions in 10 equal bins per dimension, and
the chi-square test of equal counts (scipy.stats.chisquare).

Calibration (seeds 0-23, 1-D and 2-D): smallest p-value 0.00093; gaussian noise gives p = 0
(to double precision). Threshold: p >= 1e-6, so that a correct sampler fails about once in
a million seeds.
"""
from __future__ import annotations

import numpy as np
import pytest

N = 20000
BINS = 10
P_AT_LEAST = 1e-6


@pytest.mark.parametrize("dim", [1, 2])
def test_uniform_noise_spreads_evenly(gan, spec_seed, dim):
    """Uniform noise spreads evenly over [0, 1].

    Fails on: gaussian noise clipped to [0, 1] where uniform is asked
    (tests/claims/test_new_specs_can_fail.py)."""
    from scipy.stats import chisquare  # imported here: scipy.stats is slow to import

    noise = gan.sample_noise("uniform", dim, N, spec_seed)
    counts = np.histogramdd(noise, bins=[BINS] * dim, range=[(0.0, 1.0)] * dim)[0].ravel()
    p_value = chisquare(counts).pvalue
    assert p_value >= P_AT_LEAST, (
        f"uniform noise should spread evenly over [0, 1]^{dim}: counts in {BINS}^{dim} equal "
        f"bins from {int(counts.min())} to {int(counts.max())} (expected {N / counts.size:.0f} "
        f"each), chi-square p-value {p_value:.2g}, expected >= {P_AT_LEAST:g}")
