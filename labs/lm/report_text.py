"""Read a report's TD 3 numbers as written: plain text or Markdown, French or English.

What it looks for (hand-written: no library reads free-form lab reports):

- tables of one row per epoch with an epoch number, a training loss and a validation loss:
  Markdown pipe tables, or lines of cells separated by tabs or by two spaces or more; the
  columns are told apart by the header line above the rows (``Epoch``/``Époque``,
  ``Training loss``/``Perte d'entraînement``, ``Validation loss``/``Perte de validation``);
- the model of each table: the nearest heading above it that names one (causal, CLM, GPT;
  masked, MLM, BERT);
- the model's perplexity (``labs.lm.report_perplexity``): a perplexity column of the table
  (its last row), else the perplexity stated in the nearest paragraph after the table that
  states one, else before it, else anywhere with the model named; written as people write
  it ("perplexity: y", "perplexité de y", "PPL y", "exp(x) = y", ``$\\exp(x) \\approx y$``),
  several in one paragraph each assigned to the model named with it, or refused as
  ambiguous, never read wrongly.

Numbers keep their written precision (``decimal.Decimal``); a decimal comma is a point.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from labs.lm.report_perplexity import MODELS, PERPLEXITY_COLUMN, perplexity_of

NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
CELL_SEPARATOR = re.compile(r"\t+| {2,}|\s*\|\s*")
SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
COLUMNS = (("perplexity", PERPLEXITY_COLUMN),  # first: "validation perplexity" is not a loss
           ("epoch", re.compile(r"epoch|[ée]poque", re.IGNORECASE)),
           ("eval_loss", re.compile(r"valid|eval", re.IGNORECASE)),
           ("train_loss", re.compile(r"train|entra[îi]n", re.IGNORECASE)))
REQUIRED_COLUMNS = ("epoch", "eval_loss", "train_loss")
COLUMN_NAMES = {"epoch": "epoch", "eval_loss": "validation loss", "train_loss": "training loss"}


@dataclass(frozen=True)
class Table:
    model: str
    heading: str  # the heading that named the model ("" when none did)
    first_line: int  # 0-based index of the first row
    last_line: int
    epochs: list[dict[str, Decimal]]  # a "perplexity" key too when the table has that column


def number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _cells(line: str) -> list[str]:
    return [cell for cell in CELL_SEPARATOR.split(line.strip()) if cell]


def _is_row(line: str) -> bool:
    cells = _cells(line)
    return len(cells) >= 3 and all(NUMBER.match(cell) for cell in cells)


def _is_heading(line: str) -> bool:
    text = line.strip()
    if text.startswith("#"):
        return True
    return (0 < len(text) <= 60 and not text.endswith((".", ":", ",", ";"))
            and any(ch.isalpha() for ch in text) and not _is_row(text) and "|" not in text)


def _columns(header: str, where: str) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(_cells(header)):
        for key, pattern in COLUMNS:
            if pattern.search(cell) and key not in found:
                found[key] = index
                break
    missing = [COLUMN_NAMES[key] for key in REQUIRED_COLUMNS if key not in found]
    if missing:
        raise ValueError(f"{where}: the table's header {header.strip()!r} does not name the "
                         f"column(s) {', '.join(missing)} (expected epoch, training loss, "
                         "validation loss; French or English)")
    return found


def _model_of(lines: list[str], before: int) -> tuple[str, str]:
    for line in reversed(lines[:before]):
        if _is_heading(line):
            for model, pattern in MODELS:
                if pattern.search(line):
                    return model, line.strip().lstrip("#").strip()
    return "", ""


def find_tables(lines: list[str], where: str) -> list[Table]:
    tables, index = [], 0
    while index < len(lines):
        if not _is_row(lines[index]):
            index += 1
            continue
        start = index
        while index < len(lines) and _is_row(lines[index]):
            index += 1
        header_at = start - 1
        while header_at >= 0 and (SEPARATOR_ROW.match(lines[header_at]) or not lines[header_at].strip()):
            header_at -= 1
        if header_at < 0:
            raise ValueError(f"{where}: the table at line {start + 1} has no header line")
        columns = _columns(lines[header_at], f"{where}, line {header_at + 1}")
        epochs = []
        for line in lines[start:index]:
            cells = _cells(line)
            if len(cells) <= max(columns.values()):
                raise ValueError(f"{where}: the row {line.strip()!r} has fewer cells than its header")
            epochs.append({key: number(cells[column]) for key, column in columns.items()})
        model, heading = _model_of(lines, header_at)
        tables.append(Table(model, heading, start, index - 1, epochs))
    return tables


def read_text_report(path: Path) -> dict[str, dict]:
    """The report's models, as ``report_check.read_report`` gives them, plus where each was
    read: ``{name: {"epochs": [...], "perplexity": Decimal, "heading": str}}``."""
    where = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise ValueError(f"{where} is not a text file (UTF-8)") from None
    tables = find_tables(lines, where)
    if not tables:
        raise ValueError(f"{where}: no table of epoch / training loss / validation loss found")
    models = {}
    for number_, table in enumerate(tables):
        after_end = tables[number_ + 1].first_line if number_ + 1 < len(tables) else len(lines)
        before_start = tables[number_ - 1].last_line + 1 if number_ else 0
        name = table.model or f"model {number_ + 1}"
        if name in models:
            name = f"{name} ({number_ + 1})"
        column = [e.pop("perplexity") for e in table.epochs if "perplexity" in e]
        perplexity = column[-1] if column else perplexity_of(
            lines, table.model, name, before=(before_start, table.first_line),
            after=(table.last_line + 1, after_end), where=where)
        epoch_numbers = [int(e.pop("epoch")) for e in table.epochs]
        if epoch_numbers != list(range(1, len(epoch_numbers) + 1)):
            raise ValueError(f"{where}: the epochs of {name}'s table are {epoch_numbers}; "
                             "expected 1, 2, 3, ...")
        models[name] = {"epochs": table.epochs, "perplexity": perplexity,
                        "heading": table.heading}
    return models
