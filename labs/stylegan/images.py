"""Generator output to bytes, exactly as ``gen_images.py`` does it, and PNG writing."""
from __future__ import annotations

import io
from pathlib import Path

from typing import Any

import numpy as np
import PIL.Image


def to_uint8(images: Any) -> np.ndarray:
    """NCHW images in [-1, 1] -> NHWC uint8: times 127.5, plus 128, clamp to 0..255, truncate.

    The same tensor operations as gen_images.py, in the input's own dtype (float32 for a
    network's output), so every pixel equals the one it writes. The +128 with truncation
    rounds half up: -1 -> 0, 0 -> 128, 1 -> 255. ``images``: a torch tensor or numpy array.
    """
    import torch  # here, so that PNG helpers load without torch (fast spec processes)

    x = torch.as_tensor(images)
    if x.ndim != 4:
        raise ValueError(f"expected NCHW images (4 dimensions), got shape {tuple(x.shape)}")
    return (x.permute(0, 2, 3, 1) * 127.5 + 128).clamp(0, 255).to(torch.uint8).cpu().numpy()


def _pil_image(image: np.ndarray) -> PIL.Image.Image:
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] not in (1, 3):
        raise ValueError(f"expected an HxWx3 or HxWx1 uint8 image, got {image.dtype} "
                         f"of shape {image.shape}")
    # one channel -> grey ('L'), three -> 'RGB', as gen_images.py
    return PIL.Image.fromarray(image[:, :, 0] if image.shape[2] == 1 else image)


def save_png(image: np.ndarray, path: Path) -> None:
    """Write one HWC uint8 image as PNG (Pillow writes no date: same pixels, same bytes)."""
    _pil_image(image).save(path)


def png_bytes(image: np.ndarray) -> bytes:
    """The bytes save_png would write, without a file."""
    buffer = io.BytesIO()
    _pil_image(image).save(buffer, format="PNG")
    return buffer.getvalue()


def read_png(path: Path) -> np.ndarray:
    """An HWC uint8 array from a PNG file (grey images get one channel)."""
    with PIL.Image.open(path) as image:
        array = np.asarray(image)
    return array[:, :, None] if array.ndim == 2 else array
