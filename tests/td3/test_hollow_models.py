"""Models that have not learned the chain fail both learning specs (``labs.lm.spec_cases``):
one that learns nothing (the tiny model trained with a learning rate of zero) and one that
can learn only word frequencies (one learned bias per token, whatever the context).

Trained through the same ``train_lm`` and Trainer as the reference, on a small built-in
corpus (the verdicts compare a run with its own bound and baselines, whatever the corpus).
"""
from __future__ import annotations

from typing import Any

import pytest
import torch
from torch import nn

from labs.lm.corpus import CorpusSpec
from labs.lm.spec_cases import (MASKED_RUNS, MLM_EPOCH_RISE, causal_within_bound,
                                falls_every_epoch, in_one_masked_run,
                                masked_beats_word_frequencies)
from labs.lm.train import RunConfig, train_lm

SMALL = CorpusSpec(train_articles=24, validation_articles=4)


class WordFrequencies(nn.Module):
    """Logits = a learned bias, the same at every position: word frequencies alone."""

    def __init__(self, vocab_size: int, causal: bool) -> None:
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(vocab_size))
        self.causal = causal

    def forward(self, input_ids: torch.Tensor, labels: torch.Tensor | None = None,
                **ignored: Any) -> dict[str, torch.Tensor]:
        logits = self.bias.expand(*input_ids.shape, -1)
        if labels is None:
            return {"logits": logits}
        if self.causal:  # position t predicts token t + 1, as GPT-2's head does
            logits, labels = logits[:, :-1], labels[:, 1:]
        loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                           labels.reshape(-1), ignore_index=-100)
        return {"loss": loss, "logits": logits}


def word_frequencies(kind: str, tokenizer: Any, size: str = "tiny") -> WordFrequencies:
    return WordFrequencies(len(tokenizer), causal=kind == "clm")


VERDICTS = {"clm": causal_within_bound, "mlm": masked_beats_word_frequencies}


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_a_model_that_learns_only_word_frequencies_fails(kind):
    run = train_lm(RunConfig(kind, corpus_spec=SMALL, learning_rate=0.1, epochs=3, progress=False),
                   model_builder=word_frequencies).as_dict()
    assert run["eval_loss"] > run["unigram_entropy"] - 0.05  # it did learn the frequencies...
    assert VERDICTS[kind](run) is not None  # ...and nothing more, which the spec catches


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_a_model_that_learns_nothing_fails(kind):
    run = train_lm(RunConfig(kind, corpus_spec=SMALL, learning_rate=0.0, epochs=2,
                             progress=False)).as_dict()
    assert VERDICTS[kind](run) is not None
    first, last = (row["eval_loss"] for row in run["epochs"])
    assert first == last  # level: within the masked model's allowed rise between epochs...
    assert "is not below the first" in falls_every_epoch(run, kind)  # ...but not lower


def epochs(*losses: float) -> dict[str, Any]:
    return {"epochs": [{"eval_loss": loss} for loss in losses]}


def test_the_masked_model_may_settle_a_little_between_epochs_if_it_ends_lower():
    settles = epochs(3.9, 3.3, 3.3 + MLM_EPOCH_RISE / 2, 3.1)
    assert falls_every_epoch(settles, "mlm") is None
    assert "epoch 3" in falls_every_epoch(settles, "clm")  # the causal model falls strictly
    assert "epoch 3" in falls_every_epoch(epochs(3.9, 3.3, 3.3 + 2 * MLM_EPOCH_RISE, 3.1), "mlm")


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_word_frequencies_at_their_best_fail(kind):
    """A run scoring exactly the word-frequency baseline, with a default run's bound."""
    bound = {"clm": 1.6, "mlm": 0.7}[kind]
    run = {"eval_loss": 4.2, "bayes_loss": bound, "unigram_entropy": 4.2, "bigram_loss": 1.9}
    assert VERDICTS[kind](run) is not None


def test_the_masked_specs_ask_one_good_run_of_three_and_train_no_more_than_needed():
    hollow = {"eval_loss": 4.2, "bayes_loss": 0.7, "unigram_entropy": 4.2, "bigram_loss": 1.9}
    learned = dict(hollow, eval_loss=3.2)
    trained = []

    def train(runs):
        def one(seed):
            trained.append(seed)
            return runs[len(trained) - 1]
        return one

    failure = in_one_masked_run(masked_beats_word_frequencies, train([hollow] * MASKED_RUNS), 7)
    assert failure is not None and failure.count("seed ") == MASKED_RUNS
    assert len(set(trained)) == MASKED_RUNS and trained[0] == 7  # the first is the shared run
    trained.clear()
    assert in_one_masked_run(masked_beats_word_frequencies, train([hollow, learned, hollow]),
                             7) is None
    assert len(trained) == 2  # the third run is never trained
