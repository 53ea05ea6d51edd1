"""gen_images.py's conventions: seed lists, seed -> latent, 2-vectors, file names, transform."""
from __future__ import annotations

import numpy as np
import pytest

from labs.stylegan.conventions import image_filename, parse_seeds, parse_vec2, seed_to_z
from labs.stylegan.transform import make_transform


@pytest.mark.parametrize("text, seeds", [
    ("2,674,1024", [2, 674, 1024]), ("0-3", [0, 1, 2, 3]), ("1,5-7", [1, 5, 6, 7]),
    ("7", [7]), ("3-3", [3]), ("4294967295", [4294967295]),
])
def test_parse_seeds_accepts_gen_images_syntax(text, seeds):
    assert parse_seeds(text) == seeds


@pytest.mark.parametrize("text, message", [
    ("2,x", "bad seed 'x'"), ("", "bad seed ''"), ("5-3", "bad seed range '5-3'"),
    ("-1", "bad seed -1"), ("4294967296", "bad seed 4294967296"), ("1-2-3", "bad seed '1-2-3'"),
])
def test_parse_seeds_names_the_bad_item(text, message):
    with pytest.raises(ValueError, match=message):
        parse_seeds(text)


def test_parse_vec2():
    assert parse_vec2("0.3,1") == (0.3, 1.0)
    for text in ("1", "1,2,3", "a,b"):
        with pytest.raises(ValueError, match="cannot parse 2-vector"):
            parse_vec2(text)


def test_image_filename():
    assert [image_filename(s) for s in (2, 674, 1024, 12345)] == [
        "seed0002.png", "seed0674.png", "seed1024.png", "seed12345.png"]


def test_seed_to_z_is_the_numpy_legacy_draw_and_leaves_global_state_alone():
    np.random.seed(99)
    expected_next = np.random.RandomState(99).rand()
    z = seed_to_z(2)
    assert z.dtype == np.float64 and z.shape == (1, 512)
    assert np.array_equal(z, np.random.RandomState(2).randn(1, 512))
    assert z[0, 0] == pytest.approx(-0.41675785)  # numpy's documented first draw for seed 2
    assert np.random.rand() == expected_next  # the global stream continued undisturbed


def test_make_transform_identity_rotation_translation():
    assert np.array_equal(make_transform((0, 0), 0), np.eye(3))
    m = make_transform((0.25, -0.5), 90)
    np.testing.assert_allclose(m, [[0, 1, 0.25], [-1, 0, -0.5], [0, 0, 1]], atol=1e-15)
