"""TD 2 part 2 fixtures: the StyleGAN contract bound to the code under test, golden images."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from labs.stylegan.images import read_png, save_png
from labs.suite.plugin import ContractClient

CONTRACT = "labs.stylegan.contract"
RESOLUTION = 64  # the miniature generator the specs run a submission's generate on


class StyleGAN(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words."""

    def latent(self, seed: int, z_dim: int | None = None) -> dict:
        return self.call("seed_to_z", seed, z_dim)

    def image(self, seed: int, truncation_psi: float = 1.0) -> dict:
        """The submission's image of a seed on the miniature, and the pipeline's."""
        result = self.call("generate", seed, truncation_psi, RESOLUTION)
        _check_image(result["image"], f"generate(G, {seed}, {truncation_psi:g})",
                     (RESOLUTION, RESOLUTION, 3))
        return {**result, "pipeline": _pipeline(seed, truncation_psi)}

    def image_again(self, seed: int, truncation_psi: float = 1.0) -> np.ndarray:
        """The same call on a freshly built copy of the network (same weights seed)."""
        image = self.call("generate_fresh", seed, truncation_psi, RESOLUTION)
        _check_image(image, f"generate(G, {seed}, {truncation_psi:g}) on a rebuilt G",
                     (RESOLUTION, RESOLUTION, 3))
        return image


def _pipeline(seed: int, truncation_psi: float) -> np.ndarray:
    """gen_images.py's pipeline on the same miniature, computed here (trusted side)."""
    from labs.stylegan.contract import miniature
    from labs.stylegan.generate import generate

    return generate(miniature(RESOLUTION, 0), seed, truncation_psi)


def _check_image(image: np.ndarray, where: str, shape: tuple) -> None:
    assert image.dtype == np.uint8, (
        f"{where} returned pixels of dtype {image.dtype}; the contract says uint8, "
        "gen_images.py's conversion (x * 127.5 + 128, clamped to 0..255, truncated)")
    assert image.shape == shape, (
        f"{where} returned an image of shape {image.shape}; the miniature network makes "
        f"{shape} (height, width, RGB)")


@pytest.fixture(scope="session")
def stylegan(submission) -> StyleGAN:
    return StyleGAN(submission.contract(CONTRACT))


@pytest.fixture(scope="session")
def check_golden_image(golden):
    """check_golden_image(name, image, max_step, max_fraction): see _check_golden_image."""
    return lambda *args, **kwargs: _check_golden_image(golden, *args, **kwargs)


def _check_golden_image(golden, name: str, image: np.ndarray, max_step: int,
                        max_fraction: float) -> None:
    """Compare an HWC uint8 image with golden/NAME: at most ``max_fraction`` of the values
    may differ, by at most ``max_step`` each. ``--regen-golden`` writes the golden."""
    expected_path = Path(golden.root) / name
    if golden.regenerate:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        save_png(image, expected_path)
        pytest.skip(f"golden regenerated: {expected_path}")
    if not expected_path.exists():
        pytest.fail(f"no golden image {expected_path}; run pytest --regen-golden to create it")
    expected = read_png(expected_path)
    assert expected.shape == image.shape, (
        f"image {name}: shape {image.shape}, its golden has {expected.shape}")
    step = np.abs(image.astype(int) - expected.astype(int))
    fraction = float((step > 0).mean())
    if step.max() > max_step or fraction > max_fraction:
        actual_path = Path(golden.failures) / name
        actual_path.parent.mkdir(parents=True, exist_ok=True)
        save_png(image, actual_path)
        pytest.fail(f"image {name} differs from its golden: {fraction:.2%} of the values differ, "
                    f"by up to {step.max()} (tolerance {max_fraction:.2%}, {max_step}); "
                    f"actual image kept in {actual_path}")
