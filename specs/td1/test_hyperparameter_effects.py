"""What coeff and the number of iterations do to the weights, and the report's readings that
a faithful run does not reproduce (expected failures with the measured numbers).

Calibration (reference, seeds 0-49, AND):
- coeff 0.01: the error peaks after iteration 1 on 19 of 50 seeds, but by at most 0.077
  (0.05 or more on 4 seeds; peak error 0.49-0.70, first iteration 0.46-0.70): the report's
  "first rises to about 0.64" is not a property of the run; the weights after each iteration
  against the iteration number over 100-1000 fit a straight line with R^2 0.986-0.991, and
  end at about 3.1, 1.9, 1.9 (the report reads 2.7, 1.6, 1.6 off its figure).
- coeff 10: the error of iteration 1 is 0.975-0.993; the largest weight is 9.8-10.6 after
  one iteration and 19.6-20.4 after two; after iteration 10 the error never rises again and
  stays below 0.0078 (at coeff 100: 7e-13). The report's conclusion that a too-large coeff
  oscillates and keeps the error from falling is not what its own run at coeff 10 shows.
- 50 iterations: the largest weight ends at 5.96-6.10 (14.5 after 1000), and the weights
  swing by 0.159-0.166 within the last iteration (0.0099 after 1000 iterations).
Thresholds keep a margin of 2x or more: R^2 >= 0.95; largest weight >= 15 after two
iterations; after 50 iterations largest weight <= 9 and a swing >= 0.08.
"""
from __future__ import annotations

import numpy as np
import pytest

RISE_AT_LEAST = 0.05
RISE_SEEDS = 20
LINEAR_R2_AT_LEAST = 0.95
JUMP_AT_LEAST = 15.0
FIFTY_MAX_WEIGHT = 9.0
FIFTY_SWING_AT_LEAST = 0.08


@pytest.mark.xfail(strict=True, reason=(
    "not reproduced: with coeff 0.01 the error's peak comes after iteration 1 on 19 of 50 "
    "seeds, by at most 0.077 (0.05 or more on 4 of 50); the peak is 0.49-0.70, mostly the "
    "first iteration's error (reference, seeds 0-49)"))
def test_small_coeff_error_rises_first(perceptron, spec_seed):
    """A small coeff: the error rises before it falls (the report's reading).

    Fails on: a run at coeff 0.01 whose error falls from the first iteration without rising
    first, as a faithful run's does (an expected failure: the report's reading is not
    reproduced)."""
    rises = []
    for seed in range(RISE_SEEDS * spec_seed, RISE_SEEDS * (spec_seed + 1)):
        errors = perceptron.train("AND", coeff=0.01, seed=seed)["errors"]
        rises.append(float(errors.max() - errors[0]))
    rising = int(np.sum(np.array(rises) >= RISE_AT_LEAST))
    assert rising > RISE_SEEDS // 2, (
        "with coeff 0.01 the error should first rise (the report: to about 0.64) before "
        f"falling; it rises by {RISE_AT_LEAST} or more above the first iteration's error on "
        f"{rising} of {RISE_SEEDS} seeds (largest rise {max(rises):.3f}), expected on most")


def test_small_coeff_weights_grow_steadily(perceptron, spec_seed):
    """A small coeff: the weights grow steadily.

    Fails on: weights that never move (tests/claims/test_new_specs_can_fail.py)."""
    ends = perceptron.weight_history("AND", per="iteration", coeff=0.01, seed=spec_seed)[100:]
    steps = np.arange(len(ends))
    slopes = np.array([np.polyfit(steps, ends[:, i], 1)[0] for i in range(3)])
    r2 = np.array([np.corrcoef(steps, ends[:, i])[0, 1] ** 2 if np.ptp(ends[:, i]) else 0.0
                   for i in range(3)])
    w0, w1, w2 = ends[-1]
    assert np.all(slopes > 0) and r2.min() >= LINEAR_R2_AT_LEAST and w0 > max(w1, w2) > 0, (
        "with coeff 0.01 the weights should grow steadily, almost linearly, in the right "
        f"direction (w0 above w1 = w2); over iterations 100-1000 slopes {np.round(slopes, 5)}, "
        f"R^2 of a straight line {np.round(r2, 3)} (expected >= {LINEAR_R2_AT_LEAST}), final "
        f"w = {np.round(ends[-1], 3)}")


@pytest.mark.xfail(strict=True, reason=(
    "not reproduced: with coeff 0.01 a faithful run ends at w = 3.1, 1.9, 1.9 on every seed "
    "(0-49); the report's 2.7 and 1.6 were read off its figure"))
def test_small_coeff_final_weights_match_the_report(perceptron, spec_seed):
    """A small coeff: the final weights match the report's.

    Fails on: final weights more than 10% from the report's 2.7, 1.6, 1.6 at coeff 0.01, as every
    faithful run's are (3.1, 1.9, 1.9; an expected failure: the report read its figure)."""
    weights = perceptron.train("AND", coeff=0.01, seed=spec_seed)["weights"]
    target = np.array([2.7, 1.6, 1.6])
    assert np.all(np.abs(weights - target) <= 0.1 * target), (
        f"with coeff 0.01 the report ends at w about {target}; measured {np.round(weights, 3)}, "
        "expected within 10%")


def test_large_coeff_weights_jump_within_two_iterations(perceptron, spec_seed):
    """A large coeff: the weights jump within two iterations.

    Fails on: weights that grow at a constant rate from 0
    (tests/claims/test_new_specs_can_fail.py); the coeff ignored (always 0.7: no jump)."""
    ends = perceptron.weight_history("AND", per="iteration", coeff=10.0, seed=spec_seed)
    largest = float(np.abs(ends[2]).max())  # after two iterations
    assert largest >= JUMP_AT_LEAST, (
        "with coeff 10 the first corrections are huge: the weights should jump to about 20 "
        f"within two iterations (the report: 20-25 at once); after two iterations w = "
        f"{np.round(ends[2], 2)}, expected a weight of at least {JUMP_AT_LEAST:g}")


@pytest.mark.xfail(strict=True, reason=(
    "not reproduced: at coeff 10 AND's error is below 0.05 after 5 iterations and never "
    "rises again; after iteration 10 it stays below 0.0078 (seeds 0-49), at coeff 100 below "
    "7e-13: the report's own run at coeff 10 converges at once, it does not oscillate"))
def test_large_coeff_oscillates_and_is_unstable(perceptron, spec_seed):
    """A large coeff oscillates and is unstable (the report's reading).

    Fails on: a run at coeff 10 whose error settles after iteration 10 and never rises, as a
    faithful run's does (an expected failure: the report's conclusion is not reproduced)."""
    errors = perceptron.train("AND", coeff=10.0, seed=spec_seed)["errors"][10:]
    rises = int(np.sum(np.diff(errors) > 1e-3))
    assert errors.max() > 0.1 and rises > 0, (
        "a too-large coeff should make learning oscillate and keep the error from falling "
        f"(the report's conclusion); at coeff 10, after iteration 10 the error peaks at "
        f"{errors.max():.4f} and rises {rises} times")


def test_fifty_iterations_leave_small_oscillating_weights(perceptron, spec_seed):
    """Fifty iterations leave small, oscillating weights.

    Fails on: a weight history of the end-of-iteration weights repeated, with no swing within an
    iteration (tests/claims/test_new_specs_can_fail.py); the iterations argument ignored (always
    1000: large, settled weights)."""
    history = perceptron.weight_history("AND", iterations=50, seed=spec_seed)
    largest = float(np.abs(history[-1]).max())
    swing = float(np.ptp(history[-5:], axis=0).max())  # within the last iteration
    assert largest <= FIFTY_MAX_WEIGHT and swing >= FIFTY_SWING_AT_LEAST, (
        "after only 50 iterations AND's weights should still be small and visibly oscillate "
        f"within each iteration; final w = {np.round(history[-1], 3)} (expected none above "
        f"{FIFTY_MAX_WEIGHT:g}), swing within the last iteration {swing:.3f} (expected >= "
        f"{FIFTY_SWING_AT_LEAST})")
