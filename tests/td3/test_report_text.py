"""``python -m labs check-report`` on reports as written: plain text or Markdown, French or
English, decimal commas or points. The reports under ``reports/`` are the project's own."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.cli import main
from labs.lm.report_check import read_report

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
LAB_REPORT = HERE.parents[1].parent / "shared" / "seed" / "lab-report-fr.txt"  # when present


def check(capsys, path: Path) -> tuple[int, str, str]:
    code = main(["check-report", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_clm_passes_and_mlm_is_flagged(code: int, out: str) -> None:
    assert code == 1
    read, relations = out.split("\n\n", 1)
    assert "read clm (under the heading" in read and "read mlm (under the heading" in read
    assert "epoch 3: training loss 5.968300, validation loss 6.068984" in read
    assert "perplexity 963.88" in read
    clm, mlm = relations.split("\nmlm\n")
    assert "FAIL" not in clm and "exp(6.068984) = 432.24, reported 432.24" in clm
    assert "FAIL  perplexity = exp(final validation loss): exp(6.878888) = 971.55" in mlm
    assert "evaluation masks are drawn again at random" in mlm
    assert out.strip().endswith("1 of 8 relations fail")


def test_the_reports_numbers_pass_clm_and_flag_mlm(capsys):
    code, out, _ = check(capsys, REPORTS / "numbers_of_the_lab_fr.txt")  # tabs, commas
    assert_clm_passes_and_mlm_is_flagged(code, out)


@pytest.mark.skipif(not LAB_REPORT.is_file(), reason="the lab report is not beside the project")
def test_the_lab_report_as_written(capsys):
    code, out, _ = check(capsys, LAB_REPORT)
    assert_clm_passes_and_mlm_is_flagged(code, out)


@pytest.mark.parametrize("name", ["consistent_en.md", "consistent_fr.md"])
def test_markdown_reports_in_both_languages_pass(capsys, name):
    code, out, _ = check(capsys, REPORTS / name)
    assert code == 0 and out.strip().endswith("all 8 relations hold")
    assert "epoch 2: training loss 6.1655, validation loss 6.1890" in out  # commas read as points


def test_both_languages_read_the_same_numbers():
    english, french = (read_report(REPORTS / name) for name in ("consistent_en.md", "consistent_fr.md"))
    for model in ("clm", "mlm"):
        assert english[model]["epochs"] == french[model]["epochs"]
        assert english[model]["perplexity"] == french[model]["perplexity"]


def test_a_plain_text_report_gets_the_cause_of_its_mistake(capsys):
    code, out, _ = check(capsys, REPORTS / "epoch_one_perplexity_en.txt")  # spaces, points
    assert code == 1 and "Likely cause: the perplexity of epoch 1's loss" in out


@pytest.mark.parametrize("name, message", [
    ("no_table_fr.txt", "no table of epoch / training loss / validation loss found"),
    ("no_perplexity_en.md", "no perplexity stated near the table of clm"),
    ("unnamed_columns_en.md", "does not name the column(s) epoch, validation loss, training loss"),
])
def test_an_unreadable_report_is_one_line_and_exit_2(capsys, name, message):
    code, out, err = check(capsys, REPORTS / name)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_a_binary_file_is_one_line_and_exit_2(capsys, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n\xff\xfe\x00binary")
    code, _, err = check(capsys, path)
    assert code == 2 and "is not a text file" in err and err.count("\n") == 1
