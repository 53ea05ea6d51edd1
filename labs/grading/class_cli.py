"""``python -m labs grade-class ROOT --lab td1 --csv grades.csv [--jobs N | --scheduler ADDRESS]``.

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
import sys
import time
from concurrent.futures import Future, as_completed
from pathlib import Path

from labs.grading.cli import add_grading_options, limits_from, spec_seed_from
from labs.grading.executors import DaskPool, LocalPool, connect, grade_task
from labs.grading.grade import Grade, to_gradescope
from labs.grading.journal import Journal, folder_fingerprint, settings_key
from labs.grading.outputs import csv_safe, private_folder, write_private
from labs.grading.plain import NotAGrade, from_text
from labs.grading.points import POINTS, Rubric
from labs.grading.rubric import rubric_from
from labs.sandbox import untrusted
from labs.sandbox.limits import Limits


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("grade-class", help="grade every student folder of ROOT")
    parser.add_argument("root", type=Path, metavar="ROOT", help="one sub-folder per student")
    add_grading_options(parser)
    parser.add_argument("--csv", type=Path, default=Path("grades.csv"), metavar="FILE",
                        help="the class's grades (default: grades.csv); results/ and the "
                             "summary figure go next to it")
    parser.add_argument("--jobs", type=int, default=None,
                        metavar="N", help="students graded at once on this machine (default: "
                                          "the number of cores; not with --scheduler)")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="grade on the Dask cluster of this scheduler (tcp://host:8786; "
                             'needs pip install -e ".[cluster]"), each student on a worker')
    parser.add_argument("--resume", action="store_true",
                        help="keep the grades already in results/ for the same settings and "
                             "the same files; grade only the other students")
    parser.add_argument("--allow-mixed-sandbox", action="store_true",
                        help="accept gradings under different sandbox levels in one class "
                             "(default: refused; each row says its level)")
    parser.add_argument("--similarity", action="store_true",
                        help="also write similarity.csv and similarity.png: near-identical "
                             'code between students and against the reference (needs pip '
                             'install -e ".[similarity]")')
    parser.set_defaults(func=run)


def students_of(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def grade_class(root: Path, lab: str, limits: Limits, jobs: int, results: Path,
                progress: bool = True, select: str | None = None,
                rubric: Rubric = POINTS, spec_seed: int | None = None,
                pool: LocalPool | DaskPool | None = None, resume: bool = False,
                one_sandbox: bool = False,
                earlier_outputs: tuple[Path, ...] = ()) -> dict[str, Grade | str]:
    """Each student's Grade, or the reason the grader could not grade them; a student's
    failure images go to ``results/<student>/failures/``. ``spec_seed``: one offset for
    every student (default: each grading draws its own secret one). ``pool``: where the
    gradings run (default: ``jobs`` threads here). Every grade is kept in the results
    folder's journal as it comes back; ``resume``: take the journal's grades of the same
    settings and files instead of grading again (``labs.grading.journal``).
    ``one_sandbox``: a grading under another sandbox level than the class's (the workers'
    one level, else the first grading's) is refused, not kept. ``earlier_outputs``: files of
    an earlier grading (its CSV and figure), hidden from every child."""
    from tqdm import tqdm

    folders = students_of(root)
    pool = pool or LocalPool(jobs)
    journal = Journal(results, settings_key(lab, limits, select, rubric, spec_seed))
    levels = pool.sandbox_levels() if one_sandbox else {}
    if len(set(levels.values())) > 1:
        pool.close()
        raise MixedSandbox("the workers run under different sandbox levels ("
                           + ", ".join(f"{where}: {level}" for where, level in levels.items())
                           + "); run them alike (docs/grading.md) or pass "
                             "--allow-mixed-sandbox")
    rule = _SandboxRule(one_sandbox, next(iter(levels.values()), None))
    fingerprints = {folder.name: folder_fingerprint(folder) for folder in folders}
    grades: dict[str, Grade | str] = {}
    for folder in folders if resume else ():
        kept = journal.graded(folder, fingerprints[folder.name])
        if kept is not None and rule.refusal(kept) is None:
            grades[folder.name] = kept
    # the grades (this run's and an earlier one's), and the other students' originals
    hide = [str(p) for p in (results, root.resolve(), *earlier_outputs) if p.exists()]
    futures = {pool.executor.submit(grade_task, str(folder.absolute()), lab, limits, hide, select,
                                    rubric, str(results / folder.name / "failures"), spec_seed):
               folder for folder in folders if folder.name not in grades}
    if resume and progress:
        print(f"resuming: {len(grades)} of {len(folders)} students already graded in "
              f"{results} with these settings and files; grading {len(futures)}")
    try:
        with tqdm(total=len(folders), initial=len(grades), unit="student",
                  disable=not progress) as bar:
            for future in as_completed(futures):
                folder = futures[future]
                grades[folder.name] = _received(future, rule)
                if isinstance(grades[folder.name], Grade):
                    journal.record(folder, grades[folder.name], fingerprints[folder.name])
                bar.set_postfix_str(folder.name[:20])
                bar.update()
    except BaseException as error:  # Ctrl-C: cancel what has not started, kill what has
        for future in futures:
            future.cancel()
        pool.stop()
        if isinstance(error, KeyboardInterrupt):
            kept = sum(isinstance(g, Grade) for g in grades.values())
            print(f"{kept} of {len(folders)} students' grades are kept in {results}; the same "
                  "command with --resume grades the others", file=sys.stderr)
        raise
    finally:
        pool.close()
    return dict(sorted(grades.items()))


class MixedSandbox(RuntimeError):
    """The pool's workers are under different sandbox levels, and the class may not mix."""


class _SandboxRule:
    """With ``one_sandbox``: every grade of a class under one sandbox level."""

    def __init__(self, one_sandbox: bool, level: str | None) -> None:
        self.one_sandbox = one_sandbox
        self.level = level

    def refusal(self, grade: Grade) -> str | None:
        """Why ``grade`` is not kept, or None (the first grade sets the level if unset)."""
        if not self.one_sandbox:
            return None
        self.level = self.level or grade.sandbox
        if grade.sandbox == self.level:
            return None
        return (f"not kept: graded under sandbox level {grade.sandbox!r} "
                f"({grade.record.get('worker') or grade.record.get('host')}), the class under "
                f"{self.level!r}; run every worker alike (docs/grading.md) or pass "
                "--allow-mixed-sandbox")


def _received(future: Future, rule: _SandboxRule) -> Grade | str:
    """A finished grading's Grade, or why there is none."""
    try:
        grade = from_text(future.result())
    except NotAGrade as error:
        return f"the grader could not grade this folder: its result was refused ({error})"
    except Exception as error:  # noqa: BLE001 - one student's failure never stops the batch
        return f"the grader could not grade this folder: {error}"
    return rule.refusal(grade) or grade


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
    writer.writerow(["student", "score", "max_score", "spec_seed", "sandbox", *specs, "note"])
    for name, grade in grades.items():
        student = csv_safe(untrusted.name(name))
        if isinstance(grade, str):
            writer.writerow([student, "", "", "", "", *[""] * len(specs), csv_safe(grade)])
            continue
        note = grade.note
        try:
            folder = private_folder(results / name)
            write_private(folder / "results.json", json.dumps(to_gradescope(grade), indent=1) + "\n")
        except OSError as error:
            note = f"{note}; results.json not written: {error}".lstrip("; ")
        earned = {s.spec: s.score for s in grade.specs}
        writer.writerow([student, f"{grade.score:g}", f"{grade.max_score:g}", grade.spec_seed,
                         csv_safe(grade.sandbox),
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
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    if args.jobs is not None and args.scheduler:
        raise UsageError("--jobs is for this machine; with --scheduler each Dask worker's "
                         "threads decide how many students are graded at once")
    if not students_of(args.root):
        raise UsageError(f"no student folders in {args.root}")
    writable_file(args.csv, "--csv")  # before the grading, not after it
    results = args.csv.resolve().parent / "results"
    figure = args.csv.with_suffix(".png")
    inside = [p for p in (args.csv, results) if p.resolve().is_relative_to(args.root.resolve())]
    if inside:  # it would be graded as a student, and written where students put links
        raise UsageError(f"the grades would be written inside the class folder {args.root} "
                         f"({inside[0]}): give a --csv outside it")
    if args.similarity:
        from labs.grading.similarity import require_copydetect
        require_copydetect()
    pool = DaskPool(connect(args.scheduler)) if args.scheduler else \
        LocalPool(args.jobs or os.cpu_count() or 1)
    from labs.grading.figure import summary_figure  # matplotlib: once the arguments are good
    private_folder(results)  # other students' grades are nobody else's business
    start = time.monotonic()
    try:
        grades = grade_class(args.root, args.lab, limits, pool.workers, results, select=args.only,
                             rubric=rubric, spec_seed=spec_seed, pool=pool, resume=args.resume,
                             one_sandbox=not args.allow_mixed_sandbox,
                             earlier_outputs=(args.csv.resolve(), figure.resolve()))
    except MixedSandbox as error:
        raise UsageError(str(error)) from None
    seconds = time.monotonic() - start
    write_outputs(grades, args.csv, results)
    summary_figure(grades, args.lab, figure)
    graded = [g for g in grades.values() if isinstance(g, Grade)]
    failed = len(grades) - len(graded)
    mean = sum(g.score for g in graded) / len(graded) if graded else 0.0
    print(f"{len(grades)} students graded in {seconds:.1f} s ({pool.where}); "
          f"mean score {mean:.1f} / {graded[0].max_score:g}" if graded else
          f"{len(grades)} students, none could be graded")
    levels = sorted({g.sandbox for g in graded})
    print(f"sandbox: {', '.join(levels) or 'none graded'}"
          + (" (mixed: allowed by --allow-mixed-sandbox)" if len(levels) > 1 else ""))
    if failed:
        print(f"{failed} folder(s) could not be graded; see the note column of {args.csv}")
    print(f"grades: {args.csv}; results: {results}/; figure: {figure}")
    if args.similarity:
        from labs.grading.similarity import class_similarity
        table = args.csv.with_name("similarity.csv")
        flagged = class_similarity(students_of(args.root), args.lab, table)
        print(f"similarity: {len(flagged)} pair(s) flagged; {table}, "
              f"{table.with_suffix('.png')}")
    return 0
