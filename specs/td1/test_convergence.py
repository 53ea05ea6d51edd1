"""AND and OR converge; the learned weights have the signs and symmetries the report reads.

Calibration (seeds 0-49, coeff 0.7, 1000 iterations; the initial weights are the only
randomness): final error AND 0.0099-0.0100, OR 0.0072; |w1 - w2| below 0.01 (AND) and
0.005 (OR) for every seed; w grows between iterations 500 and 1000 by 0.9-1.0 (AND w0).
Thresholds: final error <= 0.02, |w1 - w2| <= 0.05, growth > 0.1: margins of 2x to 5x.
"""
from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron.gates import GATES, INPUTS
from labs.perceptron.train import predict


@pytest.mark.parametrize("gate", ["AND", "OR"])
def test_and_or_reproduce_the_truth_table(perceptron, spec_seed, gate):
    """The trained perceptron reproduces the truth table.

    Fails on: an untrained perceptron (its random initial weights returned: wrong on most
    seeds); an update with its sign reversed, which moves the weights away from the targets."""
    run = perceptron.train(gate, seed=spec_seed)
    outputs = predict(run["weights"], INPUTS)
    expected = np.array(GATES[gate])
    wrong = [tuple(map(int, x)) for x, o, d in zip(INPUTS, outputs, expected) if (o > 0.5) != d]
    assert not wrong, (f"{gate} should be learned (the report: AND and OR converge), but the "
                       f"final weights {np.round(run['weights'], 3)} get inputs {wrong} wrong")


@pytest.mark.parametrize("gate", ["AND", "OR"])
def test_and_or_error_goes_to_about_0_01(perceptron, spec_seed, gate):
    """The error falls to about 0.01 after 1000 iterations at coeff 0.7.

    Fails on: an update multiplied by the sigmoid's derivative
    (tests/submissions/td1/wrong_derivative): AND's error is still far above 0.02 after 1000
    iterations."""
    final = perceptron.train(gate, seed=spec_seed)["errors"][-1]
    assert final <= 0.02, (f"{gate}'s error should fall to about 0.01 after 1000 iterations "
                           f"at coeff 0.7; measured {final:.4f}, expected <= 0.02")


@pytest.mark.parametrize("gate", ["AND", "OR"])
def test_symmetric_inputs_get_equal_weights(perceptron, spec_seed, gate):
    """Symmetric inputs end with equal weights (w1 = w2).

    Fails on: an update that skips w2: w2 stays where it started while w1 grows."""
    w0, w1, w2 = perceptron.train(gate, seed=spec_seed)["weights"]
    assert abs(w1 - w2) <= 0.05, (f"{gate}: x1 and x2 play symmetric roles, so w1 and w2 should "
                                  f"end equal; measured w1 = {w1:.3f}, w2 = {w2:.3f}")


def test_and_bias_dominates_one_input_not_two(perceptron, spec_seed):
    """AND: the bias weight beats one input but not two.

    Fails on: a bias input of +1 instead of -1 (tests/submissions/td1/wrong_bias_sign)."""
    w0, w1, w2 = perceptron.train("AND", seed=spec_seed)["weights"]
    assert w0 > w1 and w0 > w2 and w0 < w1 + w2, (
        "AND needs both inputs: the bias weight should beat one input but not two "
        f"(w1 < w0 < w1 + w2); measured w0 = {w0:.3f}, w1 = {w1:.3f}, w2 = {w2:.3f}")


def test_or_each_input_beats_the_bias(perceptron, spec_seed):
    """OR: each input weight beats the bias weight.

    Fails on: OR trained on AND's truth table (a gate mixed up): the bias weight then beats each
    input."""
    w0, w1, w2 = perceptron.train("OR", seed=spec_seed)["weights"]
    assert w0 < w1 and w0 < w2, ("OR needs one input: each input weight should beat the bias "
                                 f"weight; measured w0 = {w0:.3f}, w1 = {w1:.3f}, w2 = {w2:.3f}")


@pytest.mark.parametrize("gate", ["AND", "OR"])
def test_weights_keep_growing_after_convergence(perceptron, spec_seed, gate):
    """The weights keep growing slowly after convergence.

    Fails on: training that stops early once the error is small, or a coeff that decays to 0: the
    weights stop growing."""
    ends = perceptron.weight_history(gate, per="iteration", seed=spec_seed)
    middle, end = ends[500], ends[-1]
    growth = np.abs(end) - np.abs(middle)
    assert np.all(growth > 0.1), (
        f"{gate}: on separable data the sigmoid only reaches 1 at infinity, so the weights "
        f"should keep growing slowly after convergence; |w| grew by {np.round(growth, 3)} "
        "between iterations 500 and 1000, expected each > 0.1")
