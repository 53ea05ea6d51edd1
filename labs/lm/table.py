"""A run's per-epoch table, as Markdown and JSON (the shape ``check-report`` reads)."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from labs.lm.metrics import perplexity
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
        lines.append(entropy_sentence(result))
    if result.kind == "mlm" and result.unigram_entropy is not None:
        lines.append(f"Word frequencies alone (a model that ignores the context) score about "
                     f"{result.unigram_entropy:.4f} nats/token on this corpus.")
    config = result.config
    lines += ["", f"{result.train_blocks} training and {result.validation_blocks} validation "
                  f"blocks of {config['block_size']} tokens, vocabulary {result.vocab_size}, "
                  f"size {config['size']}, {config['epochs']} epochs, learning rate "
                  f"{config['learning_rate']:g}, weight decay {config['weight_decay']:g}, seed "
                  f"{config['seed']}; {result.wall_seconds:.1f} s, "
                  f"{result.train_tokens_per_second:,.0f} training tokens/s.", ""]
    return "\n".join(lines)


def entropy_sentence(result: RunResult) -> str:
    gap = result.eval_loss - result.bayes_loss
    return (f"Entropy bound (the corpus's own probabilities on the same validation blocks): "
            f"{result.bayes_loss:.4f} nats/token; the model is {gap:.4f} nats above it "
            f"({result.eval_loss / result.bayes_loss:.2f} times the bound; perplexity "
            f"{result.perplexity:.2f} against the truth's {perplexity(result.bayes_loss):.2f}).")


def report_numbers(result: RunResult) -> dict[str, Any]:
    """The report's shape: ``{"epochs": [{"train_loss", "eval_loss"}], "perplexity"}``, and more."""
    return {"epochs": [{"train_loss": row["train_loss"], "eval_loss": row["eval_loss"]}
                       for row in result.epochs],
            "perplexity": result.perplexity, "final_eval_loss": result.eval_loss,
            "bayes_loss": result.bayes_loss, "entropy_rate": result.entropy_rate,
            "unigram_entropy": result.unigram_entropy,
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
