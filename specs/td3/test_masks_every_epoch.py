"""The masked model's masks are drawn anew at every epoch (dynamic masking): the Trainer
passes every epoch's batches through the same collator, which draws new masks each time.

Measure: the same 64 blocks of the small built-in corpus through ONE collator seeded with
``spec_seed``, twice (two epochs); the share of epoch 1's selected positions that are
selected again at epoch 2. Independent draws give about 0.15 (the selection rate); masks
drawn once and reused (static masking) give 1.

Calibration (reference collator, seeds 0-23): 0.130-0.167; 23-25% of all positions change
between the two epochs. Threshold <= 0.5 (3x above the largest value observed, half the
value of a collator that reuses its masks).
"""
from __future__ import annotations

import numpy as np

from labs.lm.contract import probe_collate_epochs

BLOCKS = 64
SELECTED_AGAIN_AT_MOST = 0.5


def test_masks_are_redrawn_every_epoch(lm, spec_seed):
    """The masked model's masks are drawn anew at every epoch.

    Fails on: masks drawn once and reused at every epoch
    (tests/claims/test_new_specs_can_fail.py)."""
    first, second = lm.call(probe_collate_epochs, BLOCKS, spec_seed)["selected"]
    assert first.sum() > 0, "the collator selected no token to mask"
    again = float((first & second).sum() / first.sum())
    assert again <= SELECTED_AGAIN_AT_MOST, (
        "the masked model's masks should be drawn anew at every epoch: the same batch "
        "through the same collator a second time should select other tokens; "
        f"{again:.0%} of the first epoch's {int(first.sum())} selected positions were "
        f"selected again (about 15% for fresh draws), expected at most "
        f"{SELECTED_AGAIN_AT_MOST:.0%}; {np.mean(first != second):.1%} of positions changed")
