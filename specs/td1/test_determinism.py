"""The same seed gives the same weights and curves, to the bit; other seeds start elsewhere."""
from __future__ import annotations

import numpy as np


def test_same_seed_same_run_to_the_bit(perceptron, spec_seed):
    """The same seed gives the same run, to the bit.

    Fails on: initial weights drawn from numpy's unseeded global state (or the clock): two runs
    of one seed differ."""
    first, second = perceptron.train("AND", iterations=200, seed=spec_seed + 7, repeat=2)
    for name in ("weights", "errors", "weight_history"):  # as returned, whatever their shape
        a, b = first.raw(name), second.raw(name)
        if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
            same = a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
            differ = (f"shapes {a.shape} and {b.shape}" if a.shape != b.shape else
                      f"{int(np.sum((a != b) & ~(np.isnan(a) & np.isnan(b))))} values differ")
        else:  # absent, or not numbers: the same answer twice is still deterministic
            same, differ = a == b, f"one is {a!r:.60}, the other {b!r:.60}"
        assert same, (f"two runs with the same seed ({spec_seed + 7}) should give identical "
                      f"{name}, to the bit; {differ}")


def test_different_seeds_different_initial_weights(perceptron, spec_seed):
    """Different seeds start from different weights.

    Fails on: a seed that is ignored (a fixed seed); a table of one recorded run played back for
    any seed (tests/submissions/td1_attacks/attack_lookup_table, at a secret offset)."""
    runs = [perceptron.train("AND", iterations=1, seed=spec_seed + k) for k in range(3)]
    starts = [perceptron.initial_weights(run) for run in runs]
    for k in range(1, 3):
        assert not np.array_equal(starts[0], starts[k]), (
            f"seeds {spec_seed} and {spec_seed + k} should start from different random weights; "
            f"both start (or end their first iteration) at {np.round(starts[0], 4)}")


def test_initial_weights_follow_the_seed_convention(perceptron, spec_seed):
    """The initial weights follow the lab's seed convention.

    Fails on: initial weights from np.random.seed(seed) and np.random.rand(3), or from
    default_rng(seed).normal; a run recorded for another seed played back
    (tests/submissions/td1_attacks/attack_lookup_table)."""
    history = perceptron.weight_history("AND", per="iteration", initial=True, iterations=1,
                                        seed=spec_seed)
    expected = np.random.default_rng(spec_seed).random(3)
    assert np.array_equal(history[0], expected), (
        "the initial weights should be numpy.random.default_rng(seed).random(3) (the "
        f"contract's convention, so that runs compare across submissions); seed {spec_seed} "
        f"gives {np.round(history[0], 6)}, expected {np.round(expected, 6)}")
