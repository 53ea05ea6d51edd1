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


def by_hand(blocks: np.ndarray, vocab: int) -> tuple[dict, dict]:
    """Smoothed word frequencies and backed-off bigram rows, counted with plain loops."""
    from collections import Counter

    from labs.lm.baselines import PRIOR, SMOOTHING

    tokens = Counter(int(t) for t in blocks.ravel())
    total = sum(tokens.values()) + SMOOTHING * vocab
    unigram = {v: (tokens[v] + SMOOTHING) / total for v in range(vocab)}
    pairs = Counter((int(a), int(b)) for row in blocks for a, b in zip(row, row[1:]))
    starts = Counter(int(a) for row in blocks for a in row[:-1])
    bigram = {(u, v): (pairs[(u, v)] + PRIOR * unigram[v]) / (starts[u] + PRIOR)
              for u in range(vocab) for v in range(vocab)}
    return unigram, bigram


def test_causal_baselines_equal_counting_by_hand():
    """Both causal yardsticks are the mean -log P over every token after a block's first."""
    blocks = np.random.default_rng(3).integers(0, 6, size=(7, 11))
    unigram, bigram = by_hand(blocks, 6)
    expected_unigram = np.mean([-math.log(unigram[int(t)]) for row in blocks for t in row[1:]])
    expected_bigram = np.mean([-math.log(bigram[(int(a), int(b))])
                               for row in blocks for a, b in zip(row, row[1:])])
    measured = causal_baselines(fit_counts(blocks, 6), blocks)
    assert np.allclose(measured, (expected_unigram, expected_bigram), rtol=1e-12)


def test_masked_word_frequencies_are_the_mean_over_scored_positions():
    """Every scored position shows [MASK] (id 0, never a target): the word-frequency yardstick
    is then the mean of -log P(target) over those positions, not their sum."""
    blocks = np.random.default_rng(4).integers(1, 6, size=(5, 9))
    model = fit_counts(blocks, 6, never=(0,))
    scored = np.random.default_rng(5).random(blocks.shape) < 0.4
    inputs = np.where(scored, 0, blocks)
    unigram, _ = masked_baselines(model, MaskingChannel(mask_id=0, vocab_size=6), blocks, inputs, scored)
    assert scored.sum() > 5
    assert math.isclose(unigram, float(np.mean(-np.log(model.unigram[blocks[scored]]))), rel_tol=1e-12)
