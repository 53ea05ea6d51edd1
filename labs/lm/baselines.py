"""Count-based baselines on the built-in corpus: word frequencies alone, and a bigram model.

Both are fitted by counting the training blocks' tokens and scored on exactly the positions
the model is scored on: every token after a block's first for the causal model, the selected
(masked) tokens for the masked model. A transformer that cannot beat the bigram has not
learned more of the chain than which token follows which.

Hand-written (a few lines of numpy): additive smoothing for the word frequencies, and bigram
probabilities that back off to them, ``P(v | u) = (count(u v) + PRIOR * P(v)) / (count(u) + PRIOR)``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from labs.lm.mask_channel import MaskingChannel

SMOOTHING = 0.1  # pseudo-count of every token in the word frequencies
PRIOR = 1.0  # weight of the word frequencies in each bigram row


@dataclass(frozen=True)
class CountModel:
    unigram: np.ndarray  # (vocab,): P(token)
    bigram: np.ndarray  # (vocab, vocab): P(next | previous)


def fit_counts(blocks: np.ndarray, vocab_size: int, never: tuple[int, ...] = ()) -> CountModel:
    """Token and token-pair counts of ``blocks`` (pairs within a block only).

    ``never``: tokens that are never a target (the masked model's special tokens); they get
    no word-frequency mass but still count as the previous token of a pair.
    """
    blocks = np.asarray(blocks)
    counts = np.bincount(blocks.ravel(), minlength=vocab_size).astype(float) + SMOOTHING
    every = counts / counts.sum()  # what a bigram row backs off to: any token may follow
    pairs = np.zeros((vocab_size, vocab_size))
    np.add.at(pairs, (blocks[:, :-1].ravel(), blocks[:, 1:].ravel()), 1.0)
    bigram = (pairs + PRIOR * every[None, :]) / (pairs.sum(axis=1, keepdims=True) + PRIOR)
    counts[list(never)] = 0.0
    return CountModel(counts / counts.sum(), bigram)


def causal_baselines(model: CountModel, blocks: np.ndarray) -> tuple[float, float]:
    """(word frequencies, bigram): mean -log P of every token after each block's first."""
    blocks = np.asarray(blocks)
    following = blocks[:, 1:]
    unigram = -np.log(model.unigram[following]).mean()
    bigram = -np.log(model.bigram[blocks[:, :-1], following]).mean()
    return float(unigram), float(bigram)


def masked_baselines(model: CountModel, channel: MaskingChannel, originals: np.ndarray,
                     inputs: np.ndarray, scored: np.ndarray) -> tuple[float, float]:
    """(word frequencies, bigram) at the scored positions of the masked model's evaluation.

    Both see the position's own input (as the model does, see ``MaskingChannel``); the
    bigram also sees the inputs on either side, ``P(v | left) * P(right | v)``, a side
    that shows ``[MASK]`` or lies outside the block telling nothing.
    """
    block, position = np.nonzero(scored)
    targets, seen = originals[block, position], inputs[block, position]
    frequencies = np.broadcast_to(model.unigram, (len(targets), len(model.unigram)))
    beliefs = np.array(frequencies)
    length = inputs.shape[1]
    left = np.where(position > 0, inputs[block, np.maximum(position - 1, 0)], channel.mask_id)
    right = np.where(position < length - 1, inputs[block, np.minimum(position + 1, length - 1)],
                     channel.mask_id)
    has_left, has_right = left != channel.mask_id, right != channel.mask_id
    beliefs[has_left] = model.bigram[left[has_left]]
    beliefs[has_right] *= model.bigram[:, right[has_right]].T
    beliefs *= model.unigram > 0  # tokens that are never targets are not candidates
    beliefs /= beliefs.sum(axis=1, keepdims=True)
    return channel.loss(frequencies, targets, seen), channel.loss(beliefs, targets, seen)
