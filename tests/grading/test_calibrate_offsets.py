"""``python -m labs calibrate-offsets``: what counts as a false fail, and carrying a
calibration on. The gradings themselves are those of ``grade`` (tested there)."""
from __future__ import annotations

import json
from types import SimpleNamespace

from labs.cli import main
from labs.grading.offsets_cli import false_fails, lost


def spec(name, score, status, bonus=False):
    return SimpleNamespace(spec=name, score=score, max_score=2, status=status, bonus=bonus)


def test_a_part_not_provided_or_a_bonus_is_no_loss():
    grade = SimpleNamespace(specs=[spec("a", 2, "passed"), spec("b", 0, "failed"),
                                   spec("c", 0, "not provided"), spec("d", 0, "failed", True)])
    assert lost(grade) == ["b (failed)"]


def row(seed, **lost_by_target):
    return {"spec_seed": seed, "lost": lost_by_target}


def test_a_loss_at_every_offset_is_listed_apart_and_one_that_comes_and_goes_is_a_false_fail():
    rows = [row(1, folder=["x", "y"]), row(2, folder=["x"]), row(3, folder=["x"], reference=["z"])]
    summary = false_fails(rows)
    assert summary["lost_at_every_offset"] == {"folder": ["x"]}
    assert summary["failing_offsets"] == [1, 3] and summary["offsets_losing_points"] == 2
    assert summary["false_fail_rate"] == 2 / 3


def test_no_false_fail_gives_the_exact_upper_bound():
    summary = false_fails([row(seed) for seed in range(200)])
    assert summary["offsets_losing_points"] == 0
    assert 0.0145 < summary["upper_95"] < 0.0185  # Clopper-Pearson: 1 - 0.025 ** (1 / 200)


def test_one_offset_counts_every_loss():
    assert false_fails([row(7, reference=["x"])])["failing_offsets"] == [7]


def test_append_needs_a_calibration_of_the_same_lab(tmp_path, capsys):
    missing = tmp_path / "none.json"
    assert main(["calibrate-offsets", "td1", "--offsets", "1", "--out", str(missing),
                 "--append"]) == 2
    other = tmp_path / "gan.json"
    other.write_text(json.dumps({"summary": {"lab": "td2/gan"}, "offsets": []}))
    assert main(["calibrate-offsets", "td1", "--offsets", "1", "--out", str(other),
                 "--append"]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and str(missing) in errors[0] and "td2/gan" in errors[1]


def test_jobs_grade_offsets_at_once_and_every_row_is_written(tmp_path, monkeypatch, capsys):
    import itertools
    import threading

    from labs.grading import grade, offsets_cli, seeds

    offsets = itertools.count(100)
    together = threading.Barrier(2, timeout=60)  # passes only when two offsets are graded at once
    monkeypatch.setattr(seeds, "draw_spec_seed", lambda: next(offsets))
    monkeypatch.setattr(offsets_cli, "reference_outcomes", lambda lab, seed, only: seed)

    def grade_outcomes(name, lab, seed):  # the reference loses a point at odd offsets only
        together.wait()
        return SimpleNamespace(score=100 - seed % 2, specs=[spec("x", 2 * (seed % 2 == 0), "failed")])

    monkeypatch.setattr(grade, "grade_outcomes", grade_outcomes)
    out = tmp_path / "offsets.json"
    assert main(["calibrate-offsets", "td1", "--offsets", "4", "--jobs", "2", "--out",
                 str(out)]) == 0
    written = json.loads(out.read_text())
    assert sorted(row["spec_seed"] for row in written["offsets"]) == [100, 101, 102, 103]
    assert written["summary"]["failing_offsets"] == [101, 103]
    assert capsys.readouterr().out.count("offset 10") == 4


def test_jobs_below_one_is_refused_in_one_line(capsys):
    assert main(["calibrate-offsets", "td1", "--offsets", "1", "--jobs", "0"]) == 2
    assert capsys.readouterr().err.strip() == "error: --jobs must be at least 1, got 0"
