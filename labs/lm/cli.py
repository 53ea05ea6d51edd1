"""``python -m labs lm clm|mlm``: train one language model as the notebook does, write its table.

Runs unchanged on several processes: ``torchrun --nproc_per_node=2 -m labs lm clm --out DIR``
(the Trainer sets up the process group; only the main process writes).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from labs.dataclass_options import add_options, given
from labs.lm.run_config import KINDS, RunConfig


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("lm", help="TD 3: train a GPT-2-like (clm) or BERT-like (mlm) "
                                              "model from scratch")
    parser.add_argument("kind", choices=KINDS, help="causal (GPT-2-like) or masked (BERT-like)")
    add_options(parser.add_argument, RunConfig)  # one flag per setting of RunConfig
    parser.add_argument("--articles", type=int, default=None,
                        help="built-in corpus: training articles (validation gets an eighth, at "
                             "least 4; default: the built-in corpus's own)")
    parser.add_argument("--no-progress", action="store_true",
                        help="hide the line printed after each epoch")
    parser.add_argument("--out", type=Path, default=Path("results/lm"),
                        help="folder for table.md, table.json and loss_curves.png (default "
                             "results/lm)")
    parser.set_defaults(func=run)


def config_from_args(args: argparse.Namespace) -> RunConfig:
    """The run the flags describe, checked without loading torch or transformers; a bad
    value is a UsageError naming its flag."""
    from labs.cli import UsageError, bad_input
    from labs.lm.corpus import CorpusSpec

    with bad_input(ValueError):
        settings = given(RunConfig, lambda name: getattr(args, name))
    if args.articles is not None and args.articles < 1:
        raise UsageError(f"--articles must be at least 1, got {args.articles}")
    seed = settings.get("seed", 0)
    spec = CorpusSpec(seed=seed) if args.articles is None else CorpusSpec(
        seed=seed, train_articles=args.articles, validation_articles=max(4, args.articles // 8))
    with bad_input(ValueError):  # what no one flag says: a size for this kind, a block too long
        return RunConfig(args.kind, corpus_spec=spec, progress=not args.no_progress, **settings)


def run(args: argparse.Namespace) -> int:
    from labs.cli import bad_input, output_folder

    config = config_from_args(args)
    output_folder(args.out)
    # torch and transformers only once the arguments are known to be good
    from labs.lm.figures import loss_curves_figure
    from labs.lm.table import markdown_table, write_tables
    from labs.lm.train import CorpusTooSmall, finish_distributed, is_main_process, train_lm
    from labs.suite.golden import save_figure

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
