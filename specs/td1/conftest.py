"""TD 1 fixtures: the perceptron contract's client bound to the code under test.

Secret seed offsets (``python -m labs calibrate-offsets td1 --offsets 100 --folder
tests/submissions/td1/correct_lists --folder .../correct_notebook --folder
.../correct_train_only``, 2026-12-07, with the run-of-the-next-seed check and the MLP
bonus's XNOR change): over 100 offsets drawn as the grader draws them, neither the reference
nor the three correct folders lost a point, save at one offset (672947) where
``correct_lists`` timed out after its calibration process had been paused (SIGSTOP) in the
middle of the grading; graded again at that offset it scores 100 / 100. False-fail rate
0/100, 95% upper bound 3% (the rule of three). Earlier, 2026-12-06, before these two changes:
0/107 for the reference and ``correct_lists``. The MLP bonus's own calibration is in
``test_beyond_one_neuron.py``.
"""
from __future__ import annotations

import pytest

from labs.perceptron.contract import Perceptron


@pytest.fixture(scope="session")
def perceptron(submission) -> Perceptron:
    return Perceptron.of(submission)
