"""The loss-curves figure, from fixed numbers (no training), against its golden image."""
from __future__ import annotations

from labs.lm.figures import loss_curves_figure
from labs.lm.train import RunResult


def run(kind: str, losses: list[tuple[float, float]], bound: float | None,
        unigram: float | None = None, bigram: float | None = None) -> RunResult:
    epochs = [{"epoch": i + 1, "train_loss": t, "eval_loss": e} for i, (t, e) in enumerate(losses)]
    return RunResult(kind=kind, epochs=epochs, eval_loss=losses[-1][1], perplexity=0.0,
                     bayes_loss=bound, entropy_rate=None, unigram_entropy=unigram, train_blocks=0,
                     validation_blocks=0, vocab_size=0, wall_seconds=0.0,
                     train_tokens_per_second=0.0, config={}, bigram_loss=bigram)


def test_loss_curves_figure(golden):
    # numbers of the shape a default run gives (bound, word frequencies, bigram per model)
    figure = loss_curves_figure([run("clm", [(3.10, 2.21), (1.98, 1.89), (1.85, 1.83)], 1.58, 4.35, 1.87),
                                 run("mlm", [(4.60, 3.96), (3.70, 3.44), (3.40, 3.37)], 0.72, 4.05, 1.20)])
    golden.check_figure(figure, "td3/loss_curves.png")
