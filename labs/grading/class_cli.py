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
import io
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from labs.grading.cli import add_grading_options, limits_from, spec_seed_from
from labs.grading.grade import Grade, grade_folder, to_gradescope
from labs.grading.outputs import csv_safe, private_folder, write_private
from labs.grading.points import POINTS, Rubric
from labs.grading.rubric import rubric_from
from labs.grading.run import stop_all
from labs.sandbox import untrusted
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
                rubric: Rubric = POINTS, spec_seed: int | None = None,
                earlier_outputs: tuple[Path, ...] = ()) -> dict[str, Grade | str]:
    """Each student's Grade, or the reason the grader could not grade them; a student's
    failure images go to ``results/<student>/failures/``. ``spec_seed``: one offset for
    every student (default: each grading draws its own secret one); ``earlier_outputs``:
    files of an earlier grading (its CSV and figure), hidden from every child."""
    from tqdm import tqdm

    folders = students_of(root)
    grades: dict[str, Grade | str] = {}
    pool = ThreadPoolExecutor(max_workers=jobs)
    # the grades (this run's and an earlier one's), and the other students' originals
    hide = [results, root.resolve(), *[p for p in earlier_outputs if p.exists()]]
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
    """The CSV and every results.json (private files, never written through a link; a
    student's name and note CSV-safe); returns the spec columns. One student's results
    that cannot be written are said in their row, never the end of the class's output."""
    specs: list[str] = []
    for grade in grades.values():
        if isinstance(grade, Grade):
            specs += [s.spec for s in grade.specs if s.spec not in specs]
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["student", "score", "max_score", "spec_seed", *specs, "note"])
    for name, grade in grades.items():
        student = csv_safe(untrusted.name(name))
        if isinstance(grade, str):
            writer.writerow([student, "", "", "", *[""] * len(specs), csv_safe(grade)])
            continue
        note = grade.note
        try:
            folder = private_folder(results / name)
            write_private(folder / "results.json", json.dumps(to_gradescope(grade), indent=1) + "\n")
        except OSError as error:
            note = f"{note}; results.json not written: {error}".lstrip("; ")
        earned = {s.spec: s.score for s in grade.specs}
        writer.writerow([student, f"{grade.score:g}", f"{grade.max_score:g}", grade.spec_seed,
                         *[f"{earned[s]:g}" if s in earned else "" for s in specs],
                         csv_safe(note)])
    write_private(csv_path, table.getvalue())
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
    results = args.csv.resolve().parent / "results"
    figure = args.csv.with_suffix(".png")
    inside = [p for p in (args.csv, results) if p.resolve().is_relative_to(args.root.resolve())]
    if inside:  # it would be graded as a student, and written where students put links
        raise UsageError(f"the grades would be written inside the class folder {args.root} "
                         f"({inside[0]}): give a --csv outside it")
    from labs.grading.figure import summary_figure  # matplotlib: once the arguments are good
    private_folder(results)  # other students' grades are nobody else's business
    start = time.monotonic()
    grades = grade_class(args.root, args.lab, limits, args.jobs, results, select=args.only,
                         rubric=rubric, spec_seed=spec_seed,
                         earlier_outputs=(args.csv.resolve(), figure.resolve()))
    seconds = time.monotonic() - start
    write_outputs(grades, args.csv, results)
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
