"""``python -m labs mutation LAB``: how many slips in the reference the lab's specs catch."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from labs.cli import UsageError, writable_file
from labs.mutation.targets import LABS


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "mutation", help="mutation testing: mutate the reference's student-facing code, run the "
                         "lab's specs on each mutant, report killed, survivors and the score "
                         "(needs the mutation extra; CPU-heavy: minutes to an hour)")
    parser.add_argument("lab", choices=sorted(LABS), help="the lab whose code and specs are used")
    parser.add_argument("--sample", type=int, default=None, metavar="N",
                        help="run N mutants picked by --seed instead of all (default: all)")
    parser.add_argument("--seed", type=int, default=0,
                        help="which sample: the same seed and code give the same mutants (default: 0)")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE",
                        help="also write every mutant and its outcome as JSON (default: none)")
    parser.add_argument("--rerun", type=Path, default=None, metavar="FILE",
                        help="run only the survivors of an earlier run's --json FILE, for example "
                             "after adding specs (default: none)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="mutants judged at once, each process in a copy of the project of "
                             "its own (default: 1)")
    parser.add_argument("--fail-under", type=float, default=None, metavar="PERCENT",
                        help="exit 1 when the score is below PERCENT (default: never)")
    parser.set_defaults(func=run)


def _progress(index: int, total: int, mutant) -> None:
    print(f"[{index}/{total}] {mutant.outcome:>11}  {mutant.file}:{mutant.line} "
          f"{mutant.operator}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if args.sample is not None and args.sample < 1:
        raise UsageError(f"--sample must be at least 1, got {args.sample}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    if args.fail_under is not None and not 0 <= args.fail_under <= 100:
        raise UsageError(f"--fail-under must be a percentage from 0 to 100, got {args.fail_under}")
    if args.json is not None:
        writable_file(args.json, "--json")
    from labs.mutation.report import describe, read_equivalents, score
    from labs.mutation.run import BaselineFails, MissingTool, site, timed_run

    only = None
    if args.rerun is not None:
        try:
            earlier = json.loads(args.rerun.read_text(encoding="utf-8"))
            only = {site(m["file"], m["operator"], m["occurrence"], m["line"])
                    for m in earlier["mutants"] if m["outcome"] == "survived"}
        except (ValueError, OSError, KeyError, TypeError) as error:
            raise UsageError(f"--rerun {args.rerun}: not a --json report of this command "
                             f"({type(error).__name__}: {error})") from None
    equivalents = [e for e in read_equivalents() if e.lab == args.lab]
    try:
        mutants, seconds = timed_run(args.lab, args.sample, args.seed, _progress, only, args.jobs)
    except (MissingTool, BaselineFails) as error:
        raise UsageError(str(error)) from None
    result = score(mutants, equivalents)
    print(describe(args.lab, result, seconds, args.sample))
    if args.json is not None:
        args.json.write_text(json.dumps({"lab": args.lab, "sample": args.sample, "seed": args.seed,
                                         "rerun": None if args.rerun is None else str(args.rerun),
                                         "seconds": round(seconds, 1), "score": result.value,
                                         "mutants": [m.to_dict() for m in mutants]}, indent=1),
                             encoding="utf-8")
    if args.fail_under is not None and 100 * result.value < args.fail_under:
        return 1
    return 0
