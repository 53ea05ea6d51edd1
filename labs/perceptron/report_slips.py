"""The lab report's TD 1 slips: numbers and signs its own text contradicts.

The report's statements are data (``REPORT``); ``slips`` recomputes every derived number from
the weights the report itself gives, at the precision the report wrote, and names each one
that does not follow. ``python -m labs reproduce td1`` prints them under its table.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from labs.perceptron.gates import GATES, INPUTS
from labs.perceptron.train import BIAS_INPUT, predict


@dataclass(frozen=True)
class Statements:
    and_weights: tuple[float, float, float]
    and_ratio: float  # "w0 is 1.55 times the other weights"
    and_sums: tuple[float, float, float]  # y for no, one, two active inputs
    or_weights: tuple[float, float, float]
    or_sums: tuple[float, float, float]
    xor_weights_listed: tuple[float, float, float]
    xor_weights_in_text: tuple[float, float, float]
    xor_of_0_0: int
    delta: str  # "output - desired" or "desired - output"


REPORT = Statements(
    and_weights=(14.496149326345051, 9.56174144292132, 9.55552021068763), and_ratio=1.55,
    and_sums=(-14.5, -4.96, 4.62), or_weights=(4.92, 10.77, 10.77), or_sums=(-4.92, 5.84, 16.62),
    xor_weights_listed=(-0.4, -0.8, -0.4), xor_weights_in_text=(-0.4, 0.8, -0.4), xor_of_0_0=1,
    delta="output - desired")


def _sums(weights: tuple[float, float, float]) -> np.ndarray:
    """y for (0,0), one active input (1,0), and (1,1)."""
    w = np.asarray(weights)
    return np.array([BIAS_INPUT * w[0], BIAS_INPUT * w[0] + w[1], BIAS_INPUT * w[0] + w[1] + w[2]])


def _sum_slips(gate: str, weights, stated) -> list[str]:
    # the text works with weights rounded to 2 decimals: three of them in a sum, +-0.015
    found = []
    for label, value, said in zip(("no input", "one input", "both inputs"), _sums(weights), stated):
        if abs(value - said) > 0.015:
            found.append(f"{gate}, {label} active: y = {value:.2f} from the report's weights, "
                         f"the text says {said}")
    return found


def update_moves_away(weights, pattern: int, desired: int, coeff: float = 0.7) -> bool:
    """Does one update with delta = output - desired move that pattern's output away from
    its target? (It always does: the change of y has the sign of output - desired.)"""
    w = np.asarray(weights, dtype=float)
    x = np.array([BIAS_INPUT, *INPUTS[pattern]])
    before = float(predict(w, INPUTS[pattern:pattern + 1])[0])
    after = float(predict(w + coeff * x * (before - desired), INPUTS[pattern:pattern + 1])[0])
    return abs(desired - after) > abs(desired - before)


def slips(report: Statements = REPORT) -> list[str]:
    """Each statement of ``report`` that its own numbers contradict, in one line."""
    found = []
    w0, w1, _ = report.and_weights
    if abs(w0 / w1 - report.and_ratio) > 0.005:
        found.append(f"AND: w0 / w1 = {w0:.3f} / {w1:.3f} = {w0 / w1:.2f}, the text says "
                     f"{report.and_ratio}")
    found += _sum_slips("AND", report.and_weights, report.and_sums)
    found += _sum_slips("OR", report.or_weights, report.or_sums)
    for index, (listed, text) in enumerate(zip(report.xor_weights_listed, report.xor_weights_in_text)):
        if listed != text:
            found.append(f"XOR: w{index} is {listed} in the list of weights, {text} in the text")
    if report.xor_of_0_0 != GATES["XOR"][0]:
        found.append(f"XOR(0,0) is {GATES['XOR'][0]}, the text says it gives {report.xor_of_0_0}")
    if report.delta == "output - desired" and update_moves_away(report.and_weights, 0, GATES["AND"][0]):
        found.append("delta is described as output - desired: with w + coeff x input x delta "
                     "each update would move the output away from its target; the rule that "
                     "learns uses desired - output")
    return found
