"""A causal model only sees the past; a masked model sees both sides.

Random-weight models from the submission's ``build_model`` (bonus: skipped without
it), on a real 64-token block (random weights: the effects are small but far above float
noise). Calibration (reference, seeds 0-29): CLM, after changing token 40, the logits at
positions 0-39 moved by exactly 0, and at every position from 40 on by at least
0.0030-0.0059 (per seed, the smallest per-position maximum); MLM with position 30 masked,
changing token 33 moved the logits at 30 by 1.4e-4 to 4.4e-4. Thresholds: 1e-6 for
"unchanged", 1e-5 for "changed" (14x below the smallest change seen).
"""
from __future__ import annotations

import numpy as np

from labs.lm.contract import probe_logits

LENGTH = 64
UNCHANGED = 1e-6
CHANGED = 1e-5


def test_the_causal_model_cannot_see_the_future(lm, spec_seed):
    """Bonus: the causal model cannot see the future.

    Fails on: a causal model built without its causal mask (a BERT-like encoder for the clm)."""
    t = 40
    logits = lm.call(probe_logits, "clm", spec_seed, LENGTH, None, t)
    past = np.abs(logits["after"][:t] - logits["before"][:t]).max()
    future = np.abs(logits["after"][t:] - logits["before"][t:]).max(axis=1)
    assert past <= UNCHANGED, (
        f"changing token {t} should leave the causal model's logits at positions 0-{t - 1} "
        f"unchanged (it only sees the past); they moved by up to {past:.2e}")
    assert future.min() > CHANGED, (
        f"changing token {t} should change the logits from position {t} on (they see it); "
        f"the smallest change was {future.min():.2e}")


def test_the_masked_model_sees_the_right_hand_side(lm, spec_seed):
    """Bonus: the masked model sees the right-hand side.

    Fails on: a masked model built with a causal mask (a GPT-2-like decoder for the mlm)."""
    masked, changed = 30, 33
    logits = lm.call(probe_logits, "mlm", spec_seed, LENGTH, masked, changed)
    moved = np.abs(logits["after"][masked] - logits["before"][masked]).max()
    assert moved > CHANGED, (
        f"changing token {changed}, to the right of the masked position {masked}, should "
        f"change the masked model's prediction there (it sees both sides); the logits "
        f"moved by only {moved:.2e}")
