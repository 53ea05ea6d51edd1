"""How the weights learn AND, OR and XOR: the report's reading of its weight figures.

Calibration (reference, seeds 0-49, coeff 0.7, 1000 iterations): AND's mean growth per
iteration over the first 200 iterations is 7.0-7.9 times that over iterations 200-1000 (for
the slowest of the three weights); w0 is above w1 and w2 after every update from iteration
4 on (it takes the lead within 0-3 iterations); w0 / w1 = 1.516 for every seed (the report
says 1.55; its own weights 14.496 / 9.562 give 1.516); the error first falls below 0.05 at
iteration 141-144 for OR and 187-190 for AND (ratio 0.75-0.77); XOR's final weights leave
3 of the 4 patterns with |desired - output| >= 0.45. Thresholds keep a margin of 2x or
more on each: growth ratio >= 3, lead from iteration 10, ratio in [1.50, 1.535] (1.55
outside), OR <= 0.9 x AND's iterations, at least 2 patterns badly wrong. The lead of w0 is
checked after every iteration (the report's figure's granularity, so that a weight history
of one row per iteration is graded on it); the calibration above, after every update,
covers those points.
"""
from __future__ import annotations

import numpy as np

from labs.perceptron.gates import GATES, INPUTS
from labs.perceptron.train import predict

GROWTH_RATIO_AT_LEAST = 3.0
LEAD_FROM_ITERATION = 10
RATIO_RANGE = (1.50, 1.535)
BADLY_WRONG = 0.45


def test_weights_grow_fastest_in_the_first_200_iterations(perceptron, spec_seed):
    """The weights grow fastest in the first 200 iterations.

    Fails on: weights that grow at a constant rate from 0
    (tests/claims/test_new_specs_can_fail.py)."""
    ends = perceptron.weight_history("AND", per="iteration", initial=True, seed=spec_seed)
    early = (ends[200] - ends[0]) / 200
    late = (ends[1000] - ends[200]) / 800
    ratio = early / np.where(late > 0, late, np.nan)
    assert np.all(late > 0) and np.nanmin(ratio) >= GROWTH_RATIO_AT_LEAST, (
        "AND's weights should grow fastest in the first 200 iterations, then slowly; mean "
        f"growth per iteration over 0-200: {np.round(early, 4)}, over 200-1000: "
        f"{np.round(late, 4)}; expected every weight still growing and growing at least "
        f"{GROWTH_RATIO_AT_LEAST:g}x faster early")


def test_bias_weight_stays_above_the_input_weights(perceptron, spec_seed):
    """AND: the bias weight stays above the input weights.

    Fails on: w0 and w1 swapped in the weights returned
    (tests/claims/test_new_specs_can_fail.py)."""
    # checked after every iteration: the report's own figure's granularity is enough
    ends = perceptron.weight_history("AND", per="iteration", seed=spec_seed)[LEAD_FROM_ITERATION:]
    below = np.flatnonzero(ends[:, 0] <= ends[:, 1:].max(axis=1))
    assert below.size == 0, (
        "AND's bias weight w0 should stay above w1 and w2 (the bias is a threshold that one "
        f"input alone must not cross); from iteration {LEAD_FROM_ITERATION} on, w0 is not on "
        f"top after {below.size} iterations, first after iteration "
        f"{LEAD_FROM_ITERATION + below[0] if below.size else 0}: "
        f"w = {np.round(ends[below[0]] if below.size else ends[0], 3)}")


def test_and_bias_weight_is_1_52_times_an_input_weight(perceptron, spec_seed):
    """AND: the bias weight is about 1.52 times an input weight.

    Fails on: weights with w0 = 1.55 w1, as the report's text says
    (tests/claims/test_new_specs_can_fail.py)."""
    w0, w1, w2 = perceptron.train("AND", seed=spec_seed)["weights"]
    ratio = w0 / w1 if w1 else float("inf")
    low, high = RATIO_RANGE
    assert low <= ratio <= high, (
        f"AND's w0 / w1 should be about 1.52 (the report's weights 14.496 and 9.562 give "
        f"1.516; its text says 1.55, a slip); measured w = {w0:.3f}, {w1:.3f}, {w2:.3f}, "
        f"ratio {ratio:.3f}, expected in [{low}, {high}]")


def _iterations_to(errors: np.ndarray, level: float) -> int:
    below = np.flatnonzero(errors < level)
    return int(below[0]) + 1 if below.size else len(errors) + 1


def test_or_converges_faster_than_and(perceptron, spec_seed):
    """OR converges faster than AND.

    Fails on: OR's run reporting AND's errors (tests/claims/test_new_specs_can_fail.py)."""
    or_it = _iterations_to(perceptron.train("OR", seed=spec_seed)["errors"], 0.05)
    and_it = _iterations_to(perceptron.train("AND", seed=spec_seed)["errors"], 0.05)
    assert or_it <= 0.9 * and_it, (
        "OR's error should converge faster than AND's (a single active input suffices); "
        f"iterations until the error is below 0.05: OR {or_it}, AND {and_it}, expected OR "
        "at most 0.9 x AND")


def test_xor_is_badly_wrong_on_two_patterns(perceptron, spec_seed):
    """XOR: the final weights are badly wrong on two patterns.

    Fails on: XOR's run returning OR's weights (tests/claims/test_new_specs_can_fail.py)."""
    weights = perceptron.train("XOR", seed=spec_seed)["weights"]
    misses = np.abs(np.array(GATES["XOR"], dtype=float) - predict(weights, INPUTS))
    assert int(np.sum(misses >= BADLY_WRONG)) >= 2, (
        "a single neuron trained on XOR should stay badly wrong on at least 2 of the 4 "
        f"patterns; with the final weights {np.round(weights, 3)}, |desired - output| per "
        f"pattern is {np.round(misses, 3)}, expected at least 2 at or above {BADLY_WRONG}")
