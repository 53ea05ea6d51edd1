"""The vectorised seeding equals ``numpy.random.default_rng(seed).random(3)`` to the bit."""
from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron.seeded_weights import initial_weights_many


def by_default_rng(seeds) -> np.ndarray:
    return np.stack([np.random.default_rng(seed).random(3) for seed in seeds])


EDGE_SEEDS = [0, 1, 2, 255, 256, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1,
              2 ** 40 + 12345, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 123456789012345678]


@pytest.mark.parametrize("seeds", [
    EDGE_SEEDS,
    range(500),
    range(3, 90, 7),
    np.arange(200, dtype=np.int64) * 1_000_003,
    np.array([7, 9, 2 ** 33], dtype=np.uint64),
    [np.int32(5), np.uint8(3), 11],
])
@pytest.mark.parametrize("compiled", [True, False], ids=["compiled-if-built", "numpy"])
def test_equals_default_rng_to_the_bit(seeds, compiled):
    np.testing.assert_array_equal(initial_weights_many(seeds, compiled), by_default_rng(seeds))


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled-if-built", "numpy"])
def test_seeds_beyond_64_bits_and_mixed_types_take_the_per_seed_path(compiled):
    seeds = [3, 2 ** 64, 2 ** 100 + 7, True, 8]
    np.testing.assert_array_equal(initial_weights_many(seeds, compiled), by_default_rng(seeds))


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (1.5, TypeError), ("a", TypeError)])
def test_bad_seeds_fail_as_default_rng_does(seed, error):
    with pytest.raises(error):
        initial_weights_many([0, seed])
