"""A probe's timeout names the student's function and counts each call it makes."""
from __future__ import annotations

import pytest

from labs.suite.contract import load_contract
from labs.suite.submission import _student_calls


@pytest.mark.parametrize("contract, probe, args, expected", [
    ("labs.lm.contract", "collate", (4, 0), ("make_collator and its collator", 2)),
    ("labs.lm.contract", "perplexity", ([1.0],), ("perplexity", 1)),
    ("labs.perceptron.contract", "train_twice", ("AND", 0.7, 1000, 0), ("train", 2)),
    ("labs.gan.contract", "train_seeds", ({}, [0, 1, 2], 10), ("train_gan", 3)),
    ("labs.gan.contract", "twice", ("train", {}, 10), ("train_gan", 2)),
    ("labs.gan.contract", "train_seeds", ({},), ("train_seeds", 1)),  # bad arguments: default
])
def test_student_calls(contract, probe, args, expected):
    assert _student_calls(load_contract(contract), probe, args, {}) == expected
