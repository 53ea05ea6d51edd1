"""Training on the built-in corpus: the validation loss falls every epoch, the same seed gives
the same losses, the causal model ends above the corpus's entropy bound and close to it, and
the masked model ends well below word frequencies alone (it uses the context).

A model that has not learned the chain fails the last two: one that learns nothing (random
weights) or only word frequencies (a bias per token) is proved to fail them in
``tests/td3/test_hollow_models.py``.

Calibration (reference, tiny defaults, default built-in corpus of 240 training articles,
3 epochs (causal) or 4 (masked), corpus seed = training seed, seeds 0-19,
``python -m labs.lm.calibrate``, on a shared 2-core AMD EPYC machine):

- validation loss, smallest drop from one epoch to the next: CLM 0.044 (seed 19; up to
  0.087): it fell every epoch on every seed. Threshold: strictly lower. MLM -0.011 (seed 7)
  and -0.009 (seed 9) to 0.082: over its 4 epochs the masked model's loss, on pinned
  evaluation masks, settles and can rise by a hundredth in the last ones (18 seeds fell
  every epoch). Threshold: no rise above 0.02 nats (twice the worst seed's).
- MLM epochs at random seeds (2026-12-07): the secret-offset calibration found the masked
  model rising 0.060 nats at epoch 3 (3.2771 to 3.3372, then 3.1541) at offset 897626, on
  the reference and ``correct_notebook`` alike. Over seeds 310000-310159 (160 runs,
  ``python -m labs.lm.calibrate --first 310000 --seeds 160 --kinds mlm``) it rose by more
  than 0.02 in 4 (0.023 to 0.038), by less in 4 more, and fell 0.447 to 1.213 nats from the
  first epoch to the last. So, as for word frequencies below, the masked case asks it of
  one of up to 3 runs, and asks the last epoch below the first (a model that learns nothing
  stays level and passed the rise rule alone): with 5 runs in about 270 rising too far
  (these 160, the 64 seeds above and the 50 offsets), all three do about once in 160,000
  spec seeds.
- CLM final validation loss over the entropy bound (the truth's loss on the same blocks,
  1.571-1.676 nats/token): 1.086-1.145 times (seed 10 to seed 16). Threshold: above the
  bound, at most 1.18 times it (``labs.lm.spec_cases.BOUND_FACTOR``; 0.035 over the worst
  seed, about 2.5 times the seeds' standard deviation). It does not separate the model from
  the count-based bigram, which lands at 1.120-1.160 times the bound: the model beat the
  bigram on every seed, but by 0.0005 (seed 16) to 0.068 nats, too little for a spec.
- MLM final validation loss below word frequencies alone (this tokenizer's counts, on the
  tokens the evaluation masked, 3.74-4.05 nats/token): 0.610 (seed 17) to 0.879 (seed 13)
  nats below. Threshold: at least 0.4 nats below (``labs.lm.spec_cases.BELOW_WORD_FREQUENCIES``;
  0.21 under the worst seed, about 2.8 times the seeds' standard deviation). A model of word
  frequencies alone lands at or above them. Its lower bound: 0.568-0.792; its count-based
  bigram: 0.910-1.387 (the model, at 2.96-3.41, stays well above both).
- the masked model, at random seeds (2026-12-07): the secret-offset calibration found it
  short of 0.4 at 2 of 19 offsets, on the reference and ``correct_notebook`` alike (their runs
  are the same): 0.187 nats below word frequencies at seed 138406, 0.388 at 528697,
  while seeds 300000-300043 ended 0.503-0.884 below (44 runs) and seeds 0-19 0.610-0.879:
  about 2 runs in 83 fall short, more where the corpus drawn from the seed is harder (6 of
  the 160 runs above: 0.309 to 0.391 below). So the spec asks the 0.4 nats of one of up to
  3 runs (``MASKED_RUNS``: the shared default run, then seeds s + 10^6 and s + 2 x 10^6,
  trained only when the ones before fall short): all three fall short in about (8/243)^3
  of spec seeds, once in 28,000. A model that learns nothing or only word frequencies
  fails every run. Over the same 44 seeds the causal model ended
  1.090-1.169 times its bound (threshold 1.18) and fell every epoch (smallest drop 0.044).
- two runs with the same seed: identical losses, to the bit (1 epoch, 24 articles).

Calibrated on an independently written folder too: ``tests/submissions/td3/correct_notebook``
(its own ``group_texts``, collator and ``perplexity``, trained on the harness's model as every
submission is), in the sandbox, seeds 0-19: CLM 1.086-1.145 times the bound, MLM 0.610-0.879
nats below word frequencies, smallest epoch-to-epoch drops 0.043 (CLM) and -0.011 (MLM): its
pieces reproduce the reference's runs, so the same thresholds hold with the same margins.
"""
from __future__ import annotations


import pytest

from labs.lm.spec_cases import (causal_within_bound, falls_every_epoch, in_one_masked_run,
                                masked_beats_word_frequencies)


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_validation_loss_decreases_every_epoch(kind, lm, spec_seed, clm_run):
    """The validation loss decreases every epoch.

    Fails on: a run whose model learns nothing (tests/td3/test_hollow_models.py's learning rate
    0): its loss stays level. The masked model may rise by up to 0.02 nats between two epochs
    if it ends lower, in one of up to 3 runs."""
    if kind == "clm":
        failure = falls_every_epoch(clm_run, "clm")
    else:  # lm.train caches its runs: the first seed's is the mlm_run fixture's
        failure = in_one_masked_run(lambda run: falls_every_epoch(run, "mlm"),
                                    lambda seed: lm.train("mlm", seed=seed), spec_seed)
    assert failure is None, failure


def test_the_causal_model_cannot_beat_the_truth(clm_run):
    """The causal model cannot beat the corpus's entropy bound.

    Fails on: labels that lag input_ids by one token in group_texts: the causal model is then
    scored on the token it already sees, and its loss falls below the bound."""
    loss, bound = clm_run["eval_loss"], clm_run["bayes_loss"]
    assert bound is not None and loss > bound, (
        "no model can beat the corpus's own probabilities on the same validation blocks: the "
        f"causal model's loss should lie above the entropy bound {bound}; measured {loss:.4f}")


def test_the_causal_model_lands_within_the_documented_factor_of_the_bound(clm_run):
    """The causal model lands within the documented factor of the bound.

    Fails on: a model that learns nothing or only word frequencies
    (tests/td3/test_hollow_models.py)."""
    failure = causal_within_bound(clm_run)
    assert failure is None, failure


def test_the_masked_model_beats_word_frequencies(lm, spec_seed):
    """The masked model beats a guess from word frequencies.

    Fails on: a model that learns nothing or only word frequencies
    (tests/td3/test_hollow_models.py)."""
    # lm.train caches its runs: the first seed's is the mlm_run fixture's, not trained again
    failure = in_one_masked_run(masked_beats_word_frequencies,
                                lambda seed: lm.train("mlm", seed=seed), spec_seed)
    assert failure is None, failure


@pytest.mark.parametrize("kind", ["clm", "mlm"])
def test_the_same_seed_gives_the_same_losses(lm, spec_seed, kind):
    """The same seed gives the same losses.

    Fails on: a collator or data order seeded from the clock or os.urandom: two runs of one seed
    give different losses."""
    small = dict(train_articles=24, validation_articles=4)
    first, second = lm.train(kind, seed=spec_seed + 100, epochs=1, repeat=2, **small)
    assert first["epochs"] == second["epochs"] and first["eval_loss"] == second["eval_loss"], (
        f"two {kind} runs with seed {spec_seed + 100} should give the same losses, to the bit "
        f"(weights, data order and masks all come from the seed); got {first['epochs']} "
        f"and {second['epochs']}")
