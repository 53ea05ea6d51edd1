"""The given-weights probe is a way in: what ``train_gan_from`` sends back (text with
escapes and a formula where numbers belong, transposed weights, the given weights
untouched) fails only the given-weights specs, each with a plain message."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.grading.grade import grade_folder

pytestmark = pytest.mark.slow  # a sandboxed grading of one spec file

ATTACK = Path(__file__).resolve().parents[1] / "submissions" / "td2_gan" / "attack_given_weights"


def test_a_hostile_train_gan_from_fails_its_specs_with_plain_messages():
    grade = grade_folder(ATTACK, "td2/gan", select="test_given_weights or test_same_seed_same_points",
                         spec_seed=0)
    given = [spec for spec in grade.specs if spec.spec.startswith("test_given_weights.py")]
    assert len(given) == 7 and all(spec.status == "failed" and spec.score == 0 for spec in given)
    for spec in given:
        assert not any(ord(c) < 32 and c != "\n" for c in spec.feedback), spec.feedback
        assert "\x1b" not in spec.feedback and "PASS 5/5" not in spec.feedback.split("\n")[0]
    feedback = {spec.spec: spec.feedback for spec in given}
    assert "not an array of numbers" in feedback[
        "test_given_weights.py::test_updates_from_given_weights_follow_the_formulas[log]"]
    assert "shapes" in feedback[
        "test_given_weights.py::test_updates_from_given_weights_follow_the_formulas[minimax]"]
    assert "differ from the lab's formulas" in feedback[
        "test_given_weights.py::test_updates_from_given_weights_follow_the_formulas[least_squares]"]
    others = [spec for spec in grade.specs if spec not in given]
    assert others and all(spec.status == "passed" for spec in others)  # nothing else is lost
