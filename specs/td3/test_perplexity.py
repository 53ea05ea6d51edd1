"""Perplexity is exp(evaluation loss), exactly, and infinity on overflow (deterministic)."""
from __future__ import annotations

import math

from labs.lm.contract import probe_perplexity

LOSSES = [0.0, 1.0, 6.068984, 6.878888, 709.0]
OVERFLOWING = [710.0, 1e6]


def test_perplexity_is_exp_of_the_loss_exactly(lm):
    """perplexity is exp(loss), exactly.

    Fails on: perplexity = 2 ** loss (tests/submissions/td3/wrong_perplexity_two_to_the_loss);
    exp computed in float32."""
    answers = lm.call(probe_perplexity, LOSSES)
    for loss, answer in zip(LOSSES, answers):
        assert answer["error"] is None, f"perplexity({loss}) raised {answer['error']}"
        assert answer["value"] == math.exp(loss), (
            f"perplexity({loss}) should be exp({loss}) = {math.exp(loss)!r} exactly; "
            f"got {answer['value']!r}")


def test_perplexity_is_infinite_on_overflow(lm):
    """perplexity is infinity when exp(loss) overflows.

    Fails on: math.exp(loss) left to raise OverflowError
    (tests/submissions/td3/wrong_unpinned_masks); 2 ** loss, finite at 710
    (tests/submissions/td3/wrong_perplexity_two_to_the_loss)."""
    for loss, answer in zip(OVERFLOWING, lm.call(probe_perplexity, OVERFLOWING)):
        assert answer["error"] is None and answer["value"] == math.inf, (
            f"exp({loss:g}) overflows a float: perplexity should be infinity, as the "
            f"transformers example scripts return; got {answer['error'] or answer['value']}")
