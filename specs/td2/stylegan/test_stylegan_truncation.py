"""Truncation: w = w_avg + psi * (w - w_avg). psi = 0 puts every seed at w_avg (one image for
all seeds); psi = 1 leaves w unchanged (the untruncated image, bit for bit).

The psi 0 and psi 1 specs are deterministic: psi 1 compares the image bit for bit with
gen_images.py's pipeline on the same miniature network; psi 0 compares the seeds' images
with each other (so that a uint8 conversion slip is charged by its own spec only). Seeds are offset by --spec-seed.

Calibration of "psi 0.3 moves towards the average" (seeds 674-713): the mean distance to the
psi 0 image is 6.3-10.6 at psi 0.3 and 13.2-36.7 at psi 1; their ratio is at most 0.72.
Threshold: ratio < 0.9.
"""
from __future__ import annotations

import numpy as np

REPORT_SEEDS = (2, 674, 1024)


def test_psi_0_gives_the_same_image_for_every_seed(stylegan, spec_seed):
    """Truncation psi 0 gives every seed the same image.

    Fails on: truncation_psi never passed to G
    (tests/submissions/td2_stylegan/wrong_conversion_ignores_psi)."""
    seeds = [base + spec_seed for base in REPORT_SEEDS]
    results = [stylegan.image(seed, 0.0) for seed in seeds]
    # compared with the first seed's own image, not the pipeline's: a slip in the uint8
    # conversion (its own spec) must not fail this one too
    expected = results[0]["image"]  # the image of w_avg, as this submission converts it
    for seed, result in zip(seeds[1:], results[1:]):
        differing = int((result["image"] != expected).sum())
        assert differing == 0, (
            f"with truncation psi 0 every seed's w becomes w_avg, so every seed should give "
            f"the same image (that of w_avg); seed {seed}'s image differs from seed "
            f"{seeds[0]}'s in {differing} of {expected.size} values (is truncation_psi passed "
            "to G?)")


def test_psi_1_leaves_w_unchanged(stylegan, spec_seed):
    """Truncation psi 1 leaves the image untruncated.

    Fails on: a truncation applied whatever psi is asked (a fixed 0.7); a conversion other than
    gen_images.py's (tests/submissions/td2_stylegan/wrong_conversion_ignores_psi; charged once,
    to the uint8 spec)."""
    seed = REPORT_SEEDS[0] + spec_seed
    result = stylegan.image(seed, 1.0)
    differing = int((result["image"] != result["pipeline"]).sum())
    assert differing == 0, (
        f"truncation psi 1 should leave w unchanged (gen_images.py's default: no truncation), "
        f"giving the untruncated image of seed {seed}; it differs in {differing} of "
        f"{result['image'].size} values")


def test_psi_between_0_and_1_moves_towards_the_average(stylegan, spec_seed):
    """Truncation psi 0.3 moves the image towards the average.

    Fails on: truncation_psi never passed to G
    (tests/submissions/td2_stylegan/wrong_conversion_ignores_psi: psi 0.3 gives the psi 1 image)."""
    seed = REPORT_SEEDS[1] + spec_seed
    full, part, average = (stylegan.image(seed, psi)["image"].astype(int) for psi in (1.0, 0.3, 0.0))
    to_average = [float(np.abs(image - average).mean()) for image in (full, part)]
    assert to_average[1] < 0.9 * to_average[0], (
        f"psi 0.3 should bring seed {seed}'s image clearly closer to the average image (psi 0) "
        f"than psi 1 does; mean distance to it: psi 1 {to_average[0]:.1f}, psi 0.3 "
        f"{to_average[1]:.1f} (expected under 0.9 x {to_average[0]:.1f})")
