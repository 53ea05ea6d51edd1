"""``python -m labs.grading.timing``: time grading a class of 20 TD 1 folders on this machine.

Builds a class from the example folders (correct ones by default; ``--loops K`` swaps K of
them for the folder that never returns on XOR), grades it with ``grade_class`` and prints
the wall time and the CPU time it took, so that the "a class of 20 in well under a minute"
target is a measurement.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from labs.cli import description
from labs.grading.class_cli import grade_class
from labs.grading.grade import Grade
from labs.sandbox.limits import add_limit_options, limits_given

EXAMPLES = Path(__file__).resolve().parents[2] / "tests" / "submissions" / "td1"
CORRECT = ("correct_lists", "correct_tuple_mapped", "chatty_prints_megabytes")


def build_class(root: Path, size: int, loops: int) -> None:
    for k in range(size):
        name = "broken_loops_until_converged" if k < loops else CORRECT[k % len(CORRECT)]
        shutil.copytree(EXAMPLES / name, root / f"student{k:02d}_{name}")


def _children_cpu() -> float:
    """CPU seconds of finished child processes (the pytest runs and their workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=description(__doc__))
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--loops", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    add_limit_options(parser.add_argument)
    args = parser.parse_args()
    limits = limits_given(["td1"], lambda name: getattr(args, name))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "class"
        build_class(root, args.size, args.loops)
        start, cpu = time.monotonic(), _children_cpu()
        grades = grade_class(root, "td1", limits, args.jobs, Path(scratch) / "results",
                             progress=False)
        seconds, cpu = time.monotonic() - start, _children_cpu() - cpu
    per_folder = [g.seconds for g in grades.values() if isinstance(g, Grade)]
    print(f"{args.size} folders ({args.loops} looping), {args.jobs} jobs, call timeout "
          f"{limits.call_timeout:g} s: {seconds:.1f} s wall, {seconds / args.size:.2f} s per folder; "
          f"pytest run per folder {min(per_folder):.1f}-{max(per_folder):.1f} s; scores "
          f"{sorted({g.score for g in grades.values() if isinstance(g, Grade)})}; CPU "
          f"{cpu:.1f} s in all (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
