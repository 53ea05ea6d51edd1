"""GAN specs that a generator which never trains also passes count only for one that trains
(the same gate as TD 1's, in labs/grading/points.py)."""
from __future__ import annotations

from labs.grading.grade import _apply_requirements, _graded
from labs.grading.points import points_for
from labs.grading.run import SpecOutcome

WEAK = "gan/test_discriminator_strength.py::test_weak_discriminator_is_fooled_while_samples_stay_poor"
SMALL = "gan/test_generator_capacity.py::test_no_hidden_layer_cannot_fit_the_shape[ring]"
PRESET = "gan/test_presets.py::test_training_with_a_preset_lowers_the_js_divergence[ring]"


def graded(preset_outcome: str) -> dict[str, object]:
    outcomes = [SpecOutcome(WEAK, "passed"), SpecOutcome(SMALL, "passed"),
                SpecOutcome(PRESET, preset_outcome, "JS should fall")]
    specs = [_graded("td2", o) for o in outcomes]
    _apply_requirements("td2", specs)
    return {g.spec: g for g in specs}


def test_a_generator_that_never_trains_earns_nothing_from_hollow_checks():
    frozen = graded("failed")
    assert frozen[WEAK].status == "gated" and frozen[WEAK].score == 0
    assert frozen[SMALL].status == "gated" and frozen[SMALL].score == 0


def test_a_generator_that_trains_earns_them():
    trains = graded("passed")
    assert trains[WEAK].status == "passed" and trains[WEAK].score == points_for("td2", WEAK).points
    assert trains[SMALL].status == "passed" and trains[SMALL].score == points_for("td2", SMALL).points > 0
