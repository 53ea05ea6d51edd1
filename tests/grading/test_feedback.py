"""Feedback a student can act on, and one mistake costing its points once.

Built from spec outcomes (no spec run): a shared failure said once, 0-point specs never
"earned", gates for untrained submissions in every lab, failures explained by an earlier
one, no grader paths or library warnings, and the class figure counting every student.
"""
from __future__ import annotations

from pathlib import Path

from labs.grading.figure import pass_rates, summary_figure
from labs.grading.grade import clean, feedback_text, grade_outcomes, to_gradescope
from labs.grading.points import POINTS, points_for
from labs.grading.run import PROJECT_ROOT, SpecOutcome

SYNTAX = "calling the submission failed: SyntaxError in perceptron.py line 2: expected ':'"


def test_one_cause_behind_many_failures_is_said_once_at_the_top():
    specs = ["test_xor.py::test_xor_error_stays_high", "test_hyperparameters.py::test_small_coeff_under_fits",
             "test_convergence.py::test_and_or_reproduce_the_truth_table[AND]"]
    grade = grade_outcomes("bob", "td1", [SpecOutcome(s, "failed", SYNTAX) for s in specs])
    text = feedback_text(grade)
    assert text.count("expected ':'") == 1  # once, at the top; each spec points there
    assert text.count("(the reason at the top)") == len(specs)
    results = to_gradescope(grade)  # on Gradescope each test shows alone: a short pointer
    assert all("expected ':'" in t["output"] for t in results["tests"])
    assert grade.causes == ["3 specs failed for one reason: SyntaxError in perceptron.py line "
                            "2: expected ':'"]
    assert text.splitlines()[1].startswith("reason: 3 specs failed for one reason")
    assert "SyntaxError" in grade.note  # the CSV's note


def test_a_0_point_spec_is_never_listed_as_earned():
    fact = SpecOutcome("test_xor.py::test_no_single_neuron_separates_xor", "passed")
    grade = grade_outcomes("carol", "td1", [fact])
    assert grade.specs[0].status == "not graded" and grade.max_score == 0
    assert "PASS" not in feedback_text(grade) and "0/0" not in feedback_text(grade)


GAN_DATA = ["test_real_distributions.py::test_line_is_gan_labs_segment",
            "test_noise.py::test_noise_is_seeded"]
GAN_EFFECTS = ["test_determinism.py::test_same_seed_gives_the_same_run_to_the_bit",
               "test_noise_dimension.py::test_one_dimensional_noise_gives_a_curve",
               "test_generator_capacity.py::test_no_hidden_layer_cannot_fit_the_shape",
               "test_update_ratio.py::test_five_to_one_keeps_the_discriminator_loss_lower"]
PRESET = "test_presets.py::test_training_with_a_preset_lowers_the_js_divergence[{}]"


def test_an_untrained_gan_generator_earns_at_most_the_data_and_noise_points():
    presets = [SpecOutcome(PRESET.format(p), "failed", "JS divergence did not fall")
               for p in ("gaussians", "ring", "line")]
    passing = [SpecOutcome(s, "passed") for s in GAN_DATA + GAN_EFFECTS]
    untrained = grade_outcomes("dan", "td2/gan", passing + presets)
    assert untrained.score == sum(points_for("td2/gan", s).points for s in GAN_DATA)
    assert {s.status for s in untrained.specs if s.spec in GAN_EFFECTS} == {"gated"}
    presets[0] = SpecOutcome(PRESET.format("gaussians"), "passed")
    trained = grade_outcomes("dan", "td2/gan", passing + presets)
    assert {s.status for s in trained.specs if s.spec in GAN_EFFECTS} == {"passed"}


def test_every_lab_has_a_counts_only_if_trained_gate():
    for lab, table in POINTS.items():
        assert any(p.requires for p in table.values()), f"{lab} has no gate"


def test_a_failure_explained_by_an_earlier_one_costs_nothing_more():
    uint8 = SpecOutcome("test_stylegan_uint8.py::test_uint8_conversion_matches_the_formula",
                        "failed", "pixel (0, 3) is 127, the formula gives 128")
    psi = SpecOutcome("test_stylegan_truncation.py::test_psi_1_leaves_w_unchanged", "failed",
                      "psi 1 changed the image")
    grade = grade_outcomes("eve", "td2/stylegan", [uint8, psi])
    explained = grade.specs[1]
    assert explained.status == "explained" and explained.max_score == 0
    assert "builds on" in explained.feedback and "charged there" in explained.feedback
    assert grade.max_score == points_for("td2/stylegan", uint8.spec).points
    alone = grade_outcomes("eve", "td2/stylegan", [psi])  # no earlier failure: its own
    assert alone.specs[0].status == "failed" and alone.specs[0].max_score == 5


def test_feedback_shows_no_grader_path_and_no_library_warning(tmp_path):
    failures = tmp_path / "results" / "alice" / "failures"
    message = (f"image td2/stylegan/seed0002.png differs; actual image kept in "
               f"{failures}/td2/stylegan/seed0002.png\n"
               f"golden value td2/stylegan/latents.json:seed0002 mismatch\n"
               "/usr/lib/python3/site-packages/transformers/modeling_utils.py:5000: "
               "UserWarning: loss_type=None was set in the config\n"
               f"no golden figure {PROJECT_ROOT}/golden/td1/x.png")
    text = clean(message, failures)
    assert str(failures) not in text and str(PROJECT_ROOT) not in text
    assert "site-packages" not in text and "loss_type" not in text
    assert "td2/stylegan/seed0002.png" in text and "value seed0002" in text


def test_the_class_figure_counts_every_student(tmp_path):
    spec = "test_weights_csv.py::test_weights_csv_round_trips"
    good = grade_outcomes("a", "td1", [SpecOutcome(spec, "passed")])
    broken = grade_outcomes("b", "td1", [SpecOutcome(spec, "failed", SYNTAX)])
    grades = {"a": good, "b": broken, "c": "the grader could not grade this folder"}
    rates = pass_rates(grades)
    assert rates == {good.specs[0].title: 100 / 3}
    summary_figure(grades, "td1", tmp_path / "grades.png")
    assert (tmp_path / "grades.png").stat().st_size > 5000
