"""A probe's timeout names the student's function and counts each call it makes: what its
``@probe`` declares (a name, a number of calls, or one call per item of an argument)."""
from __future__ import annotations

import pytest

from labs.gan import contract as gan
from labs.lm import contract as lm
from labs.perceptron import contract as perceptron
from labs.suite.contract import student_calls


@pytest.mark.parametrize("probe, args, expected", [
    (lm.probe_collate, (4, 0), ("make_collator and its collator", 2)),
    (lm.probe_perplexity, ([1.0],), ("perplexity", 1)),
    (perceptron.probe_train, ([0, 0, 0, 1], 0.7, 1000, 0), ("train", 1)),
    (perceptron.probe_weights_csv, ([1.0, 2.0, 3.0],),
     ("write_weights_csv, then read_weights_csv", 2)),
    (gan.probe_train, ({}, 10), ("train_gan", 1)),
    (gan.probe_train_seeds, ({}, [0, 1, 2], 10), ("train_gan (or train_gan_seeds)", 3)),
    (gan.probe_train_seeds, ({},), ("train_gan (or train_gan_seeds)", 1)),  # bad arguments
])
def test_student_calls(probe, args, expected):
    assert student_calls(probe, args, {}) == expected


def test_a_repeated_call_gets_a_timeout_per_call():
    assert student_calls(perceptron.probe_train, ([0, 0, 0, 1], 0.7, 10, 0), {}, 2) == ("train", 2)
    assert student_calls(lm.probe_collate, (4, 0), {}, 3) == ("make_collator and its collator", 6)
