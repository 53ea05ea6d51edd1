"""What TD 3's training specs require of a trained run, shared with the tests that prove a
model which has not learned the chain fails them.

The thresholds are calibrated in ``specs/td3/test_training.py``'s docstring (20 training
seeds, ``python -m labs.lm.calibrate``). Each check returns None when the run passes, or
the sentence that says why it fails.
"""
from __future__ import annotations

from typing import Any, Callable

# The causal model ends within this factor of the entropy bound: 1.086-1.145 over 20 seeds.
# It does not separate the model from the count-based bigram, which lands at 1.120-1.160.
BOUND_FACTOR = 1.18
# The masked model ends at least this many nats below word frequencies alone: 0.610-0.879
# below them over 20 seeds.
BELOW_WORD_FREQUENCIES = 0.4
# but about one masked run in 30 falls short of that (8 of 243; 0.187 below at seed 138406), so
# the spec asks it of one of up to this many runs, each next one trained only when needed
MASKED_RUNS = 3
# The masked model's validation loss may rise by this much from one epoch to the next (its
# masks are drawn afresh): at most 0.016 over 64 seeds, but 0.060 once in 50 random offsets
# and 0.023-0.038 in 4 of 160 more seeds, so this spec too asks one of the MASKED_RUNS runs
MLM_EPOCH_RISE = 0.02
MASKED_RETRY_BASE = 1_000_000  # run k's seed: the spec seed + k x this (spec seeds are below)


def causal_within_bound(run: dict[str, Any]) -> str | None:
    loss, bound = run["eval_loss"], run["bayes_loss"]
    if bound is None:
        return "the run reports no entropy bound (is it on the built-in corpus?)"
    if loss <= BOUND_FACTOR * bound:
        return None
    return (f"trained as configured, the causal model's validation loss should be within "
            f"{BOUND_FACTOR} times the entropy bound {bound:.4f} (= {BOUND_FACTOR * bound:.4f}), "
            f"as a model that learned the corpus's chain is; measured {loss:.4f} "
            f"({loss / bound:.2f} times; word frequencies alone: {run['unigram_entropy']:.4f}, "
            f"a count-based bigram: {run['bigram_loss']:.4f})")


def masked_beats_word_frequencies(run: dict[str, Any]) -> str | None:
    loss, frequencies = run["eval_loss"], run["unigram_entropy"]
    if frequencies is None:
        return "the run reports no word-frequency baseline (is it on the built-in corpus?)"
    if loss <= frequencies - BELOW_WORD_FREQUENCIES:
        return None
    return (f"trained as configured, the masked model should use the context: its validation "
            f"loss should be at least {BELOW_WORD_FREQUENCIES} nats below word frequencies "
            f"alone ({frequencies:.4f}, so at most {frequencies - BELOW_WORD_FREQUENCIES:.4f}); "
            f"measured {loss:.4f} (lower bound {run['bayes_loss']:.4f}, count-based bigram "
            f"{run['bigram_loss']:.4f})")


def falls_every_epoch(run: dict[str, Any], kind: str) -> str | None:
    """The validation loss falls from each epoch to the next: strictly for the causal model;
    the masked model may rise by up to ``MLM_EPOCH_RISE`` between two epochs, but must end
    below where it started (a model that learns nothing stays level and fails)."""
    losses = [row["eval_loss"] for row in run["epochs"]]
    allowed_rise = {"clm": 0.0, "mlm": MLM_EPOCH_RISE}[kind]
    shortfalls = [f"epoch {i + 2}: {b:.4f} after {a:.4f}" for i, (a, b) in
                  enumerate(zip(losses, losses[1:])) if not b < a + allowed_rise]
    if not losses[-1] < losses[0]:
        shortfalls.append(f"the last epoch's {losses[-1]:.4f} is not below the first's {losses[0]:.4f}")
    if not shortfalls:
        return None
    allowed = f" (or rise by at most {allowed_rise} nats, ending lower)" if allowed_rise else ""
    return (f"the {kind} model's validation loss should fall every epoch{allowed} on the "
            f"built-in corpus; it did not at {'; '.join(shortfalls)} (all: "
            f"{[round(x, 4) for x in losses]})")


def masked_run_seeds(spec_seed: int) -> list[int]:
    return [spec_seed + k * MASKED_RETRY_BASE for k in range(MASKED_RUNS)]


def in_one_masked_run(check: Callable[[dict[str, Any]], str | None],
                      train: Callable[[int], dict[str, Any]], spec_seed: int) -> str | None:
    """None as soon as ``check`` passes one of the masked runs of ``masked_run_seeds``
    (``train(seed)`` gives each, cached, so the specs share them; the first is the specs'
    shared default run); else why each one failed."""
    failures = []
    for seed in masked_run_seeds(spec_seed):
        failure = check(train(seed))
        if failure is None:
            return None
        failures.append(f"seed {seed}: {failure}")
    return f"in none of {MASKED_RUNS} runs; " + "; ".join(failures)
