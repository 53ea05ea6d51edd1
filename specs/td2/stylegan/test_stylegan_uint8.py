"""Network output -> bytes: (x * 127.5 + 128), clamped to 0..255, truncated to uint8, NCHW to
HWC, exactly gen_images.py's conversion, checked on edge values (-1, 1, beyond, and values
where truncating and rounding disagree) through the submission's ``generate`` on a stand-in
network that returns those values. Deterministic: no calibration needed.
"""
from __future__ import annotations

import numpy as np
import pytest

# value -> byte, by the formula: -1 -> 0.5 -> 0; 1 -> 255.5 -> 255; 0.5 -> 191.75 -> 191
EDGES = {-2.0: 0, -1.0: 0, -0.5: 64, 0.0: 128, 0.5: 191, 1.0: 255, 2.0: 255}


def _expected(source: np.ndarray) -> np.ndarray:
    x = source.astype(np.float32).transpose(0, 2, 3, 1)[0]
    return np.clip(x * np.float32(127.5) + np.float32(128), 0, 255).astype(np.uint8)


def _generated(stylegan, spec_seed):
    result = stylegan.fixed_image(2 + spec_seed)
    source, image = result["source"], result["image"]
    assert image.dtype == np.uint8, (
        f"generate returned pixels of dtype {image.dtype}; the contract says uint8")
    assert image.shape == _expected(source).shape, (
        f"generate returned shape {image.shape} for a network output of shape {source.shape} "
        f"(NCHW); expected {_expected(source).shape} (HWC)")
    return source, image


def test_uint8_conversion_matches_the_formula(stylegan, spec_seed):
    """The uint8 conversion is (x * 127.5 + 128), clamped to [0, 255], truncated.

    Fails on: ((x + 1) * 127.5).astype(uint8): one level low and not clamped
    (tests/submissions/td2_stylegan/wrong_conversion_ignores_psi)."""
    source, image = _generated(stylegan, spec_seed)
    expected = _expected(source)
    wrong = np.flatnonzero(image != expected)
    values = source.transpose(0, 2, 3, 1)[0].ravel()
    examples = ", ".join(f"{values[i]:.4f} -> {image.ravel()[i]} (expected {expected.ravel()[i]})"
                         for i in wrong[:4])
    assert wrong.size == 0, (
        "generate should convert the network's output as gen_images.py does: "
        "(x * 127.5 + 128).clamp(0, 255) then truncate to uint8 (the +128 makes it round; "
        "(x + 1) * 127.5 truncated is one level low, and without the clamp values wrap); "
        f"{wrong.size} of {image.size} values differ, for example {examples}")


@pytest.mark.parametrize("value", sorted(EDGES))
def test_uint8_edge_values(stylegan, spec_seed, value):
    """Edge values of the network's output convert to the right bytes.

    Fails on: ((x + 1) * 127.5).astype(uint8)
    (tests/submissions/td2_stylegan/wrong_conversion_ignores_psi: wrong at 0 and 2)."""
    source, image = _generated(stylegan, spec_seed)
    where = np.flatnonzero(source.transpose(0, 2, 3, 1)[0].ravel() == np.float32(value))
    assert where.size, f"the stand-in network's output lacks the edge value {value}"
    got = image.ravel()[where[0]]
    assert got == EDGES[value], (f"a network output of {value:g} should become the byte "
                                 f"{EDGES[value]} (x * 127.5 + 128, clamped, truncated); got {got}")
