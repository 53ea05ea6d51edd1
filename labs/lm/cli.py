"""``python -m labs lm clm|mlm``: train one language model as the notebook does, write its table.

Runs unchanged on several processes: ``torchrun --nproc_per_node=2 -m labs lm clm --out DIR``
(the Trainer sets up the process group; only the main process writes).
"""
from __future__ import annotations

import argparse
import math
from pathlib import Path

# The sizes of labs.lm.models and the longest block each reads, restated here so that bad
# arguments are rejected before transformers loads (a unit test checks they agree).
MAX_POSITIONS = {"clm": {"tiny": 128, "gpt2": 1024},
                 "mlm": {"tiny": 128, "bert-base-cased": 512}}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("lm", help="TD 3: train a GPT-2-like (clm) or BERT-like (mlm) "
                                              "model from scratch")
    parser.add_argument("kind", choices=("clm", "mlm"), help="causal (GPT-2-like) or masked "
                                                           "(BERT-like)")
    parser.add_argument("--corpus", default="builtin",
                        help="builtin (default, offline), wikitext-2-raw-v1 (the hub), or a folder "
                             "holding wiki.train.raw and wiki.valid.raw")
    parser.add_argument("--size", default="tiny",
                        help="tiny (default), gpt2 (GPT-2 small, clm) or bert-base-cased (mlm)")
    parser.add_argument("--epochs", type=int, default=None,
                        help="default: the notebook's 3 (4 for the tiny masked model)")
    parser.add_argument("--block-size", type=int, default=None,
                        help="tokens per block (default: the notebook's 128; 64 for the tiny masked model)")
    parser.add_argument("--learning-rate", type=float, default=None,
                        help="default: 2e-5 for the notebook's sizes, larger for tiny ones")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="per process (default: by size)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the weights, data order and masks (default 0)")
    parser.add_argument("--articles", type=int, default=None,
                        help="built-in corpus: training articles (validation gets an eighth, at "
                             "least 4; default: the built-in corpus's own)")
    parser.add_argument("--no-progress", action="store_true",
                        help="hide the line printed after each epoch")
    parser.add_argument("--out", type=Path, default=Path("results/lm"),
                        help="folder for table.md, table.json and loss_curves.png (default "
                             "results/lm)")
    parser.set_defaults(func=run)


def corpus_spec(articles: int | None, seed: int):
    from labs.lm.corpus import CorpusSpec

    if articles is None:
        return CorpusSpec(seed=seed)
    if articles < 1:
        raise ValueError(f"articles must be at least 1, got {articles}")
    return CorpusSpec(seed=seed, train_articles=articles, validation_articles=max(4, articles // 8))


def check_arguments(args: argparse.Namespace) -> None:
    """Every argument, checked without loading torch or transformers (the messages are
    RunConfig's own, which checks them again)."""
    from labs.cli import UsageError, bad_input
    from labs.lm.data import check_corpus_name

    sizes = MAX_POSITIONS[args.kind]
    if args.size not in sizes:
        raise UsageError(f"unknown size {args.size!r} for {args.kind}; choose one of "
                         f"{', '.join(sizes)}")
    # None: the size's default (RunConfig), which is valid
    if args.epochs is not None and args.epochs < 1:
        raise UsageError(f"epochs must be an integer >= 1, got {args.epochs}")
    if args.block_size is not None and args.block_size < 2:
        raise UsageError(f"block size must be an integer >= 2, got {args.block_size}")
    if args.block_size is not None and args.block_size > sizes[args.size]:
        raise UsageError(f"block size {args.block_size} exceeds the {args.size} {args.kind} "
                         f"model's {sizes[args.size]} positions")
    if args.learning_rate is not None and not (math.isfinite(args.learning_rate)
                                               and args.learning_rate > 0):
        raise UsageError(f"learning rate must be a positive number, got {args.learning_rate}")
    if args.batch_size is not None and args.batch_size < 1:
        raise UsageError(f"batch size must be at least 1, got {args.batch_size}")
    if args.articles is not None and args.articles < 1:
        raise UsageError(f"articles must be at least 1, got {args.articles}")
    with bad_input(ValueError):
        check_corpus_name(args.corpus)


def run(args: argparse.Namespace) -> int:
    from labs.cli import bad_input, output_folder

    check_arguments(args)
    output_folder(args.out)
    # torch and transformers only once the arguments are known to be good
    from labs.lm.figures import loss_curves_figure
    from labs.lm.table import markdown_table, write_tables
    from labs.lm.train import (CorpusTooSmall, RunConfig, finish_distributed, is_main_process,
                               train_lm)
    from labs.suite.golden import save_figure

    options = {} if args.batch_size is None else {"batch_size": args.batch_size}
    config = RunConfig(args.kind, corpus=args.corpus, corpus_spec=corpus_spec(args.articles, args.seed),
                       size=args.size, epochs=args.epochs, block_size=args.block_size,
                       learning_rate=args.learning_rate, seed=args.seed,
                       progress=not args.no_progress, **options)
    try:
        with bad_input(CorpusTooSmall):  # known once the corpus is tokenised
            result = train_lm(config)
        main = is_main_process()
    finally:
        finish_distributed()
    if main:
        write_tables([result], args.out)
        save_figure(loss_curves_figure([result]), args.out / "loss_curves.png")
        print(markdown_table(result))
        print(f"wrote {args.out}/table.md, table.json, loss_curves.png")
    return 0
