"""The real distributions are GAN Lab's: same shapes, same places, same noise.

Calibration (seeds 0-23, 20,000 points each; ``python -m labs.gan.calibrate --only
real_distributions``), observed range -> threshold:
- line: mean position along 0.497-0.505 -> 0.5 +- 0.02; sd across 0.00990-0.01007 ->
  0.01 +- 0.001; largest |distance across| 0.036-0.047 (the positions along stay in [0, 1]).
- gaussians: mean off (0.5, 0.55) by at most 0.0041 -> 0.012; covariance off the exact one
  by at most 0.0009 -> 0.005.
- ring: mean scaled radius 1.003-1.005 (noise inflates it) -> 1 +- 0.02; smallest scaled
  radius 0.570-0.694 -> > 0.4; share of points in each of 12 equal angles off 1/12 by at
  most 0.0021-0.0052 -> 0.015 (a ring collapsed to one blob on the circle: about 0.9).
- gaussians, each mode's own spread (points nearer a mode in units of its sds): sd x, y of
  the (0.3, 0.7) mode 0.098-0.100, 0.099-0.101; of the (0.7, 0.4) mode 0.049-0.050,
  0.197-0.203 -> within 10% of 0.1, 0.1, 0.05, 0.2 (mixture moments alone let a swap of the
  second mode's sds through).
- disjoint: shares off 1/3 by at most 0.0085 -> 0.03; sd per blob 0.0248-0.0251 -> 0.025 +-
  0.003; farthest point from its blob 0.104-0.123 -> < 0.2.
- user points (two of them): jitter sd 0.0198-0.0201 -> 0.02 +- 0.002; shares off 0.5 by at
  most 0.0087 -> 0.03.
"""
from __future__ import annotations

import numpy as np
import pytest

from labs.gan.contract import probe_sample_drawing, probe_sample_real
from labs.gan.spec_cases import (gaussians_mode_spreads, line_coordinates, ring_radius,
                                 ring_sector_shares)

N = 20000
DISJOINT_CENTRES = np.array([[0.35, 0.75], [0.75, 0.6], [0.45, 0.35]])


def test_line_is_gan_labs_segment(gan, spec_seed):
    """The line distribution is GAN Lab's segment.

    Fails on: a line without its 0.01 noise across, or drawn between other end points."""
    along, across = line_coordinates(gan.sample_real("line", N, spec_seed))
    assert abs(along.mean() - 0.5) <= 0.02 and abs(across.std() - 0.01) <= 0.001, (
        "line should be GAN Lab's segment from (0.8, 0.6) to (0.05, 0.9), uniform along it, "
        "with 0.01 gaussian noise; measured mean position along it "
        f"{along.mean():.3f} (expected 0.5) and spread across it {across.std():.4f} (expected 0.01)")
    assert along.min() > -0.1 and along.max() < 1.1, (
        f"line points should stay on the segment; positions along it span {along.min():.2f} "
        f"to {along.max():.2f} (0 and 1 are its ends)")


def test_gaussians_are_gan_labs_mixture(gan, spec_seed):
    """The gaussians distribution is GAN Lab's two-gaussian mixture.

    Fails on: one gaussian at the mixture's mean instead of GAN Lab's two modes (the covariance's
    -0.03 is missing)."""
    points = gan.sample_real("gaussians", N, spec_seed)
    expected_cov = np.array([[0.04625, -0.03], [-0.03, 0.0475]])
    mean, cov = points.mean(axis=0), np.cov(points.T)
    assert np.allclose(mean, [0.5, 0.55], atol=0.012) and np.allclose(cov, expected_cov, atol=0.005), (
        "gaussians should be GAN Lab's 50/50 mixture: centre (0.3, 0.7) sd 0.1, and centre "
        "(0.7, 0.4) sd 0.05 in x, 0.2 in y; so mean (0.5, 0.55) and covariance "
        f"{expected_cov.tolist()}; measured mean {np.round(mean, 3).tolist()}, covariance "
        f"{np.round(cov, 4).tolist()}")


def test_ring_is_gan_labs_ellipse(gan, spec_seed):
    """The ring distribution is GAN Lab's ellipse.

    Fails on: a round ring instead of GAN Lab's ellipse
    (tests/submissions/td2_gan/wrong_untruncated_noise_round_ring_one_d_update)."""
    points = gan.sample_real("ring", N, spec_seed)
    radius = ring_radius(points)
    assert abs(radius.mean() - 1.0) <= 0.02 and radius.min() > 0.4, (
        "ring should be GAN Lab's ellipse centred at (0.5, 0.45) with radii 0.3 and 0.25 plus "
        f"0.025 noise; measured mean scaled radius {radius.mean():.4f} (expected 1) and "
        f"smallest {radius.min():.3f} (expected no point near the centre)")


def test_ring_covers_every_angle(gan, spec_seed):
    """The ring distribution covers the whole ellipse evenly, every angle.

    Fails on: a ring whose points all lie on a quarter of its angles
    (tests/mutation/test_new_specs_fail.py)."""
    shares = ring_sector_shares(gan.sample_real("ring", N, spec_seed))
    assert np.abs(shares - 1 / 12).max() <= 0.015, (
        "ring should spread its points evenly all round the ellipse (uniform angle); the "
        f"shares of 12 equal angles are {np.round(shares, 3).tolist()} (each should be about 0.083)")


def test_gaussians_modes_have_their_own_spreads(gan, spec_seed):
    """Each mode of the gaussians mixture has its own spread (sd 0.1, 0.1 and 0.05, 0.2).

    Fails on: the x spreads swapped between the two modes, which the mixture's moments let
    through (tests/mutation/test_new_specs_fail.py)."""
    spreads = gaussians_mode_spreads(gan.sample_real("gaussians", N, spec_seed))
    expected = np.array([[0.1, 0.1], [0.05, 0.2]])
    assert np.all(np.abs(spreads / expected - 1) <= 0.1), (
        "gaussians' mode (0.3, 0.7) should have sd 0.1 in x and y, mode (0.7, 0.4) sd 0.05 in "
        f"x and 0.2 in y; measured {np.round(spreads, 3).tolist()}")


def test_disjoint_is_three_equal_blobs(gan, spec_seed):
    """The disjoint distribution is three equal blobs.

    Fails on: blobs of unequal shares, in other places, or of sd 0.05 instead of 0.025."""
    points = gan.sample_real("disjoint", N, spec_seed)
    distances = np.linalg.norm(points[:, None, :] - DISJOINT_CENTRES[None], axis=2)
    nearest = distances.argmin(axis=1)
    shares = np.bincount(nearest, minlength=3) / N
    spreads = [points[nearest == b].std(axis=0).mean() for b in range(3)]
    assert distances.min(axis=1).max() < 0.2 and np.all(np.abs(shares - 1 / 3) <= 0.03), (
        "disjoint should be three equal blobs at (0.35, 0.75), (0.75, 0.6), (0.45, 0.35); "
        f"measured shares {np.round(shares, 3).tolist()} and farthest point "
        f"{distances.min(axis=1).max():.3f} from its blob")
    assert np.allclose(spreads, 0.025, atol=0.003), (
        f"each disjoint blob should have sd 0.025; measured {np.round(spreads, 4).tolist()}")


def test_user_points_are_jittered_copies(gan, spec_seed):
    """Bonus: a user drawing gives jittered copies of its points.

    Fails on: the drawn points returned without jitter, or with a jitter other than sd 0.02."""
    drawn = np.array([[0.2, 0.3], [0.7, 0.8]])
    points = gan.call(probe_sample_drawing, drawn.tolist(), N, spec_seed)
    assert points.shape == (N, 2), f"sample_real('drawing', ...) returned shape {points.shape}"
    nearest = np.linalg.norm(points[:, None] - drawn[None], axis=2).argmin(axis=1)
    jitter = (points - drawn[nearest]).std()
    shares = np.bincount(nearest, minlength=2) / N
    assert abs(jitter - 0.02) <= 0.002 and np.all(np.abs(shares - 0.5) <= 0.03), (
        "user points (GAN Lab's drawing) should be picked uniformly and jittered by 0.02 "
        f"gaussian noise; measured jitter sd {jitter:.4f} and shares {np.round(shares, 3).tolist()}")


@pytest.mark.parametrize("name", ["line", "gaussians", "ring", "disjoint"])
def test_same_seed_same_points(gan, spec_seed, name):
    """The same seed gives the same real points.

    Fails on: a sampler that ignores its seed (numpy's global state, or one fixed seed for every
    call)."""
    first, again = gan.call(probe_sample_real, name, 500, spec_seed, repeat=2)
    other = gan.sample_real(name, 500, spec_seed + 1)
    assert np.array_equal(first, again), f"sample_real({name!r}, seed={spec_seed}) changed between calls"
    assert not np.array_equal(first, other), (
        f"sample_real({name!r}) gave the same points for seeds {spec_seed} and {spec_seed + 1}")
