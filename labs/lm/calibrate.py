"""``python -m labs.lm.calibrate [--seeds 20] [--first 0] [--kinds clm mlm]``: the numbers behind
TD 3's training specs, over many seeds, trained as the specs train them (the default
built-in corpus drawn from the seed, the default run with that seed).

Prints one JSON row per run (loss, bound, word frequencies, bigram, wall time) and, at the
end, the observed range of each ratio the specs threshold; the specs' docstrings record
these ranges next to their thresholds. Minutes per seed on a shared 2-core machine: run it
in the background (``nice``), not as a test.
"""
from __future__ import annotations

import argparse
import json
from typing import Any

from labs.lm.corpus import CorpusSpec
from labs.lm.train import RunConfig, train_lm


def row(kind: str, seed: int) -> dict[str, Any]:
    result = train_lm(RunConfig(kind, corpus_spec=CorpusSpec(seed=seed), seed=seed, progress=False))
    losses = [epoch["eval_loss"] for epoch in result.epochs]
    return {"kind": kind, "seed": seed, "loss": result.eval_loss, "bound": result.bayes_loss,
            "word_frequencies": result.unigram_entropy, "bigram": result.bigram_loss,
            "over_bound": result.eval_loss / result.bayes_loss,
            "below_word_frequencies": result.unigram_entropy - result.eval_loss,
            "below_bigram": result.bigram_loss - result.eval_loss,
            "smallest_drop": min(a - b for a, b in zip(losses, losses[1:])),
            "whole_fall": losses[0] - losses[-1], "epoch_losses": losses,
            "wall_seconds": result.wall_seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--kinds", nargs="+", default=["clm", "mlm"], choices=["clm", "mlm"])
    args = parser.parse_args(argv)
    rows = []
    for seed in range(args.first, args.first + args.seeds):
        for kind in args.kinds:
            rows.append(row(kind, seed))
            print(json.dumps(rows[-1]), flush=True)
    for kind in args.kinds:
        mine = [r for r in rows if r["kind"] == kind]
        for key in ("over_bound", "below_word_frequencies", "below_bigram", "smallest_drop", "whole_fall",
                    "wall_seconds"):
            low, high = min(mine, key=lambda r: r[key]), max(mine, key=lambda r: r[key])
            print(f"{kind} {key}: {low[key]:.4f} (seed {low['seed']}) to {high[key]:.4f} "
                  f"(seed {high['seed']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
