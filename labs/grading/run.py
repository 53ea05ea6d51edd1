"""Run one lab's specs on one folder in a pytest subprocess; return what each spec said.

The folder is staged first (plain files only, into a private folder outside the project:
``labs.sandbox.staging``), and pytest gets the copy as one ``--submission=DIR`` argument
(``labs.suite.spec_runs``, the one way specs run on a folder): nothing of the student's is
ever discovered, imported or read as configuration by pytest. The subprocess is trusted
code (the specs and the suite); it isolates the grader from a pytest run that hangs or dies
all the same: it gets a wall-clock limit of its own, above the submission's total budget,
and what finished before a kill still counts.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from labs.dataclass_options import as_arguments
from labs.sandbox import isolation as sandbox, untrusted
from labs.sandbox.jail import extra_hidden, hide_list
from labs.sandbox.limits import Limits
from labs.sandbox.staging import stage
from labs.suite.spec_runs import kill_run, recorded, start_spec_run

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SPECS_ROOT = PROJECT_ROOT / "specs"
# seconds granted on top of the budget for pytest and trusted work: generous, since a crowded
# machine can take minutes to start pytest and the specs' libraries (it only ends a hung run)
STARTUP_MARGIN = 600.0
MESSAGE_CHARS = 8000  # one spec's message, the student's output tail included
MAX_LEFT_OUT = 20


class GraderError(RuntimeError):
    """The grader itself could not run (not the student's fault)."""


def available_labs() -> list[str]:
    """Labs whose specs folder exists, and their parts with specs of their own: ``td1``,
    ``td2``, ``td2/gan``, ``td2/stylegan`` ... (a TD 2 StyleGAN folder is graded on
    ``td2/stylegan``, having nothing of the GAN part)."""
    if not SPECS_ROOT.is_dir():
        return []
    labs = []
    for folder in sorted(p for p in SPECS_ROOT.glob("*") if p.is_dir()):
        parts = sorted(p for p in folder.glob("*") if p.is_dir() and any(p.rglob("test_*.py")))
        if any(folder.rglob("test_*.py")):
            labs.append(folder.name)
            labs += [f"{folder.name}/{part.name}" for part in parts]
    return labs


@dataclass
class SpecOutcome:
    spec: str  # id relative to specs/<lab>/, e.g. "test_xor.py::test_xor_error_stays_high"
    outcome: str  # "passed", "failed" or "skipped"
    message: str = ""
    doc: str = ""
    machine: bool = False  # needs what this machine may lack (gpu, a checkout)
    duration: float = 0.0
    cpu: float = 0.0  # seconds, the student's processes included (labs.suite.usage)


@dataclass
class SpecRun:
    outcomes: list[SpecOutcome] = field(default_factory=list)
    seconds: float = 0.0
    stopped: str = ""  # why the run was cut short, if it was
    left_out: list[str] = field(default_factory=list)  # staging: "name: reason"
    notes: list[str] = field(default_factory=list)  # what loading the folder left out
    peak_memory_mb: float = 0.0  # the largest of the run's child processes (resident)


def _relative(nodeid: str, lab: str) -> str:
    return nodeid.removeprefix(f"specs/{lab}/")


def spec_arguments(lab: str, limits: Limits, select: str | None = None,
                   failures: Path | None = None, spec_seed: int = 0) -> list[str]:
    """What the grader adds to ``spec_runs.pytest_command`` for one lab's specs."""
    return ["-q", "--no-header", "-o", "addopts=", f"--spec-seed={spec_seed}", "--spec-usage",
            "--tb=no",  # the outcomes plugin keeps the reasons; formatting tracebacks is slow
            *as_arguments(limits), *(["-k", select] if select else []),
            *([f"--golden-failures={failures}"] if failures else [])]  # the student's own images


_RUNNING: set[subprocess.Popen] = set()  # pytest runs in flight, for stop_all


def _kill(process: subprocess.Popen) -> int:
    """Kill a pytest run, its workers and whatever its jail user left; its exit code."""
    code = kill_run(process)
    sandbox.kill_leftovers(sandbox.command_prefix(), grader_pid=process.pid)
    return code


def stop_all() -> None:
    """Kill every pytest run in flight (grade-class on Ctrl-C: the threads wait on them)."""
    for process in list(_RUNNING):
        _kill(process)


def run_specs(folder: Path, lab: str, limits: Limits, hide: list[Path] = (),
              select: str | None = None, failures: Path | None = None,
              spec_seed: int = 0) -> SpecRun:
    """Every spec of ``lab`` on ``folder`` (or those matching the pytest ``-k`` expression
    ``select``), every seed offset by ``spec_seed``; specs that never finished are reported
    failed. ``failures``: the folder for this student's failure images (default: the
    project's ``golden-failures/``)."""
    if lab not in available_labs():
        raise GraderError(f"unknown lab {lab!r}; labs with specs: {', '.join(available_labs())}")
    folder = Path(folder).resolve()
    limit = limits.total_budget + STARTUP_MARGIN
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    try:  # a list, never joined by ':' (a class folder may be called td1:groupA)
        hidden = hide_list([str(p) for p in hide] + extra_hidden(env))
    except (ValueError, OSError) as error:
        raise GraderError(str(error)) from None
    env["LABS_SANDBOX_HIDE"] = json.dumps(hidden)
    env["LABS_GRADER_PID"] = str(os.getpid())  # the run ends if this process is killed
    with tempfile.TemporaryDirectory(prefix="grading-") as scratch:
        staged = stage(folder, Path(scratch) / "staged" / "submission")
        path = Path(scratch) / "outcomes.json"
        log = Path(scratch) / "pytest.log"
        start = time.monotonic()
        with open(log, "wb") as output:
            process = start_spec_run([f"specs/{lab}"], staged.folder, path,
                                     *spec_arguments(lab, limits, select, failures, spec_seed),
                                     env=env, output=output)
            _RUNNING.add(process)
            try:
                code = process.wait(timeout=limit)
                stopped = ""
            except subprocess.TimeoutExpired:
                code = _kill(process)
                stopped = (f"not finished: the grader stopped the run of the specs after "
                           f"{limit:g} s (the submission's budget plus {STARTUP_MARGIN:g} s)")
            except BaseException:  # Ctrl-C (KeyboardInterrupt) included: leave nothing running
                _kill(process)
                raise
            finally:
                _RUNNING.discard(process)
        seconds = time.monotonic() - start
        record = recorded(path)
        if record is None or not record["collected"]:
            tail = log.read_text(errors="replace")[-3000:]
            raise GraderError(f"pytest could not run specs/{lab} (exit code {code}):\n{tail}")
    if code not in (0, 1) and not stopped:  # 2 interrupted, 3 internal error, 4 usage error
        stopped = f"not finished: pytest ended with exit code {code} before this spec"
    # the run's record carries the student's text (already quoted by the sandbox): bounded
    # and cleaned again here, where it enters the grade
    run = SpecRun(seconds=seconds, stopped=stopped, left_out=staged.left_out[:MAX_LEFT_OUT],
                  notes=[untrusted.text(n)
                         for n in record.get("notes", [])[:untrusted.MAX_NOTES]],
                  peak_memory_mb=float(record.get("peak_memory_kb", 0)) / 1024)
    for nodeid in record["collected"]:
        result = record["results"].get(nodeid)
        if result is None:
            run.outcomes.append(SpecOutcome(_relative(nodeid, lab), "failed", stopped or
                                            "not run (the specs' run ended before it)"))
        else:
            run.outcomes.append(SpecOutcome(_relative(nodeid, lab), result["outcome"],
                                            untrusted.text(result["message"], MESSAGE_CHARS),
                                            result["doc"], result["machine"], result["duration"],
                                            float(result.get("cpu", 0.0))))
    return run
