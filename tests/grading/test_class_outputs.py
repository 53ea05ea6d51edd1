"""grade-class against students who attack the class's output, not their own grade.

One class holds two correct folders (one named as a spreadsheet formula), a folder whose
error message is made of surrogates, escapes, a forged grader line and a formula, with a
link whose name is not UTF-8, and a folder that floods the worker's notes with 100 MB. The
class's output must be whole: every row, every results.json, nothing raw.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from labs.cli import main

SUBMISSIONS = Path(__file__).resolve().parents[1] / "submissions"
CORRECT = SUBMISSIONS / "td1" / "correct_lists"
ATTACKS = SUBMISSIONS / "td1_attacks"
ONLY = "truth_table"
FORMULA_NAME = '=HYPERLINK("https:__x"&B2)'


def make_class(root: Path) -> None:
    shutil.copytree(CORRECT, root / "alice")
    shutil.copytree(CORRECT, root / FORMULA_NAME)
    shutil.copytree(ATTACKS / "attack_text_in_errors", root / "mallory_words")
    os.symlink("/etc/passwd", os.fsencode(root / "mallory_words") + b"/bad\xffname")
    shutil.copytree(ATTACKS / "attack_notes_flood", root / "mallory_notes")


def grade(root: Path, csv_path: Path, *more: str) -> int:
    return main(["grade-class", str(root), "--lab", "td1", "--csv", str(csv_path), "--jobs", "2",
                 "--only", ONLY, *more])


@pytest.mark.slow  # four students graded: seconds of CPU
def test_one_students_text_never_breaks_or_leaks_into_the_class_output(tmp_path, capsys):
    root, out = tmp_path / "class", tmp_path / "out"
    make_class(root)
    assert grade(root, out / "grades.csv") == 0
    printed = capsys.readouterr().out
    text = (out / "grades.csv").read_text(encoding="utf-8")
    rows = {row["student"]: row for row in csv.DictReader(text.splitlines())}
    # every student has a row; the formula name is neutralised, as OWASP recommends
    assert sorted(rows) == sorted(["alice", "'" + FORMULA_NAME, "mallory_words", "mallory_notes"])
    assert rows["alice"]["score"] == rows["'" + FORMULA_NAME]["score"] == rows["alice"]["max_score"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows.values()
               for cell in row.values())
    # one secret offset per student, recorded in the row
    assert len({int(row["spec_seed"]) for row in rows.values()} - {0}) == len(rows)
    for output in (text, printed):
        assert "\x1b" not in output and "\ud800" not in output and "\x07" not in output
        assert "\nPASS 5/5" not in output  # never a line of its own
    words = json.loads((out / "results" / "mallory_words" / "results.json").read_text())
    shown = next(t["output"] for t in words["tests"])
    assert "«" in shown and "PASS 5/5" in shown and "\nPASS" not in shown  # quoted, inline
    assert "bad\ufffdname: a symbolic link" in words["output"]
    notes = (out / "results" / "mallory_notes" / "results.json").stat().st_size
    assert notes < 200_000, f"results.json of {notes} bytes"
    assert "above the cap" in (out / "results" / "mallory_notes" / "results.json").read_text()
    for student in ("alice", FORMULA_NAME):
        assert (out / "results" / student / "results.json").is_file()
    # the teacher's eyes only
    assert stat.S_IMODE((out / "grades.csv").stat().st_mode) == 0o600
    assert stat.S_IMODE((out / "results").stat().st_mode) == 0o700
    assert stat.S_IMODE((out / "results" / "alice" / "results.json").stat().st_mode) == 0o600


def test_outputs_inside_the_class_are_refused_before_any_grading(tmp_path, capsys):
    root = tmp_path / "class"
    shutil.copytree(CORRECT, root / "alice")
    assert grade(root, root / "grades.csv") == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "inside the class folder" in error[0]
    assert sorted(p.name for p in root.iterdir()) == ["alice"]  # nothing created there


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_results_are_never_written_through_a_link(tmp_path):
    root, out = tmp_path / "class", tmp_path / "out"
    shutil.copytree(CORRECT, root / "alice")
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (out / "results" / "alice").mkdir(parents=True)
    (out / "results" / "alice" / "results.json").symlink_to(victim)
    assert grade(root, out / "grades.csv") == 0
    assert victim.read_text() == "untouched"
    row = next(csv.DictReader((out / "grades.csv").open()))
    assert "results.json not written" in row["note"] and "a link" in row["note"]


@pytest.mark.slow  # two classes graded
@pytest.mark.parametrize("level", ["strongest", "none"])
def test_a_colon_in_the_class_path_keeps_classmates_hidden(tmp_path, monkeypatch, level):
    """The hidden paths reach the sandbox as a list: a ':' in the class folder's path no
    longer splits it into two paths that do not exist (once dropped silently, which left
    every classmate's code readable). At level "none" only the worker's audit hook hides
    them (the jail would also hide this class, which sits in the host's private /tmp)."""
    if level == "none":
        monkeypatch.setenv("LABS_SANDBOX", "none")
    root, out = tmp_path / "td1:groupA", tmp_path / "out"
    shutil.copytree(CORRECT, root / "alice")
    (root / "reader").mkdir()
    target = root / "alice" / "perceptron.py"
    (root / "reader" / "perceptron.py").write_text(
        "def train(desired, coeff=0.7, iterations=1000, seed=None):\n"
        f"    try:\n        open({str(target)!r}).read()\n        found = 'READ IT'\n"
        "    except OSError as error:\n        found = f'refused: {error.strerror}'\n"
        "    raise RuntimeError(found)\n")
    assert grade(root, out / "grades.csv") == 0
    results = (out / "results" / "reader" / "results.json").read_text()
    assert "READ IT" not in results and "refused: " in results


def test_hidden_paths_are_a_list_and_a_missing_one_is_an_error(tmp_path):
    from labs.sandbox.jail import extra_hidden, hide_list

    root = tmp_path / "td1:groupA"
    root.mkdir()
    assert hide_list([str(root)]) == [str(root)]
    assert extra_hidden({"LABS_SANDBOX_HIDE": json.dumps([str(root)])}) == [str(root)]
    with pytest.raises(FileNotFoundError, match="does not exist"):
        hide_list([str(root) + "-missing"])
