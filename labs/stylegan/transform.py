"""Translate and rotate as a 3x3 matrix, ``gen_images.py``'s ``make_transform``.

gen_images.py passes the *inverse* of this matrix to the synthesis input (a buffer named
``transform``); ``labs.stylegan.pipeline`` does the same.
"""
from __future__ import annotations

import numpy as np


def make_transform(translate: tuple[float, float] = (0.0, 0.0), angle: float = 0.0) -> np.ndarray:
    """[[c, s, tx], [-s, c, ty], [0, 0, 1]] with c, s the cosine and sine of angle (degrees)."""
    radians = angle / 360.0 * np.pi * 2
    c, s = np.cos(radians), np.sin(radians)
    return np.array([[c, s, translate[0]],
                     [-s, c, translate[1]],
                     [0.0, 0.0, 1.0]])
