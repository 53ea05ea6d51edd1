"""Returns garbage and patches numpy, builtins and pytest so that every check would pass,
if the checks ran in the same process as the student's code (they do not)."""
import builtins

import numpy as np

np.allclose = lambda *args, **kwargs: True
np.isfinite = lambda value: np.ones(np.shape(value), dtype=bool)
np.testing.assert_allclose = lambda *args, **kwargs: None
builtins.abs = lambda value: 0.0
builtins.round = lambda *args, **kwargs: 0.0
try:
    import pytest

    pytest.approx = lambda expected, *args, **kwargs: expected
    pytest.fail = lambda *args, **kwargs: None
except ImportError:
    pass


def train(desired, coeff=0.7, iterations=1000, seed=None):
    return np.array([1.0, -1.0, 0.0]), np.full(iterations, 0.001)
