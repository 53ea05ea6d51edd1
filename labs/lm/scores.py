"""What a run's loss is measured against on the built-in corpus: the chain's bound, and the
count-based baselines, on exactly the positions the model is scored on.

Causal model: every token after a block's first; the bound is the truth's own loss given
the tokens before (``labs.lm.entropy.bayes_loss``), which no causal model beats in
expectation. Masked model: the tokens the evaluation collator selected (its masks are pinned
by a seed, so replaying the evaluation loader gives the very masks the model was scored
on); the bound is the loss of a predictor that knows the chain, every *other* token of the
block unmasked, and what the position itself shows. It sees more than the model (whose
neighbours are sometimes masked or replaced), so no masked model beats it in expectation:
a lower bound, not the best loss reachable.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from labs.lm.baselines import causal_baselines, fit_counts, masked_baselines
from labs.lm.corpus import MarkovSource
from labs.lm.entropy import bayes_loss, token_chain, token_posteriors
from labs.lm.mask_channel import MaskingChannel


@dataclass(frozen=True)
class Scores:
    bound: float  # causal: the exact bound; masked: a lower bound
    word_frequencies: float  # a model that ignores the context
    bigram: float  # a count-based bigram model


def causal_scores(source: MarkovSource, tokenizer: Any, train_blocks: np.ndarray,
                  validation_blocks: np.ndarray) -> Scores:
    counts = fit_counts(train_blocks, len(tokenizer))
    unigram, bigram = causal_baselines(counts, validation_blocks)
    return Scores(bayes_loss(token_chain(source, tokenizer), validation_blocks), unigram, bigram)


def masked_scores(source: MarkovSource, tokenizer: Any, train_blocks: np.ndarray,
                  evaluation: list[dict[str, Any]], collator: Any) -> Scores:
    """``evaluation``: the batches the model was evaluated on (``input_ids``, ``labels``)."""
    inputs = np.concatenate([_numpy(batch["input_ids"]) for batch in evaluation])
    labels = np.concatenate([_numpy(batch["labels"]) for batch in evaluation])
    scored = labels != -100
    originals = np.where(scored, labels, inputs)
    channel = MaskingChannel.of(collator, tokenizer)
    counts = fit_counts(train_blocks, len(tokenizer), never=tuple(tokenizer.all_special_ids))
    unigram, bigram = masked_baselines(counts, channel, originals, inputs, scored)
    beliefs = token_posteriors(token_chain(source, tokenizer), originals, scored, len(tokenizer))
    bound = channel.loss(beliefs, originals[scored], inputs[scored])
    return Scores(bound, unigram, bigram)


def _numpy(values: Any) -> np.ndarray:
    """A batch's tensor as numpy, wherever the loader put it (the GPU under accelerate)."""
    return values.cpu().numpy() if hasattr(values, "cpu") else np.asarray(values)
