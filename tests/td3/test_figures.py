"""The loss-curves figure, from fixed numbers (no training), against its golden image."""
from __future__ import annotations

from labs.lm.figures import loss_curves_figure
from labs.lm.train import RunResult


def run(kind: str, losses: list[tuple[float, float]], bound: float | None,
        unigram: float | None = None) -> RunResult:
    epochs = [{"epoch": i + 1, "train_loss": t, "eval_loss": e} for i, (t, e) in enumerate(losses)]
    return RunResult(kind=kind, epochs=epochs, eval_loss=losses[-1][1], perplexity=0.0,
                     bayes_loss=bound, entropy_rate=None, unigram_entropy=unigram, train_blocks=0,
                     validation_blocks=0, vocab_size=0, wall_seconds=0.0,
                     train_tokens_per_second=0.0, config={})


def test_loss_curves_figure(golden):
    figure = loss_curves_figure([run("clm", [(4.51, 3.47), (3.25, 3.14), (2.97, 3.00)], 1.58),
                                 run("mlm", [(5.07, 4.71), (4.44, 4.48), (4.28, 4.45)], None, 4.28)])
    golden.check_figure(figure, "td3/loss_curves.png")
