"""Perplexity is exp(evaluation loss), exactly, and infinity on overflow; the trained runs
report the perplexity of the very evaluation whose loss they report.

Deterministic given the seed: the masked model's evaluation masks come from a seeded
collator, fresh at every evaluation, so the last epoch's evaluation and the evaluation
after training see the same masks and give the same loss (the report's 963.88 versus
exp(6.878888) = 971.6 is what unpinned masks do).
"""
from __future__ import annotations

import math

LOSSES = [0.0, 1.0, 6.068984, 6.878888, 709.0]
OVERFLOWING = [710.0, 1e6]


def test_perplexity_is_exp_of_the_loss_exactly(lm):
    answers = lm.call("perplexity", LOSSES)
    for loss, answer in zip(LOSSES, answers):
        assert answer["error"] is None, f"perplexity({loss}) raised {answer['error']}"
        assert answer["value"] == math.exp(loss), (
            f"perplexity({loss}) should be exp({loss}) = {math.exp(loss)!r} exactly; "
            f"got {answer['value']!r}")


def test_perplexity_is_infinite_on_overflow(lm):
    for loss, answer in zip(OVERFLOWING, lm.call("perplexity", OVERFLOWING)):
        assert answer["error"] is None and answer["value"] == math.inf, (
            f"exp({loss:g}) overflows a float: perplexity should be infinity, as the "
            f"transformers example scripts return; got {answer['error'] or answer['value']}")


def test_runs_report_exp_of_their_final_evaluation(clm_run, mlm_run):
    for run in (clm_run, mlm_run):
        assert run["perplexity"] == math.exp(run["eval_loss"]), (
            f"{run['kind']}: the perplexity should be exp of the same evaluation's loss, "
            f"exactly: exp({run['eval_loss']!r}) = {math.exp(run['eval_loss'])!r}, "
            f"reported {run['perplexity']!r}")


def test_evaluating_again_gives_the_last_epochs_loss(clm_run, mlm_run):
    for run in (clm_run, mlm_run):
        last = run["epochs"][-1]["eval_loss"]
        assert run["eval_loss"] == last, (
            f"{run['kind']}: evaluating the trained model again should repeat the last "
            f"epoch's validation loss {last!r} (the evaluation masks must be pinned by a "
            f"seed); got {run['eval_loss']!r}")
