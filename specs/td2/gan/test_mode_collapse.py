"""A discriminator far stronger than the generator makes it collapse, or find one flaw and
produce only that output (mode collapse): its points cover fewer of the real modes.

Runs: the gaussians preset (two modes), 200 steps, with its own discriminator (2 x 8, SGD
0.1, 2 updates per step) or a far stronger one (3 x 30, Adam 0.03, 10 updates per step),
same seed. Measure: modes covered, a mode counting when at least 10% of the generated
points lie within 2.5 of its sds (``spec_cases.modes_covered``).

Calibration (seeds 0-23, 1,500 points each): with the preset's discriminator 16 runs cover
both modes and 8 one (mean 1.67); with the far stronger one 9 cover both, 9 one and 6 none
(mean 1.13; on 2 seeds every point sits in one mode). Same seed, the strong discriminator
leaves fewer modes on 12 seeds, as many on 10, more on 2. On average the report's reading
holds; run by run it does not, and a mean over enough seeds to hold at the suite's flake
rate costs minutes: an expected failure, not run.
"""
from __future__ import annotations

import pytest

from labs.gan.spec_cases import describe, mode_collapse_run, modes_covered


@pytest.mark.xfail(run=False, reason=(
    "not reproduced run by run: over seeds 0-23 a far stronger discriminator leaves 1.13 "
    "modes covered on average against 1.67 with the preset's (fewer on 12 seeds, as many on "
    "10, more on 2; every point in one mode on 2 seeds, no mode on 6)"))
def test_far_stronger_discriminator_covers_fewer_modes(gan, spec_seed):
    """A far stronger discriminator leaves fewer modes covered (the report's reading).

    Fails on: a far stronger discriminator that leaves as many modes covered as the preset's, as
    on 10 of 24 faithful runs (an expected failure: not reproduced run by run)."""
    preset, strong = (mode_collapse_run(flag, spec_seed) for flag in (False, True))
    covered = {name: modes_covered(gan.train(run)["samples"])
               for name, run in (("preset", preset), ("strong", strong))}
    assert covered["strong"] < covered["preset"], (
        "a discriminator far stronger than the generator should leave it covering fewer of "
        f"the real modes (mode collapse); {describe(strong)} covers {covered['strong']} of 2, "
        f"{describe(preset)} {covered['preset']}")
