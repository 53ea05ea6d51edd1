"""What grade-class keeps and refuses without grading anyone: grades as plain data, the
results folder's journal, the sandbox rule, and the one-line errors of its new options."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from labs.cli import main
from labs.grading.class_cli import _SandboxRule
from labs.grading.grade import Grade, GradedSpec
from labs.grading.journal import ENTRY, Journal, folder_fingerprint, settings_key
from labs.grading.plain import NotAGrade, from_text, to_text
from labs.grading.points import POINTS
from labs.sandbox.limits import limits_for


def _grade(student: str = "alice", sandbox: str = "jail") -> Grade:
    spec = GradedSpec("test_a.py::test_b", "b", "passed", 5.0, 5.0, False, "confirmed: b")
    return Grade(student, "td1", [spec], seconds=1.5, spec_seed=12, sandbox=sandbox,
                 record={"host": "h", "specs": [{"spec": "test_a.py::test_b", "cpu_s": 0.1}]})


def test_a_grade_goes_through_plain_text_and_back_unchanged():
    grade = _grade()
    assert from_text(to_text(grade)) == grade


@pytest.mark.parametrize("text, said", [
    ("[1]", "not a JSON object"),
    ('{"student": "a", "lab": "td1", "specs": [{"spec": 3}]}', "grade.specs[0].spec"),
    ('{"student": "a", "lab": "td1", "spec_seed": true}', "grade.spec_seed"),
    ('{"student": "a", "lab": "td1", "__class__": "x"}', "unknown field '__class__'"),
    ("{" * 100, "not JSON"),
])
def test_a_result_of_the_wrong_shape_is_refused_with_the_reason(text, said):
    with pytest.raises(NotAGrade, match=said.replace("[", r"\[").replace("]", r"\]")):
        from_text(text)


def _student(tmp_path: Path, code: str = "def train(): pass\n") -> Path:
    folder = tmp_path / "class" / "alice"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "perceptron.py").write_text(code)
    return folder


def test_the_journal_gives_back_a_grade_only_for_the_same_settings_and_files(tmp_path):
    folder = _student(tmp_path)
    results = tmp_path / "results"
    settings = settings_key("td1", limits_for("td1"), None, POINTS, None)
    journal = Journal(results, settings)
    print_before = folder_fingerprint(folder)
    journal.record(folder, _grade(), print_before)
    assert (results / "alice" / ENTRY).stat().st_mode & 0o777 == 0o600
    assert journal.graded(folder, print_before) == _grade()
    # another --only, another spec seed given: graded again
    for other in (settings_key("td1", limits_for("td1"), "xor", POINTS, None),
                  settings_key("td1", limits_for("td1"), None, POINTS, 7)):
        assert Journal(results, other).graded(folder, print_before) is None
    # the student handed in again
    (folder / "perceptron.py").write_text("def train(): return 1\n")
    assert folder_fingerprint(folder) != print_before
    assert journal.graded(folder, folder_fingerprint(folder)) is None


def test_a_damaged_or_linked_journal_entry_is_graded_again(tmp_path):
    folder = _student(tmp_path)
    results = tmp_path / "results"
    journal = Journal(results, "settings")
    fingerprint = folder_fingerprint(folder)
    journal.record(folder, _grade(), fingerprint)
    entry = results / "alice" / ENTRY
    entry.write_text(entry.read_text()[:-10])  # cut short
    assert journal.graded(folder, fingerprint) is None
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"settings": "settings", "fingerprint": fingerprint,
                                     "grade": to_text(_grade())}))
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert journal.graded(folder, fingerprint) is None  # never followed


def test_a_fingerprint_reads_no_link_and_no_fifo(tmp_path):
    import os

    folder = _student(tmp_path)
    before = folder_fingerprint(folder)
    os.mkfifo(folder / "pipe")  # opening it to read would block
    (folder / "link.py").symlink_to("/etc/hostname")
    assert folder_fingerprint(folder) != before  # their names count, nothing behind them


def test_one_sandbox_level_per_class_unless_mixing_is_allowed():
    rule = _SandboxRule(one_sandbox=True, level=None)
    assert rule.refusal(_grade("a", "jail")) is None  # the first sets the class's level
    refusal = rule.refusal(_grade("b", "none"))
    assert "'none'" in refusal and "'jail'" in refusal and "--allow-mixed-sandbox" in refusal
    assert _SandboxRule(one_sandbox=False, level="jail").refusal(_grade("b", "none")) is None


def test_scheduler_without_dask_and_similarity_without_copydetect_exit_2(tmp_path, capsys,
                                                                         monkeypatch):
    _student(tmp_path)
    root = str(tmp_path / "class")
    csv = str(tmp_path / "grades.csv")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    monkeypatch.setitem(sys.modules, "copydetect", None)
    assert main(["grade-class", root, "--lab", "td1", "--csv", csv,
                 "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert main(["grade-class", root, "--lab", "td1", "--csv", csv, "--similarity"]) == 2
    assert main(["grade-class", root, "--lab", "td1", "--csv", csv, "--jobs", "2",
                 "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("error: ") for line in errors)
    assert 'pip install -e ".[cluster]"' in errors[0]
    assert 'pip install -e ".[similarity]"' in errors[1]
    assert "--jobs" in errors[2] and "--scheduler" in errors[2]
    assert not (tmp_path / "results").exists()  # refused before anything was graded
