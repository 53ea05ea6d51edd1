"""Network output -> uint8 (gen_images.py's formula) and PNG files."""
from __future__ import annotations

import numpy as np
import PIL.Image
import pytest
import torch

from labs.stylegan.images import png_bytes, read_png, save_png, to_uint8


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_to_uint8_edge_values(dtype):
    values = [-3.0, -1.0, -0.999, -0.5, 0.0, 0.5, 0.999, 1.0, 1.0001, 3.0]
    images = torch.tensor(values, dtype=dtype).reshape(1, 1, 1, -1)
    # by hand: x * 127.5 + 128, clamp, truncate
    assert to_uint8(images).ravel().tolist() == [0, 0, 0, 64, 128, 191, 255, 255, 255, 255]


def test_to_uint8_moves_channels_last_and_accepts_numpy():
    images = np.zeros([2, 3, 4, 5], dtype=np.float32)
    images[:, 1] = 1.0  # green channel at full
    result = to_uint8(images)
    assert result.shape == (2, 4, 5, 3) and result.dtype == np.uint8
    assert (result[..., 0] == 128).all() and (result[..., 1] == 255).all()


def test_to_uint8_rejects_other_shapes():
    with pytest.raises(ValueError, match="NCHW"):
        to_uint8(np.zeros([3, 4, 5]))


def test_png_round_trip_and_bytes(tmp_path):
    image = np.random.RandomState(0).randint(0, 256, size=(8, 6, 3)).astype(np.uint8)
    save_png(image, tmp_path / "a.png")
    assert np.array_equal(read_png(tmp_path / "a.png"), image)
    assert (tmp_path / "a.png").read_bytes() == png_bytes(image)


def test_one_channel_images_are_grey(tmp_path):
    image = np.arange(12, dtype=np.uint8).reshape(3, 4, 1)
    save_png(image, tmp_path / "g.png")
    with PIL.Image.open(tmp_path / "g.png") as saved:
        assert saved.mode == "L"
    assert np.array_equal(read_png(tmp_path / "g.png"), image)


def test_save_png_rejects_float_images(tmp_path):
    with pytest.raises(ValueError, match="uint8"):
        save_png(np.zeros([4, 4, 3]), tmp_path / "f.png")
