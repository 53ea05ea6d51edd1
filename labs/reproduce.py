"""``python -m labs reproduce [LAB ...]``: the main job, every lab on built-in defaults.

Each lab lists here the modules whose ``reproduce(out: Path) -> None`` it runs, all writing
into OUT/LAB/; with no LAB, every lab runs.
"""
from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

from labs.results_index import write_index

REPRODUCERS: dict[str, tuple[str, ...]] = {
    "td1": ("labs.perceptron.reproduce",),
    "td2": ("labs.gan.reproduce", "labs.stylegan.reproduce"),
    "td3": ("labs.lm.reproduce",),
}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("reproduce", help="reproduce the labs' documented results")
    parser.add_argument("labs", nargs="*", metavar="LAB",
                        help=f"which labs ({', '.join(REPRODUCERS)}); default: all")
    parser.add_argument("--out", type=Path, default=Path("results"),
                        help="output folder (default: results/); each lab writes OUT/LAB/")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError

    unknown = [lab for lab in args.labs if lab not in REPRODUCERS]
    if unknown:
        raise UsageError(f"unknown lab {unknown[0]!r}; known labs: {', '.join(REPRODUCERS)}")
    for lab in args.labs or list(REPRODUCERS):
        start = time.perf_counter()
        out = args.out / lab
        out.mkdir(parents=True, exist_ok=True)
        for module in REPRODUCERS[lab]:
            importlib.import_module(module).reproduce(out)
        print(f"{lab}: results in {out}/ ({time.perf_counter() - start:.1f} s)")
    unknown = write_index(args.out)
    print(f"index of every file: {args.out / 'README.md'}"
          + (f" ({len(unknown)} not described: {', '.join(unknown)})" if unknown else ""))
    return 0
