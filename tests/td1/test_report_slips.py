"""The report's TD 1 slips are named, and a report without them raises none."""
from __future__ import annotations

import dataclasses

from labs.perceptron.gates import GATES
from labs.perceptron.report_slips import REPORT, slips, update_moves_away


def test_the_reports_slips_are_flagged():
    found = slips(REPORT)
    assert len(found) == 5, found
    assert "w0 / w1 = 14.496 / 9.562 = 1.52, the text says 1.55" in found[0]
    assert "one input active: y = -4.93" in found[1] and "-4.96" in found[1]
    assert found[2] == "XOR: w1 is -0.8 in the list of weights, 0.8 in the text"
    assert found[3] == "XOR(0,0) is 0, the text says it gives 1"
    assert "output - desired" in found[4]


def test_a_report_without_slips_raises_none():
    corrected = dataclasses.replace(REPORT, and_ratio=1.52, and_sums=(-14.5, -4.93, 4.62),
                                    xor_weights_in_text=REPORT.xor_weights_listed, xor_of_0_0=0,
                                    delta="desired - output")
    assert slips(corrected) == []


def test_the_reports_delta_sign_would_not_learn_and():
    # every pattern, from the report's own AND weights and from small ones: one update with
    # delta = output - desired moves that pattern's output away from its target
    for weights in (REPORT.and_weights, (0.3, 0.5, 0.2)):
        for pattern, desired in enumerate(GATES["AND"]):
            assert update_moves_away(weights, pattern, desired)
