"""``python -m labs grade-class ROOT --lab td1 --csv grades.csv [--jobs N]``: grade a class.

Every sub-folder of ROOT is one student. Writes one CSV row per student (student, score,
max score, one column per spec with the points earned, a note), each student's
``results.json`` under ``results/`` next to the CSV, and a summary figure (score histogram,
pass rate per spec). One broken submission never stops the batch: each is graded in its own
pytest subprocess with its own limits, N at a time.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from labs.grading.cli import add_grading_options, limits_from, spec_seed_from
from labs.grading.grade import Grade, grade_folder, to_gradescope
from labs.grading.points import POINTS, Rubric
from labs.grading.rubric import rubric_from
from labs.grading.run import stop_all
from labs.sandbox.limits import Limits


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("grade-class", help="grade every student folder of ROOT")
    parser.add_argument("root", type=Path, metavar="ROOT", help="one sub-folder per student")
    add_grading_options(parser)
    parser.add_argument("--csv", type=Path, default=Path("grades.csv"), metavar="FILE",
                        help="the class's grades (default: grades.csv); results/ and the "
                             "summary figure go next to it")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        metavar="N", help="students graded at once (default: the number of cores)")
    parser.set_defaults(func=run)


def students_of(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def grade_class(root: Path, lab: str, limits: Limits, jobs: int, results: Path,
                progress: bool = True, select: str | None = None,
                rubric: Rubric = POINTS, spec_seed: int | None = None) -> dict[str, Grade | str]:
    """Each student's Grade, or the reason the grader could not grade them; a student's
    failure images go to ``results/<student>/failures/``. ``spec_seed``: one offset for
    every student (default: each grading draws its own secret one)."""
    from tqdm import tqdm

    folders = students_of(root)
    grades: dict[str, Grade | str] = {}
    pool = ThreadPoolExecutor(max_workers=jobs)
    hide = [results, root.resolve()]  # the grades, and the other students' originals
    futures = {pool.submit(grade_folder, folder, lab, limits, hide, select, rubric,
                           results / folder.name / "failures", spec_seed): folder
               for folder in folders}
    try:
        with tqdm(total=len(folders), unit="student", disable=not progress) as bar:
            _collect(futures, grades, bar)
    except BaseException:  # Ctrl-C: cancel what has not started, kill what has
        pool.shutdown(wait=False, cancel_futures=True)
        stop_all()
        raise
    pool.shutdown()
    return dict(sorted(grades.items()))


def _collect(futures: dict, grades: dict[str, Grade | str], bar) -> None:
    for future in as_completed(futures):
        name = futures[future].name
        try:
            grades[name] = future.result()
        except Exception as error:  # noqa: BLE001 - one student's failure never stops the batch
            grades[name] = f"the grader could not grade this folder: {error}"
        bar.set_postfix_str(name[:20])
        bar.update()


def write_outputs(grades: dict[str, Grade | str], csv_path: Path, results: Path) -> list[str]:
    """The CSV and every results.json; returns the spec columns."""
    specs: list[str] = []
    for grade in grades.values():
        if isinstance(grade, Grade):
            specs += [s.spec for s in grade.specs if s.spec not in specs]
    with open(csv_path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "score", "max_score", "spec_seed", *specs, "note"])
        for name, grade in grades.items():
            if isinstance(grade, str):
                writer.writerow([name, "", "", "", *[""] * len(specs), grade])
                continue
            earned = {s.spec: s.score for s in grade.specs}
            writer.writerow([name, f"{grade.score:g}", f"{grade.max_score:g}", grade.spec_seed,
                             *[f"{earned[s]:g}" if s in earned else "" for s in specs],
                             grade.note])
            folder = results / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "results.json").write_text(json.dumps(to_gradescope(grade), indent=1) + "\n")
    return specs


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, writable_file

    limits = limits_from(args)
    rubric = rubric_from(args)
    spec_seed = spec_seed_from(args)
    if not args.root.is_dir():
        raise UsageError(f"class folder not found: {args.root}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    if not students_of(args.root):
        raise UsageError(f"no student folders in {args.root}")
    writable_file(args.csv, "--csv")  # before the grading, not after it
    from labs.grading.figure import summary_figure  # matplotlib: once the arguments are good
    results = args.csv.resolve().parent / "results"
    results.mkdir(parents=True, exist_ok=True)
    os.chmod(results, 0o700)  # other students' grades are nobody else's business
    start = time.monotonic()
    grades = grade_class(args.root, args.lab, limits, args.jobs, results, select=args.only,
                         rubric=rubric, spec_seed=spec_seed)
    seconds = time.monotonic() - start
    write_outputs(grades, args.csv, results)
    figure = args.csv.with_suffix(".png")
    summary_figure(grades, args.lab, figure)
    graded = [g for g in grades.values() if isinstance(g, Grade)]
    failed = len(grades) - len(graded)
    mean = sum(g.score for g in graded) / len(graded) if graded else 0.0
    print(f"{len(grades)} students graded in {seconds:.1f} s ({args.jobs} at a time); "
          f"mean score {mean:.1f} / {graded[0].max_score:g}" if graded else
          f"{len(grades)} students, none could be graded")
    if failed:
        print(f"{failed} folder(s) could not be graded; see the note column of {args.csv}")
    print(f"grades: {args.csv}; results: {results}/; figure: {figure}")
    return 0
