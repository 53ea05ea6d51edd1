"""Sampling the real data: names, seeds, and user points from arrays or CSV files."""
from __future__ import annotations

import numpy as np
import pytest

from labs.gan.distributions import read_points_csv, sample_real
from labs.gan.noise import sample_noise


def test_unknown_names_and_bad_sizes_are_refused():
    with pytest.raises(ValueError, match="unknown distribution 'moon'"):
        sample_real("moon", 10, 0)
    with pytest.raises(ValueError, match="integer >= 1"):
        sample_real("ring", 0, 0)
    with pytest.raises(ValueError, match="unknown noise 'pink'"):
        sample_noise("pink", 2, 10, 0)


def test_csv_with_header_and_blank_lines(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("x,y\n0.1,0.2\n\n0.3, 0.4\n")
    np.testing.assert_array_equal(read_points_csv(path), [[0.1, 0.2], [0.3, 0.4]])
    points = sample_real("drawing", 1000, 0, points=path)
    assert points.shape == (1000, 2)
    assert np.abs(points - [[0.1, 0.2]]).max() < 0.5


@pytest.mark.parametrize("text, message", [
    ("0.1,0.2\n0.3,abc\n", "line 2: expected two numbers x,y, got '0.3,abc'"),
    ("0.1,0.2,0.3\n", "line 1: expected two numbers x,y"),
    ("\n\n", "holds no points"),
    ("0.1,2.0\n", "must lie in the unit square"),
    ("nan,0.2\n", "contain NaN or infinity"),
])
def test_malformed_csv_files_get_one_clear_line(tmp_path, text, message):
    path = tmp_path / "points.csv"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        read_points_csv(path)
