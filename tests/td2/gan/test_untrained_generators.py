"""A GAN folder whose generator never learns earns only the data and noise points: each
folder graded whole (a minute or more: every spec's runs, one seed at a time, in the
student's child). A file of its own, so that these gradings run beside the other example
folders' in a parallel run (one file is one worker's)."""
from __future__ import annotations

from pathlib import Path

import pytest

FOLDERS = Path(__file__).resolve().parents[2] / "submissions" / "td2_gan"


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["wrong_generator_never_steps",
                                    "wrong_generator_minimises_the_wrong_term"])
def test_a_generator_that_does_not_learn_earns_only_the_data_and_noise_points(folder):
    from labs.grading.grade import grade_folder
    from labs.grading.points import points_for

    grade = grade_folder(FOLDERS / folder, "td2/gan")
    data = ("test_real_distributions.py", "test_noise.py", "test_uniform_noise.py")
    data_and_noise = sum(s.max_score for s in grade.specs if s.spec.startswith(data))
    assert grade.score - grade.bonus <= data_and_noise == 25
    # "not provided": the folders predate train_gan_from (asked), whose specs they lose
    assert all(s.status in ("gated", "failed", "not graded", "not provided") for s in grade.specs
               if not s.spec.startswith(data))
    assert points_for("td2/gan", "test_presets.py::test_training_with_a_preset_lowers_the_js"
                                 "_divergence[ring]").points == 5  # of the 15-point headline
