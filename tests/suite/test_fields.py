"""One field, its specs only, without a child process: ``labs.suite.client.Fields`` and TD 1's
client on answers that differ from a correct one in one field (the slow tests in
tests/td1/test_one_field.py run the same on folders, in the sandbox)."""
from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron import train
from labs.perceptron.contract import Perceptron, run_fields
from labs.perceptron.gates import GATES
from labs.suite.client import Fields


class Answers:
    """A bound contract that answers probe_train with the reference's run, one field changed."""

    def __init__(self, change):
        self.change = change

    def call(self, probe, desired, coeff, iterations, seed, repeat=None, cache=True):
        run = train(np.array(desired), coeff, iterations, seed)
        fields = run_fields({"weights": run.weights, "errors": run.errors,
                             "weight_history": run.weight_history}, strict=False)
        self.change(fields)
        return fields if repeat is None else [fields] * repeat


def test_a_bad_field_fails_only_when_it_is_read():
    def positive(value):
        assert value > 0, f"expected a positive number, got {value}"

    fields = Fields({"good": 1, "bad": -1, "unreadable": {"invalid": "`x` is not an array"}, "gone": None},
                    "f(1)", {"good": positive, "bad": positive})
    assert fields["good"] == 1
    for name, message in (("bad", "expected a positive number, got -1"),
                          ("unreadable", "f(1): `x` is not an array"), ("gone", "f(1): the result has no `gone`")):
        with pytest.raises(AssertionError) as error:
            fields[name]
        assert str(error.value).startswith(message)
    assert fields.raw("bad") == -1


def test_one_row_per_iteration_serves_the_specs_that_read_iteration_ends():
    client = Perceptron(Answers(lambda f: f.update(weight_history=f["weight_history"][::4])))
    ends = client.weight_history("AND", per="iteration", initial=True, seed=3)
    reference = train(np.array(GATES["AND"]), 0.7, 1000, 3).weight_history[::4]
    assert np.array_equal(ends, reference)
    with pytest.raises(AssertionError, match="needs weight_history with one row per update"):
        client.weight_history("AND", per="update", seed=3)


def test_one_row_per_iteration_without_the_initial_weights():
    client = Perceptron(Answers(lambda f: f.update(weight_history=f["weight_history"][4::4])))
    ends = client.weight_history("AND", per="iteration", seed=3)
    assert ends.shape == (1001, 3) and np.isnan(ends[0]).all() and np.isfinite(ends[1:]).all()
    with pytest.raises(AssertionError, match="reads the initial weights"):
        client.weight_history("AND", per="iteration", initial=True, seed=3)


def test_bad_errors_leave_the_weights_readable():
    client = Perceptron(Answers(lambda f: f.update(errors={"invalid": "train's `errors` is not an array"})))
    run = client.train("OR", seed=1)
    assert run["weights"].shape == (3,)
    with pytest.raises(AssertionError, match="is not an array"):
        run["errors"]
