"""Count-based baselines on token streams whose answers are known by hand."""
from __future__ import annotations

import math

import numpy as np

from labs.lm.baselines import causal_baselines, fit_counts, masked_baselines
from labs.lm.mask_channel import MaskingChannel


def test_an_alternating_stream_costs_log_2_alone_and_almost_nothing_as_pairs():
    blocks = np.array([[1, 2] * 50, [2, 1] * 50])
    unigram, bigram = causal_baselines(fit_counts(blocks, 4), blocks)
    assert abs(unigram - math.log(2)) < 0.01
    assert bigram < 0.05


def test_bigram_rows_are_distributions_and_never_zero():
    model = fit_counts(np.array([[1, 2, 3, 1, 2]]), 5, never=(0,))
    assert np.allclose(model.bigram.sum(axis=1), 1.0) and np.all(model.bigram > 0)
    assert model.unigram[0] == 0.0 and math.isclose(model.unigram.sum(), 1.0)


def test_the_masked_bigram_uses_both_neighbours():
    # 1 is always followed by 2 and 2 by 3; a masked token between 1 and 3 is surely 2
    blocks = np.array([[1, 2, 3] * 30])
    model = fit_counts(blocks, 5, never=(0,))
    inputs = np.array([[1, 0, 3]])
    scored = np.array([[False, True, False]])
    channel = MaskingChannel(mask_id=0, vocab_size=5)
    unigram, bigram = masked_baselines(model, channel, np.array([[1, 2, 3]]), inputs, scored)
    assert abs(unigram - math.log(3)) < 0.02 and bigram < 0.05
