"""``python -m labs reproduce td3``: both models on the built-in corpus, tables, curves, and what
each is measured against (bound, word frequencies alone, count-based bigram)."""
from __future__ import annotations

from pathlib import Path

from labs.lm.corpus import CorpusSpec
from labs.lm.figures import loss_curves_figure
from labs.lm.table import markdown_table, write_tables
from labs.lm.train import RunConfig, RunResult, train_lm
from labs.suite.golden import save_figure


def reproduce(out: Path, corpus_spec: CorpusSpec = CorpusSpec(), epochs: int | None = None,
              seed: int = 0, progress: bool = False) -> list[RunResult]:
    results = [train_lm(RunConfig(kind, corpus_spec=corpus_spec, epochs=epochs, seed=seed,
                                  progress=progress)) for kind in ("clm", "mlm")]
    write_tables(results, out)
    save_figure(loss_curves_figure(results), out / "loss_curves.png")
    text = ("# TD 3: language models from scratch, on the built-in corpus\n\n"
            "The report's recipe (the Trainer, weight decay 0.01, perplexity = "
            "exp(validation loss)) with tiny models on the corpus the project generates. Its "
            "own probabilities give the best loss a causal model can reach, and a lower bound "
            "for the masked model; word frequencies alone and a count-based bigram model, "
            "scored on the same tokens, show how much of the chain each model learned.\n\n"
            + "\n".join(markdown_table(r) for r in results))
    (out / "table.md").write_text(text)
    print(text)
    return results
