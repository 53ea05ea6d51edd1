"""Secret seed offsets: each grading draws its own, records it, and --spec-seed reproduces
the grade it gave."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from labs.cli import main
from labs.grading.seeds import MAX_SPEC_SEED, draw_spec_seed

CORRECT = Path(__file__).resolve().parents[1] / "submissions" / "td1" / "correct_lists"
ONLY = "truth_table or xor_error_stays_high"


def test_offsets_are_fresh_and_never_the_public_one():
    drawn = {draw_spec_seed() for _ in range(200)}
    assert 0 not in drawn and all(0 < seed < MAX_SPEC_SEED for seed in drawn)
    assert len(drawn) > 190  # fresh each time (a collision in 200 draws is rare)


@pytest.mark.slow  # two gradings
def test_a_recorded_offset_reproduces_the_grade(tmp_path, capsys):
    # a results folder that does not exist yet is made (it is hidden from the child)
    first, again = tmp_path / "new" / "dir" / "first.json", tmp_path / "again.json"
    assert main(["grade", str(CORRECT), "--lab", "td1", "--only", ONLY,
                 "--results", str(first)]) == 0
    recorded = json.loads(first.read_text())
    seed = recorded["extra_data"]["spec_seed"]
    assert seed > 0 and f"with seed offset {seed}" in capsys.readouterr().out
    assert main(["grade", str(CORRECT), "--lab", "td1", "--only", ONLY, "--spec-seed", str(seed),
                 "--results", str(again)]) == 0
    reproduced = json.loads(again.read_text())
    assert reproduced["extra_data"]["spec_seed"] == seed
    assert [(t["name"], t["score"], t["status"]) for t in reproduced["tests"]] == \
        [(t["name"], t["score"], t["status"]) for t in recorded["tests"]]


def test_a_bad_offset_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["grade", str(CORRECT), "--lab", "td1", "--spec-seed", "-3",
                 "--results", str(tmp_path / "r.json")]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "--spec-seed must be between 0 and" in error[0] and "-3" in error[0]
