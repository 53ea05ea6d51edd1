"""A run's per-epoch table, as Markdown and JSON (the shape ``check-report`` reads)."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from labs.lm.metrics import perplexity
from labs.lm.run_config import TINY_RECIPE
from labs.lm.train import RunResult

TITLES = {"clm": "causal LM (GPT-2-like)", "mlm": "masked LM (BERT-like)"}


def _number(value: float) -> str:
    return "inf" if math.isinf(value) else f"{value:.4f}"


def markdown_table(result: RunResult) -> str:
    lines = [f"### {TITLES.get(result.kind, result.kind)}", "",
             "| epoch | training loss | validation loss |", "|---|---|---|"]
    lines += [f"| {row['epoch']} | {row['train_loss']:.4f} | {row['eval_loss']:.4f} |"
              for row in result.epochs]
    lines += ["", f"Perplexity exp({result.eval_loss:.6f}) = {_number(result.perplexity)} "
                  "(a last evaluation after training, as the notebook does)."]
    if result.bayes_loss is not None:
        lines += ["", *comparison_table(result), "", entropy_sentence(result)]
    config = result.config
    lines += ["", f"{result.train_blocks} training and {result.validation_blocks} validation "
                  f"blocks of {config['block_size']} tokens, vocabulary {result.vocab_size}, "
                  f"size {config['size']}, {config['epochs']} epoch{'s' * (config['epochs'] != 1)}, learning rate "
                  f"{config['learning_rate']:g}, weight decay {config['weight_decay']:g}, seed "
                  f"{config['seed']}; {result.wall_seconds:.1f} s, "
                  f"{result.train_tokens_per_second:,.0f} training tokens/s.", ""]
    if config.get("size") == "tiny" and result.kind in TINY_RECIPE:
        recipe = TINY_RECIPE[result.kind]
        lines.insert(-1, recipe[0].upper() + recipe[1:] + ".")
    return "\n".join(lines)


BOUNDS = {
    "clm": ("entropy bound (the corpus's own probabilities, given the tokens before)",
            "The entropy bound, {bound:.4f} nats/token, is the truth's own loss on the same "
            "validation blocks: no causal model beats it in expectation."),
    "mlm": ("lower bound (the corpus's own probabilities, given every other token unmasked)",
            "The lower bound, {bound:.4f} nats/token, is the loss of a predictor that knows the "
            "corpus's probabilities and sees every other token of the block unmasked, on the very "
            "tokens the evaluation masked: the model sees less, so no masked model beats it in "
            "expectation."),
}


def comparison_table(result: RunResult) -> list[str]:
    """The model against the bound and the count-based baselines, as loss and perplexity."""
    label = BOUNDS.get(result.kind, BOUNDS["clm"])[0]
    rows = [(label, result.bayes_loss),
            ("word frequencies alone (a model that ignores the context)", result.unigram_entropy),
            ("count-based bigram (the neighbouring tokens)" if result.kind == "mlm" else
             "count-based bigram (the previous token)", result.bigram_loss),
            ("the model", result.eval_loss)]
    lines = ["| on the validation tokens the model is scored on | loss (nats/token) | perplexity |",
             "|---|---|---|"]
    lines += [f"| {name} | {_number(loss)} | {_number(perplexity(loss))} |"
              for name, loss in rows if loss is not None]
    return lines


def _relative(loss: float, baseline: float | None, name: str) -> str:
    if baseline is None:
        return ""
    difference = baseline - loss
    return f", {abs(difference):.4f} nats {'below' if difference >= 0 else 'above'} {name}"


def entropy_sentence(result: RunResult) -> str:
    gap = result.eval_loss - result.bayes_loss
    return (BOUNDS.get(result.kind, BOUNDS["clm"])[1].format(bound=result.bayes_loss)
            + f" The model is {gap:.4f} nats above it "
              f"({result.eval_loss / result.bayes_loss:.2f} times the bound)"
            + _relative(result.eval_loss, result.unigram_entropy, "word frequencies alone")
            + _relative(result.eval_loss, result.bigram_loss, "the count-based bigram") + ".")


def report_numbers(result: RunResult) -> dict[str, Any]:
    """The report's shape: ``{"epochs": [{"train_loss", "eval_loss"}], "perplexity"}``, and more."""
    return {"epochs": [{"train_loss": row["train_loss"], "eval_loss": row["eval_loss"]}
                       for row in result.epochs],
            "perplexity": result.perplexity, "final_eval_loss": result.eval_loss,
            "bayes_loss": result.bayes_loss, "entropy_rate": result.entropy_rate,
            "unigram_entropy": result.unigram_entropy, "bigram_loss": result.bigram_loss,
            "train_blocks": result.train_blocks, "validation_blocks": result.validation_blocks,
            "vocab_size": result.vocab_size, "wall_seconds": result.wall_seconds,
            "train_tokens_per_second": result.train_tokens_per_second, "config": result.config}


def write_tables(results: list[RunResult], out: Path) -> None:
    """``table.md`` and ``table.json`` (``{"clm": {...}, "mlm": {...}}``) in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "table.md").write_text("\n".join(markdown_table(r) for r in results))
    numbers = {r.kind: report_numbers(r) for r in results}
    # json writes inf as Infinity, which json (and check-report) read back
    (out / "table.json").write_text(json.dumps(numbers, indent=1) + "\n")
