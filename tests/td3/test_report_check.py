"""``python -m labs check-report``: the report's CLM holds together, its MLM does not, and why."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from labs.cli import main
from labs.lm.report_check import check_report

REPORT = Path(__file__).resolve().parents[2] / "golden" / "td3" / "lab_report_td3.json"


def test_the_reports_clm_passes_and_its_mlm_is_flagged_with_the_cause(capsys):
    assert main(["check-report", str(REPORT)]) == 1
    out = capsys.readouterr().out
    clm, mlm = out.split("\nmlm\n")
    assert "FAIL" not in clm and "exp(6.0690) = 432.25, reported 432.24" in clm
    assert "FAIL  perplexity = exp(final validation loss): exp(6.8789) = 971.56" in mlm
    assert "evaluation masks are drawn again at random" in mlm
    assert out.strip().endswith("1 of 8 relations fail")


def write(tmp_path, report) -> Path:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report))
    return path


def test_a_consistent_report_passes(tmp_path, capsys):
    path = write(tmp_path, {"clm": {"epochs": [{"train_loss": 3.1, "eval_loss": 3.0},
                                               {"train_loss": 2.9, "eval_loss": 2.8}],
                                    "perplexity": 16.44}})
    assert main(["check-report", str(path)]) == 0
    assert "all 4 relations hold" in capsys.readouterr().out


@pytest.mark.parametrize("perplexity, cause", [(20.09, "epoch 1's loss"), (6.96, "2 ** loss")])
def test_other_mistakes_get_their_own_cause(tmp_path, perplexity, cause):
    path = write(tmp_path, {"clm": {"epochs": [{"train_loss": 3.1, "eval_loss": 3.0},
                                               {"train_loss": 2.9, "eval_loss": 2.8}],
                                    "perplexity": perplexity}})
    failed = [c for c in check_report(path) if not c.holds]
    assert len(failed) == 1 and cause in failed[0].detail


def test_a_rising_validation_loss_is_flagged(tmp_path):
    path = write(tmp_path, {"mlm": {"epochs": [{"train_loss": 3.1, "eval_loss": 3.0},
                                               {"train_loss": 2.9, "eval_loss": 3.2}],
                                    "perplexity": 24.53}})
    failed = [c.relation for c in check_report(path) if not c.holds]
    assert failed == ["validation loss decreases every epoch"]


@pytest.mark.parametrize("content, message", [
    ("{not json", "is not valid JSON"),
    ('{"clm": {"epochs": []}}', "needs a non-empty list"),
    ('{"clm": {"epochs": [{"train_loss": 1}], "perplexity": 3}}', "clm epoch 1 eval_loss must be a number"),
    ('{"clm": {"epochs": [{"train_loss": 1, "eval_loss": 1}]}}', "clm perplexity must be a number"),
])
def test_bad_reports_are_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "report.json"
    path.write_text(content)
    assert main(["check-report", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["check-report", str(tmp_path / "none.json")]) == 2
    assert "no such report file" in capsys.readouterr().err
