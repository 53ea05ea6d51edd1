"""Loss curves: training and validation loss per epoch, with the entropy bound (causal model)
and the loss of word frequencies alone (masked model) when the corpus is the built-in one."""
from __future__ import annotations

from matplotlib.figure import Figure

from labs.lm.table import TITLES
from labs.lm.train import RunResult


def loss_curves_figure(results: list[RunResult]) -> Figure:
    figure = Figure(figsize=(4.0 * len(results), 3.2), layout="constrained")
    axes = figure.subplots(1, len(results), squeeze=False)[0]
    for ax, result in zip(axes, results):
        epochs = [row["epoch"] for row in result.epochs]
        ax.plot(epochs, [row["train_loss"] for row in result.epochs], "o-", label="training")
        ax.plot(epochs, [row["eval_loss"] for row in result.epochs], "s-", label="validation")
        if result.bayes_loss is not None:
            ax.axhline(result.bayes_loss, color="k", linestyle="--", linewidth=1,
                       label="entropy bound")
        if result.kind == "mlm" and result.unigram_entropy is not None:
            ax.axhline(result.unigram_entropy, color="gray", linestyle=":", linewidth=1,
                       label="word frequencies alone")
        ax.set_title(TITLES.get(result.kind, result.kind))
        ax.set_xlabel("epoch")
        ax.set_ylabel("loss (nats/token)")
        ax.set_xticks(epochs)
        ax.legend()
    return figure
