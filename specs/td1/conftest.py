"""TD 1 fixtures: the perceptron contract's client bound to the code under test."""
from __future__ import annotations

import pytest

from labs.perceptron.contract import Perceptron


@pytest.fixture(scope="session")
def perceptron(submission) -> Perceptron:
    return Perceptron.of(submission)
