"""GAN Lab's grid divergences and the measures the specs read from generated points."""
from __future__ import annotations

import math

import numpy as np
import pytest

from labs.gan.metrics import EPSILON, GRID_CELLS, grid_densities, kl_js, local_flatness


def gan_lab_scores(true: list[float], generated: list[float]) -> tuple[float, float]:
    """GAN Lab's getKLDivergenceScore / getJSDivergenceScore, transcribed loop by loop."""
    kl = left = right = 0.0
    for p, q in zip(true, generated):
        kl += (p + EPSILON) * math.log2((p + EPSILON) / (q + EPSILON))
        average = 0.5 * (p + q)
        left += (p + EPSILON) * math.log2((p + EPSILON) / (average + EPSILON))
        right += (q + EPSILON) * math.log2((q + EPSILON) / (average + EPSILON))
    return kl, 0.5 * (left + right)


def test_divergences_follow_gan_lab_on_points_inside_the_square():
    rng = np.random.default_rng(0)
    real, generated = rng.random((450, 2)), rng.random((150, 2)) ** 2
    # GAN Lab's cell index: trunc(x * 30) + 30 * trunc(y * 30)
    def densities(points):
        cells = np.zeros(GRID_CELLS * GRID_CELLS)
        for x, y in points:
            cells[int(x * GRID_CELLS) + GRID_CELLS * int(y * GRID_CELLS)] += 1 / len(points)
        return list(cells) + [0.0]  # our extra "outside" cell is empty here
    assert kl_js(real, generated) == pytest.approx(gan_lab_scores(densities(real), densities(generated)),
                                                    rel=1e-9)


def test_identical_points_have_zero_divergence_and_disjoint_ones_about_one_bit():
    points = np.random.default_rng(1).random((1000, 2)) * 0.4
    assert kl_js(points, points) == (0.0, 0.0)
    _, js = kl_js(points, points + 0.5)
    assert 0.85 < js <= 1.0  # epsilon in each of the 900 cells keeps it below 1


def test_points_outside_the_square_count_as_mismatch():
    real = np.random.default_rng(2).random((1000, 2))
    _, js_outside = kl_js(real, real - 1.5)  # every generated point off the square
    _, js_apart = kl_js(real * 0.5, real * 0.5 + 0.5)  # on the square, in other cells
    assert js_outside > 0.85 and js_outside > js_apart - 0.05  # GAN Lab: about 0.5


def test_grid_densities_sum_to_the_share_inside():
    points = np.array([[0.05, 0.05], [0.95, 0.95], [1.5, 0.5], [-0.1, 0.2]])
    densities = grid_densities(points)
    assert densities.shape == (GRID_CELLS, GRID_CELLS)
    assert densities.sum() == pytest.approx(0.5)
    assert densities[1, 1] == 0.25 and densities[28, 28] == 0.25


def test_local_flatness_tells_a_curve_from_a_region():
    t = np.random.default_rng(3).random(1500)
    curve = np.stack([t, 0.5 + 0.3 * np.sin(6 * t)], axis=1)
    region = np.random.default_rng(4).random((1500, 2))
    assert local_flatness(curve) < 1e-3
    assert local_flatness(region) > 0.3
