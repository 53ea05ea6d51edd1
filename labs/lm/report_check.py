"""Check a lab report's TD 3 numbers against the relations the lab documents.

A report gives, per model, its per-epoch losses and a perplexity::

    {"clm": {"epochs": [{"train_loss": 6.5073, "eval_loss": 6.426713}, ...], "perplexity": 432.24},
     "mlm": {...}}

Each relation is checked to the report's own rounding: a number written with d decimals
stands for any value within half a unit of its last digit. Numbers are read as written
(``decimal.Decimal``), so ``6.0690`` keeps its four decimals.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from labs.lm.report_text import read_text_report

MASKED_NAMES = ("mlm", "bert", "masked")


@dataclass(frozen=True)
class Check:
    model: str
    relation: str
    holds: bool
    detail: str


def half_unit(value: Decimal) -> float:
    """Half a unit of the last written digit: 6.0690 -> 0.00005."""
    return 0.5 * 10.0 ** value.as_tuple().exponent


def _number(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"{where} must be a number, got {value!r}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{where} must be finite, got {value!r}")
    return number


def read_report(path: Path) -> dict[str, dict[str, Any]]:
    """The report's models, each with ``epochs`` (train_loss, eval_loss) and ``perplexity``:
    from JSON (below), or from a report as written, plain text or Markdown
    (``labs.lm.report_text``)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not a text file (UTF-8)") from None
    if not text.lstrip().startswith("{"):
        return read_text_report(path)
    try:
        report = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(report, dict) or not report:
        raise ValueError(f"{path}: expected an object of models, e.g. {{\"clm\": {{...}}}}")
    models = {}
    for name, model in report.items():
        if not isinstance(model, dict) or not isinstance(model.get("epochs"), list) or not model["epochs"]:
            raise ValueError(f"{path}: model {name!r} needs a non-empty list \"epochs\"")
        epochs = []
        for number, epoch in enumerate(model["epochs"], start=1):
            if not isinstance(epoch, dict):
                raise ValueError(f"{path}: {name} epoch {number} must be an object")
            epochs.append({key: _number(epoch.get(key), f"{name} epoch {number} {key}")
                           for key in ("train_loss", "eval_loss")})
        models[name] = {"epochs": epochs,
                        "perplexity": _number(model.get("perplexity"), f"{name} perplexity")}
    return models


def _decreasing(model: str, key: str, label: str, epochs: list[dict[str, Decimal]]) -> Check:
    values = [epoch[key] for epoch in epochs]
    chain = " > ".join(str(v) for v in values)
    rises = [f"epoch {i + 2} ({b}) is not below epoch {i + 1} ({a})"
             for i, (a, b) in enumerate(zip(values, values[1:])) if not b < a]
    if len(values) < 2:
        return Check(model, f"{label} decreases every epoch", True, "only one epoch")
    return Check(model, f"{label} decreases every epoch", not rises,
                 chain if not rises else "; ".join(rises))


def _perplexity_check(model: str, epochs: list[dict[str, Decimal]], reported: Decimal) -> Check:
    loss = epochs[-1]["eval_loss"]
    low = math.exp(float(loss) - half_unit(loss))
    high = math.exp(float(loss) + half_unit(loss))
    margin = half_unit(reported)
    holds = low - margin <= float(reported) <= high + margin
    relation = "perplexity = exp(final validation loss)"
    expected = math.exp(float(loss))
    if holds:
        return Check(model, relation, True, f"exp({loss}) = {expected:.2f}, reported {reported}")
    implied = math.log(float(reported))
    detail = (f"exp({loss}) = {expected:.2f} (between {low:.2f} and {high:.2f} at the report's "
              f"rounding), reported {reported}, which is exp({implied:.6f}): a validation loss "
              f"{abs(implied - float(loss)):.4f} {'lower' if implied < float(loss) else 'higher'} "
              f"than the final epoch's. {_likely_cause(model, epochs, reported)}")
    return Check(model, relation, False, detail)


def _likely_cause(model: str, epochs: list[dict[str, Decimal]], reported: Decimal) -> str:
    value = float(reported)
    for number, epoch in enumerate(epochs[:-1], start=1):
        loss = float(epoch["eval_loss"])
        if abs(math.exp(loss) - value) <= half_unit(reported) + math.exp(loss) * half_unit(epoch["eval_loss"]):
            return f"Likely cause: the perplexity of epoch {number}'s loss, not the final one."
    if abs(2.0 ** float(epochs[-1]["eval_loss"]) - value) <= 0.01 * value:
        return "Likely cause: 2 ** loss; the loss is in nats, perplexity is exp(loss)."
    if any(part in model.lower() for part in MASKED_NAMES):
        return ("Likely cause: the masked model's evaluation masks are drawn again at random "
                "at every evaluation (the notebook evaluates once more after training for its "
                "perplexity), so the loss behind the perplexity comes from other masks than "
                "the table's; pin them with a seeded collator.")
    return ("Likely cause: the perplexity comes from another evaluation than the table's final "
            "one (another checkpoint or another validation set).")


def check_model(model: str, data: dict[str, Any]) -> list[Check]:
    epochs = data["epochs"]
    checks = [_perplexity_check(model, epochs, data["perplexity"]),
              _decreasing(model, "train_loss", "training loss", epochs),
              _decreasing(model, "eval_loss", "validation loss", epochs)]
    losses = [v for epoch in epochs for v in epoch.values()]
    checks.append(Check(model, "losses are positive (cross-entropies in nats)",
                        all(v > 0 for v in losses), f"smallest {min(losses)}"))
    return checks


def check_report(path: Path) -> list[Check]:
    return check_models(read_report(path))


def check_models(models: dict[str, dict[str, Any]]) -> list[Check]:
    return [check for name, data in models.items() for check in check_model(name, data)]


def format_read(models: dict[str, dict[str, Any]]) -> str:
    """What was read, model by model, before the relations are checked."""
    lines = []
    for name, data in models.items():
        heading = f" (under the heading {data['heading']!r})" if data.get("heading") else ""
        lines.append(f"read {name}{heading}: {len(data['epochs'])} epochs, perplexity "
                     f"{data['perplexity']}")
        lines += [f"  epoch {number}: training loss {epoch['train_loss']}, validation loss "
                  f"{epoch['eval_loss']}" for number, epoch in enumerate(data["epochs"], start=1)]
    return "\n".join(lines)


def format_checks(checks: list[Check]) -> str:
    lines, model = [], None
    for check in checks:
        if check.model != model:
            model = check.model
            lines.append(model)
        lines.append(f"  {'ok  ' if check.holds else 'FAIL'}  {check.relation}: {check.detail}")
    failed = sum(not c.holds for c in checks)
    lines.append(f"{failed} of {len(checks)} relations fail" if failed else
                 f"all {len(checks)} relations hold")
    return "\n".join(lines)
