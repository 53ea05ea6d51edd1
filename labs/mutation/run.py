"""One lab's mutation run: cosmic-ray makes the mutants, the lab's specs judge each one.

The project's files are copied to a scratch folder first and mutated there (cosmic-ray
rewrites a file in place, runs the test command, restores it), so the checkout, and anyone
running its tests meanwhile, never sees a mutant. The specs run in one process on that copy
(``PYTHONPATH`` points at it; no bytecode is written, so no stale ``.pyc`` of a mutant can
outlive it).
"""
from __future__ import annotations

import multiprocessing
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator

from labs.mutation.targets import LABS, OPERATORS, LabTarget

PROJECT_ROOT = Path(__file__).resolve().parents[2]
COPIED = ("labs", "specs", "golden", "conftest.py", "pyproject.toml")  # what a spec run reads
SESSION = "mutation-session.sqlite"


class MissingTool(RuntimeError):
    """cosmic-ray is not installed (it is the ``mutation`` extra)."""


class BaselineFails(RuntimeError):
    """The lab's specs fail on the unmutated copy: no mutant can be judged."""


@dataclass(frozen=True)
class Mutant:
    """One mutant and what the specs made of it."""
    file: str  # relative to the project root
    line: int
    function: str
    operator: str
    occurrence: int  # cosmic-ray's index of this operator's site in the file
    before: str  # the source line(s) as written
    after: str  # the same line(s) in the mutant
    outcome: str  # "killed", "survived" or "incompetent" (the mutant could not be run)

    def key(self) -> tuple[str, str, str, str]:
        """What names a mutant across edits elsewhere in its file (equivalent.toml's key)."""
        return self.file, self.operator, self.before.strip(), self.after.strip()

    def to_dict(self) -> dict:
        return asdict(self)


def _cosmic_ray():
    try:
        from cosmic_ray.commands import init
        from cosmic_ray.mutating import mutate_and_test
        from cosmic_ray.work_db import WorkDB, use_db
        from cosmic_ray.work_item import WorkerOutcome
    except ImportError:
        raise MissingTool("mutation testing needs cosmic-ray: pip install -e \".[mutation]\"") from None
    return init, mutate_and_test, WorkDB, use_db, WorkerOutcome


def spec_command(target: LabTarget) -> str:
    """The command that judges a mutant: the lab's everyday specs, one process, first failure stops."""
    return shlex.join([sys.executable, "-m", "pytest", *spec_files(target), "-x", "-q",
                       "-n", "0", "-p", "no:cacheprovider", "-m", "not gpu and not slow"])


def spec_files(target: LabTarget) -> list[str]:
    """The lab's spec folder, or its files with ``target.first`` ahead of the others (named
    one by one: pytest would collect a folder named after one of its files in the folder's
    own order)."""
    if not target.first:
        return [target.specs]
    others = sorted(str(path.relative_to(PROJECT_ROOT))
                    for path in (PROJECT_ROOT / target.specs).rglob("test_*.py"))
    return [*target.first, *(path for path in others if path not in target.first)]


def copy_project(into: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "golden-failures")
    for name in COPIED:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy2(source, into / name)


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run with ``folder`` as the working directory and the project on PYTHONPATH (what
    cosmic-ray's test command inherits), then restore both."""
    saved_cwd, saved_env = os.getcwd(), dict(os.environ)
    os.chdir(folder)
    os.environ["PYTHONPATH"] = str(folder)
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def diff_lines(diff: str | None) -> tuple[str, str]:
    """The removed and the added lines of a unified diff (each joined by newlines)."""
    removed, added = [], []
    for line in (diff or "").splitlines():
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("-"):
            removed.append(line[1:])
        elif line.startswith("+"):
            added.append(line[1:])
    return "\n".join(removed), "\n".join(added)


PRAGMA = "pragma: no mutate"  # cosmic-ray's own marker, on a line the contract leaves free


def _marked(spec, sources: dict[str, list[str]]) -> bool:
    path = str(spec.module_path)
    if path not in sources:
        sources[path] = Path(path).read_text(encoding="utf-8").splitlines()
    return PRAGMA in sources[path][spec.start_pos[0] - 1]


def site(file: str, operator: str, occurrence: int, line: int) -> tuple[str, str, int, int]:
    """Where a mutant is made, known before it is applied (what ``--rerun`` matches on)."""
    return str(file), operator, int(occurrence), int(line)


def selected(items: list, target: LabTarget, sample: int | None, seed: int,
             only: set[tuple[str, str, int, int]] | None = None) -> list:
    """The work items to run: the targeted functions' mutants of the chosen operators, less
    those on lines marked ``# pragma: no mutate``; with ``sample``, that many of them picked
    by ``seed`` (the same code, the same sample); with ``only``, those at these sites."""
    sources: dict[str, list[str]] = {}
    chosen = [item for item in items
              if item.mutations[0].operator_name in OPERATORS
              and item.mutations[0].definition_name in target.functions.get(
                  str(item.mutations[0].module_path), ())
              and not _marked(item.mutations[0], sources)]
    chosen.sort(key=lambda item: (str(item.mutations[0].module_path), item.mutations[0].start_pos,
                                  item.mutations[0].operator_name, item.mutations[0].occurrence))
    if sample is not None and sample < len(chosen):
        chosen = sorted(random.Random(seed).sample(chosen, sample),
                        key=chosen.index)
    if only is not None:
        chosen = [item for item in chosen if site(item.mutations[0].module_path,
                                                  item.mutations[0].operator_name,
                                                  item.mutations[0].occurrence,
                                                  item.mutations[0].start_pos[0]) in only]
    return chosen


def _judged(item, command: str, timeout: float) -> Mutant:
    """Apply one work item's mutation in the current folder, run the specs, restore."""
    _, mutate_and_test, _, _, WorkerOutcome = _cosmic_ray()
    spec = item.mutations[0]
    result = mutate_and_test(item.mutations, command, timeout)
    before, after = diff_lines(result.diff)
    outcome = ("incompetent" if result.worker_outcome != WorkerOutcome.NORMAL
               or result.test_outcome is None else str(result.test_outcome.value))
    return Mutant(str(spec.module_path), spec.start_pos[0], spec.definition_name,
                  spec.operator_name, spec.occurrence, before, after, outcome)


def _start_worker(folders) -> None:
    """Each worker takes a copy of its own and works inside it (cosmic-ray mutates files in
    place, relative to the working directory)."""
    folder = folders.get()
    os.chdir(folder)
    os.environ.update(PYTHONPATH=folder, PYTHONDONTWRITEBYTECODE="1")


def run_lab(lab: str, sample: int | None = None, seed: int = 0,
            progress: Callable[[int, int, Mutant], None] | None = None,
            only: set[tuple[str, str, int, int]] | None = None, jobs: int = 1) -> list[Mutant]:
    """Mutate ``lab``'s targeted functions and run its specs on each mutant (``only``: the
    mutants at these sites, for example the survivors of an earlier run; ``jobs``: mutants
    judged at once, each process in a copy of its own)."""
    init, _, WorkDB, use_db, _ = _cosmic_ray()
    target = LABS[lab]
    if not (PROJECT_ROOT / target.specs).is_dir():
        raise MissingTool(f"mutation testing needs the project's checkout: no {target.specs} "
                          f"under {PROJECT_ROOT}")
    command = spec_command(target)
    with tempfile.TemporaryDirectory(prefix=f"labs-mutation-{lab}-") as scratch:
        copies = [Path(scratch) / str(job) for job in range(max(1, jobs))]
        for folder in copies:
            copy_project(folder)
        with inside(copies[0]):
            baseline = subprocess.run(shlex.split(command), capture_output=True, text=True,
                                      timeout=target.timeout)
            if baseline.returncode != 0:
                raise BaselineFails(f"the {lab} specs fail on the unmutated reference "
                                    f"(exit {baseline.returncode}); fix that first:\n"
                                    + baseline.stdout[-2000:])
            with use_db(SESSION, WorkDB.Mode.create) as db:
                init(list(target.functions), db, {})
                items = selected(list(db.work_items), target, sample, seed, only)
            if jobs <= 1:
                judged = (_judged(item, command, target.timeout) for item in items)
                return _collected(judged, len(items), progress)
        context = multiprocessing.get_context("spawn")
        with context.Manager() as manager:
            folders = manager.Queue()
            for folder in copies:
                folders.put(str(folder))
            with ProcessPoolExecutor(jobs, context, _start_worker, (folders,)) as pool:
                futures = [pool.submit(_judged, item, command, target.timeout) for item in items]
                return _collected((f.result() for f in futures), len(items), progress)


def _collected(judged, total: int, progress: Callable[[int, int, Mutant], None] | None
               ) -> list[Mutant]:
    mutants = []
    for index, mutant in enumerate(judged, start=1):
        mutants.append(mutant)
        if progress is not None:
            progress(index, total, mutant)
    return mutants


def timed_run(lab: str, sample: int | None, seed: int,
              progress: Callable[[int, int, Mutant], None] | None = None,
              only: set[tuple[str, str, int, int]] | None = None,
              jobs: int = 1) -> tuple[list[Mutant], float]:
    start = time.perf_counter()
    mutants = run_lab(lab, sample, seed, progress, only, jobs)
    return mutants, time.perf_counter() - start
