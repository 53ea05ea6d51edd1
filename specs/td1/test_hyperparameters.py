"""Learning rate and iterations: too small under-fits, too large breaks symmetry, too few stops.

Calibration (reference, seeds 0-49): AND coeff 0.01 final error 0.319-0.353 and never below
0.319 in 1000 iterations; coeff 10 error at iteration 5 below 0.03, at iteration 10
0.005-0.008, |w1 - w2| 1.35-1.95 (at coeff 0.7: 0.006); 50 iterations final error
0.157-0.164 (at 1000 iterations: 0.0099). Thresholds below keep a 2x margin or more.
"""
from __future__ import annotations


def test_small_coeff_under_fits(perceptron, spec_seed):
    """A small coeff (0.01) under-fits in 1000 iterations.

    Fails on: the coeff ignored (always 0.7: AND's error falls to 0.01)."""
    errors = perceptron.train("AND", coeff=0.01, seed=spec_seed)["errors"]
    assert 0.25 <= errors[-1] <= 0.45, (
        "with coeff 0.01, AND should still be far from converged after 1000 iterations "
        f"(the report: error about 0.34-0.38 at the end); measured {errors[-1]:.3f}, "
        "expected in [0.25, 0.45]")


def test_large_coeff_converges_at_once(perceptron, spec_seed):
    """A large coeff (10) converges in under 10 iterations.

    Fails on: the coeff ignored (always 0.7: at iteration 10 AND's error is still far above
    0.05)."""
    errors = perceptron.train("AND", coeff=10.0, seed=spec_seed)["errors"]
    assert errors[9] < 0.05, ("with coeff 10, AND's error should fall to about 0 in under 10 "
                              f"iterations; at iteration 10 it is {errors[9]:.3f}, expected < 0.05")


def test_large_coeff_breaks_symmetry(perceptron, spec_seed):
    """A large coeff (10) breaks the w1 = w2 symmetry.

    Fails on: an update multiplied by the sigmoid's derivative
    (tests/submissions/td1/wrong_derivative)."""
    w0, w1, w2 = perceptron.train("AND", coeff=10.0, seed=spec_seed)["weights"]
    assert abs(w1 - w2) > 0.5, (
        "with coeff 10 the first big jumps favour one input, so w1 and w2 should end "
        f"visibly different (the report: about 18 and 16); measured w1 = {w1:.2f}, w2 = {w2:.2f}")


def test_too_few_iterations_stop_before_convergence(perceptron, spec_seed):
    """Too few iterations (50) stop before convergence.

    Fails on: the iterations argument ignored (always 1000: AND's error falls to 0.01)."""
    errors = perceptron.train("AND", iterations=50, seed=spec_seed)["errors"]
    assert errors[-1] > 0.1, ("after only 50 iterations AND should not have converged "
                              f"(the report: error about 0.16-0.18); measured {errors[-1]:.3f}, "
                              "expected > 0.1")
