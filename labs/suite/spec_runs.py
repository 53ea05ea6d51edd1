"""Run a lab's specs on a folder in a separate pytest process: the one safe way to hand a
student's folder to pytest, and the outcome of each spec read back.

The folder is staged first (``labs.sandbox.staging``: plain files only, into a private folder
outside the project), then given as ONE argument ``--submission=DIR`` with the suite's
plugin loaded up front (``-p labs.suite.plugin``) and the project's own rootdir and
configuration file named: pytest never takes the folder for a test path, so it never
discovers, imports or reads a conftest.py, pytest.ini or test file of the student's.
Every run records each spec's outcome with ``labs.suite.outcomes`` (rewritten after every
spec, so a run killed half-way still says what finished): the grader (``labs.grading.run``)
reads the reasons too, the tests of the example student folders only
``{spec name: "passed" | "failed" | "skipped"}`` (``run_specs``).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from labs.sandbox.staging import stage

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def pytest_command(targets: list[str], staged: Path, outcomes: Path, *extra: str) -> list[str]:
    """``python -m pytest TARGETS`` on an already staged folder, with the safe form above,
    recording each spec's outcome in ``outcomes`` (``labs.suite.outcomes``)."""
    # no cache, benchmarks, workers or anyio: a spec run of one folder needs none of them, and
    # they cost about 0.35 s of CPU a run (pytest-benchmark runs git six times at start-up,
    # anyio's plugin 0.25 s; the project's addopts also turn anyio off, but the grader
    # replaces addopts)
    return [sys.executable, "-m", "pytest", *map(str, targets), "-p", "labs.suite.plugin",
            f"--submission={staged}", f"--rootdir={PROJECT_ROOT}",
            "-c", str(PROJECT_ROOT / "pyproject.toml"), "-p", "no:cacheprovider",
            "-p", "no:benchmark", "-p", "no:xdist", "-p", "no:anyio",
            "-p", "labs.suite.outcomes", f"--spec-outcomes={outcomes}", *extra]


def start_spec_run(targets: list[str], staged: Path, outcomes: Path, *extra: str,
                   env: dict[str, str] | None = None,
                   output: Any = subprocess.DEVNULL) -> subprocess.Popen:
    """Start ``pytest_command`` in a session of its own (``kill_run`` ends it and its
    children); the caller waits, and kills it on every path."""
    return subprocess.Popen(pytest_command(targets, staged, outcomes, *extra), cwd=PROJECT_ROOT,
                            env=env, stdin=subprocess.DEVNULL, stdout=output,
                            stderr=subprocess.STDOUT, start_new_session=True)


def kill_run(process: subprocess.Popen) -> int:
    """Kill a pytest run started in its own session, and its children; its exit code."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return process.wait()


def recorded(outcomes: Path) -> dict[str, Any] | None:
    """What ``labs.suite.outcomes`` wrote: ``collected`` node ids, ``results`` per node id
    (outcome, message, doc, machine, duration) and ``notes``; None if it wrote nothing."""
    return json.loads(outcomes.read_text()) if outcomes.exists() else None


def run_specs(targets: list[str], folder: Path, timeout: float | None = None) -> dict[str, str]:
    """Outcome of every spec of ``targets`` (files, folders, node ids) run on ``folder``:
    ``{"test_name[params]": "passed" | "failed" | "skipped"}``. The run and its temporary
    files are gone when this returns, however it returns. ``timeout``: none by default
    (each call into the folder has its own limits)."""
    scratch = Path(tempfile.mkdtemp(prefix="spec-run-"))
    try:
        staged = stage(folder, scratch / "staged" / "submission")
        process = start_spec_run(targets, staged.folder, scratch / "outcomes.json", "-q")
        try:
            process.wait(timeout=timeout)
        finally:
            kill_run(process)  # its sandboxed children go with its session
        record = recorded(scratch / "outcomes.json") or {"results": {}}
        return {nodeid.rsplit("::", 1)[-1]: result["outcome"]
                for nodeid, result in record["results"].items()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
