"""TD 1 fixtures: the perceptron contract's client bound to the code under test.

Secret seed offsets (``python -m labs calibrate-offsets td1 --folder
tests/submissions/td1/correct_lists``, 2026-12-06, 107 offsets drawn as the grader draws them):
neither the reference nor ``correct_lists`` lost a point at any of them (false-fail rate
0/107, 95% upper bound 2.8%), before the MLP bonus's XNOR change, whose own calibration is in
``test_beyond_one_neuron.py``.
"""
from __future__ import annotations

import pytest

from labs.perceptron.contract import Perceptron


@pytest.fixture(scope="session")
def perceptron(submission) -> Perceptron:
    return Perceptron.of(submission)
