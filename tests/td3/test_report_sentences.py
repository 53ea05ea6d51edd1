"""The report checker reads a perplexity in the sentence forms people write (issue 23):
"exp(x) = y", "perplexité : y", "PPL y", ``$\\exp(x) \\approx y$``, a perplexity column, and
several perplexities in one paragraph (each to its model, or refused as ambiguous).

Each report is the consistent English one (``reports/consistent_en.md``: CLM final validation
loss 6.1023, perplexity 446.88; MLM 6.8712, 964.10) with its perplexity sentences replaced."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from labs.cli import main
from labs.lm.report_check import read_report
from labs.lm.report_perplexity import mentions

CLM_TABLE = """## Causal language model (GPT-2 style)

| Epoch | Training Loss | Validation Loss |
|---|---|---|
| 1 | 6.5210 | 6.4402 |
| 2 | 6.1655 | 6.1890 |
| 3 | 5.9917 | 6.1023 |
"""
MLM_TABLE = """## Masked language model (BERT style)

The collator masks 15% of the tokens.

| Epoch | Training Loss | Validation Loss |
|---|---|---|
| 1 | 7.1102 | 7.0611 |
| 2 | 6.9150 | 6.8990 |
| 3 | 6.8644 | 6.8712 |
"""


def report(tmp_path: Path, after_clm: str, after_mlm: str, end: str = "") -> Path:
    path = tmp_path / "report.md"
    path.write_text(f"# Lab 3\n\n{CLM_TABLE}\n{after_clm}\n\n{MLM_TABLE}\n{after_mlm}\n\n{end}\n",
                    encoding="utf-8")
    return path


def perplexities(path: Path) -> dict[str, Decimal]:
    return {name: model["perplexity"] for name, model in read_report(path).items()}


@pytest.mark.parametrize("clm_sentence, mlm_sentence", [
    ("Perplexity: exp(6.102268) = 446.87.", "Perplexity: exp(6.8712) = 964.10."),
    ("La perplexité : 446,88.", "Perplexité : 964,10"),
    ("PPL 446.88", "PPL: 964.10 after 3 epochs."),
    (r"We get $\exp(6.1023) \approx 446.88$.", r"$e^{6.8712} \approx 964.10$"),
    ("The perplexity, exp of the last validation loss, is 446.88.", "Perplexity after epoch 3 = 964.10."),
    ("Perplexity (GPT-2): 446.88.", "The perplexity of the masked model, exp(loss), is 964.10."),
])
def test_each_written_form_is_read_as_the_perplexity(tmp_path, capsys, clm_sentence, mlm_sentence):
    path = report(tmp_path, clm_sentence, mlm_sentence)
    read = perplexities(path)
    assert abs(read["clm"] - Decimal("446.88")) <= Decimal("0.01"), read
    assert read["mlm"] == Decimal("964.10"), read
    assert main(["check-report", str(path)]) == 0
    assert "all 8 relations hold" in capsys.readouterr().out


def test_a_wrong_perplexity_in_the_exp_form_is_still_caught(tmp_path, capsys):
    """Not read as the loss inside exp(): the stated value, 2 ** loss here, is checked."""
    path = report(tmp_path, "Perplexity: exp(6.1023) = 68.71.", "Perplexity: 964.10.")
    assert main(["check-report", str(path)]) == 1
    assert "Likely cause: 2 ** loss" in capsys.readouterr().out


def test_a_perplexity_column_gives_the_last_rows_value(tmp_path):
    table = CLM_TABLE.replace("| Validation Loss |", "| Validation Loss | Validation perplexity |")
    table = table.replace("|---|---|---|", "|---|---|---|---|")
    rows = {"6.4402 |": "6.4402 | 626.80 |", "6.1890 |": "6.1890 | 487.62 |", "6.1023 |": "6.1023 | 446.88 |"}
    for old, new in rows.items():
        table = table.replace(old, new)
    path = tmp_path / "report.md"
    path.write_text(f"{table}\nThe masked model is not reported here.\n", encoding="utf-8")
    read = read_report(path)
    assert read["clm"]["perplexity"] == Decimal("446.88")
    assert read["clm"]["epochs"][2] == {"train_loss": Decimal("5.9917"), "eval_loss": Decimal("6.1023")}


@pytest.mark.parametrize("summary", [
    "The causal model reaches a perplexity of 446.88 and the masked model 964.10.",
    "Perplexities: 446.88 (causal), 964.10 (masked).",
    "Perplexités : modèle masqué 964,10 ; modèle causal 446,88.",
])
def test_several_perplexities_in_one_paragraph_go_to_their_models(tmp_path, summary):
    path = report(tmp_path, "Training took a minute.", "", end=summary)
    assert perplexities(path) == {"clm": Decimal("446.88"), "mlm": Decimal("964.10")}


def test_several_unnamed_perplexities_are_ambiguous_not_misread(tmp_path, capsys):
    path = report(tmp_path, "", "", end="Perplexities: 446.88 and 964.10.")
    assert main(["check-report", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ambiguous perplexity for" in err and "446.88, 964.10" in err and err.count("\n") == 1


@pytest.mark.parametrize("sentence, values", [
    ("Perplexity: exp(6.102268) = 446.87.", ["446.87"]),
    ("The perplexity after 3 epochs of 128 tokens is 446.88", ["446.88"]),
    ("Perplexity of GPT-2 with a loss of 6.1023: 446.88 (15% masked)", ["446.88"]),
    ("The loss is 6.1023.", []),
])
def test_numbers_that_are_not_perplexities_are_left_out(sentence, values):
    assert [str(m.value) for m in mentions(sentence)] == values
