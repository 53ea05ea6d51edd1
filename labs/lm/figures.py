"""Loss curves: training and validation loss per epoch, and, on the built-in corpus, what the
model is measured against: the bound (causal: exact; masked: a lower bound), word frequencies
alone and the count-based bigram."""
from __future__ import annotations

from matplotlib.figure import Figure

from labs.lm.table import TITLES
from labs.lm.train import RunResult

BOUND_LABELS = {"clm": "entropy bound", "mlm": "lower bound"}


def loss_curves_figure(results: list[RunResult]) -> Figure:
    figure = Figure(figsize=(4.0 * len(results), 3.2), layout="constrained")
    axes = figure.subplots(1, len(results), squeeze=False)[0]
    for ax, result in zip(axes, results):
        epochs = [row["epoch"] for row in result.epochs]
        ax.plot(epochs, [row["train_loss"] for row in result.epochs], "o-", label="training")
        ax.plot(epochs, [row["eval_loss"] for row in result.epochs], "s-", label="validation")
        lines = [(result.unigram_entropy, "gray", ":", "word frequencies alone"),
                 (result.bigram_loss, "tab:green", "-.", "count-based bigram"),
                 (result.bayes_loss, "k", "--", BOUND_LABELS.get(result.kind, "bound"))]
        for level, color, style, label in lines:
            if level is not None:
                ax.axhline(level, color=color, linestyle=style, linewidth=1, label=label)
        ax.set_title(TITLES.get(result.kind, result.kind))
        ax.set_xlabel("epoch")
        ax.set_ylabel("loss (nats/token)")
        ax.set_xticks(epochs)
        ax.legend(fontsize="small")
    return figure
