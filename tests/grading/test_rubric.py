"""A teacher's rubric: printed as TOML, loaded back, changing points; bad files exit 2."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from labs.cli import main
from labs.grading.grade import grade_outcomes
from labs.grading.points import POINTS
from labs.grading.rubric import RubricError, load_rubric, rubric_toml
from labs.grading.run import SpecOutcome

TEACHER = Path(__file__).resolve().parents[1] / "submissions" / "rubrics" / "td1_teacher.toml"


@pytest.mark.parametrize("lab", ["td1", "td2", "td2/gan", "td2/stylegan", "td3"])
def test_the_printed_rubric_loads_back_to_the_default_points(lab, tmp_path):
    path = tmp_path / "rubric.toml"
    path.write_text(rubric_toml(lab))
    assert tomllib.loads(path.read_text())["lab"] == lab
    assert load_rubric(path, lab) == POINTS


def test_the_rubric_command_prints_toml(capsys):
    assert main(["rubric", "td2"]) == 0
    printed = tomllib.loads(capsys.readouterr().out)
    assert printed["gan/test_real_distributions.py::test_user_points_are_jittered_copies"][
        "part"] == "bonus"
    assert printed["stylegan/test_stylegan_latents.py::test_default_z_dim_is_512"]["points"] == 3


def test_a_teachers_rubric_changes_points_parts_and_visibility():
    rubric = load_rubric(TEACHER, "td1")
    assert rubric["td1"]["test_xor.py::test_xor_error_stays_high"].points == 6
    assert not rubric["td1"]["test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron"].bonus
    assert rubric["td1"]["test_report_table.py::test_report_table_row"].hidden
    assert POINTS["td1"]["test_xor.py::test_xor_error_stays_high"].points != 6  # default intact
    outcomes = [SpecOutcome("test_convergence.py::test_and_or_reproduce_the_truth_table[AND]",
                            "passed"),
                SpecOutcome("test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron",
                            "skipped", "optional part not provided: perceptron.py has no `predict`")]
    grade = grade_outcomes("alice", "td1", outcomes, rubric=rubric)
    assert (grade.score, grade.max_score) == (4, 6)  # predict is asked by this teacher
    table = POINTS["td1"]["test_convergence.py::test_and_or_reproduce_the_truth_table"].points
    assert grade_outcomes("alice", "td1", outcomes).max_score == table  # by default, bonus


BAD = {
    "unknown spec": ('["test_xor.py::test_no_such_spec"]\npoints = 1\n', "unknown spec"),
    "not TOML": ('["test_xor.py::test_xor_error_stays_high"\npoints = 1\n', "not a valid TOML"),
    "negative points": ('["test_xor.py::test_xor_error_stays_high"]\npoints = -1\n', "points"),
    "unknown part": ('["test_xor.py::test_xor_error_stays_high"]\npart = "extra"\n', "part"),
    "unknown field": ('["test_xor.py::test_xor_error_stays_high"]\nweight = 2\n', "weight"),
    "other lab": ('lab = "td3"\n', "td3"),
    "unknown requirement": ('["test_xor.py::test_xor_error_stays_high"]\nrequires = ["x"]\n',
                            "unknown spec 'x'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_rubric_is_one_line_naming_what_is_wrong(case, tmp_path):
    text, words = BAD[case]
    path = tmp_path / "rubric.toml"
    path.write_text(text)
    with pytest.raises(RubricError, match=words):
        load_rubric(path, "td1")


@pytest.mark.parametrize("command", [["grade", "{folder}"], ["grade-class", "{root}"],
                                     ["gradescope-bundle", "--out", "{root}/b.zip"]])
def test_every_grading_command_refuses_a_bad_rubric_with_exit_2(command, tmp_path, capsys):
    path = tmp_path / "rubric.toml"
    path.write_text('["test_xor.py::test_no_such_spec"]\npoints = 1\n')
    (tmp_path / "class" / "alice").mkdir(parents=True)
    argv = [a.format(folder=tmp_path / "class" / "alice", root=tmp_path / "class")
            for a in command] + ["--lab", "td1", "--rubric", str(path)]
    assert main(argv) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "unknown spec" in error
    assert not (tmp_path / "class" / "b.zip").exists()
