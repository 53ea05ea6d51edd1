"""TD 1 fixtures: the perceptron contract's client bound to the code under test.

Secret seed offsets (``python -m labs calibrate-offsets td1 --offsets 200``, with every
correct example folder: ``--folder tests/submissions/td1/correct_lists`` and
``.../correct_notebook``, ``.../correct_train_only``, ``.../correct_history_per_iteration``,
``.../correct_tuple_mapped``), 2026-12-07, commit 853a51e (no TD 1 code has changed since):
over 200 offsets drawn as the grader draws them, neither the reference nor any of the five
folders lost a point that it keeps at other offsets. False-fail rate 0/200, exact 95% upper
bound 1.8%; 5,812 s on the shared 2-core AMD EPYC, beside other calibrations. Lost at every
offset, by design: ``correct_history_per_iteration`` (one row per iteration) loses the three
specs that read within an iteration; ``correct_tuple_mapped`` does not provide
``weight_history`` nor the weights.csv functions ("not provided", no false fail). Earlier
runs: 0/100 for the reference and three folders that morning (one SIGSTOP artefact, graded
again: 100 / 100), and 0/107 for the reference and ``correct_lists`` on 2026-12-06. The MLP
bonus's own calibration is in ``test_beyond_one_neuron.py``.
"""
from __future__ import annotations

import pytest

from labs.perceptron.contract import Perceptron


@pytest.fixture(scope="session")
def perceptron(submission) -> Perceptron:
    return Perceptron.of(submission)
