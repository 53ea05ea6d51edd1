"""Run a lab's specs on a folder in a separate pytest process: the one safe way to hand a
student's folder to pytest, and the outcome of each spec read back.

The folder is staged first (``labs.suite.staging``: plain files only, into a private folder
outside the project), then given as ONE argument ``--submission=DIR`` with the suite's
plugin loaded up front (``-p labs.suite.plugin``) and the project's own rootdir and
configuration file named: pytest never takes the folder for a test path, so it never
discovers, imports or reads a conftest.py, pytest.ini or test file of the student's.
The grader (``labs.grading.run``) builds its command from ``pytest_command``; the tests of
the example student folders read pytest's own JUnit XML report, into
``{spec name: "passed" | "failed" | "skipped"}``.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from labs.suite.staging import Staged, stage

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def pytest_command(targets: list[str], staged: Path, *extra: str) -> list[str]:
    """``python -m pytest TARGETS`` on an already staged folder, with the safe form above."""
    return [sys.executable, "-m", "pytest", *map(str, targets), "-p", "labs.suite.plugin",
            f"--submission={staged}", f"--rootdir={PROJECT_ROOT}",
            "-c", str(PROJECT_ROOT / "pyproject.toml"), "-p", "no:cacheprovider", *extra]


def kill_run(process: subprocess.Popen) -> int:
    """Kill a pytest run started in its own session, and its children; its exit code."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return process.wait()


def start_spec_run(targets: list[str], folder: Path, report: Path) -> tuple[subprocess.Popen, Staged]:
    """Stage ``folder`` next to ``report`` and start ``pytest TARGETS`` on the copy, writing
    its JUnit XML to ``report``; the caller waits (and removes the staged copy)."""
    staged = stage(folder, Path(tempfile.mkdtemp(prefix="staged-", dir=report.parent)) / "submission")
    process = subprocess.Popen(
        pytest_command(targets, staged.folder, "-q", f"--junitxml={report}"),
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    return process, staged


def read_outcomes(report: Path) -> dict[str, str]:
    outcomes = {}
    for case in ElementTree.parse(report).iter("testcase"):
        kinds = {child.tag for child in case}
        outcomes[case.get("name")] = "failed" if kinds & {"failure", "error"} else (
            "skipped" if "skipped" in kinds else "passed")
    return outcomes


def run_specs(targets: list[str], folder: Path, timeout: float | None = None) -> dict[str, str]:
    """Outcome of every spec of ``targets`` (files, folders, node ids) run on ``folder``;
    the run and its temporary files are gone when this returns, however it returns.
    ``timeout``: none by default (each call into the folder has its own limits)."""
    scratch = Path(tempfile.mkdtemp(prefix="spec-run-"))
    try:
        process, _ = start_spec_run(targets, folder, scratch / "report.xml")
        try:
            process.wait(timeout=timeout)
        finally:
            kill_run(process)  # its sandboxed children go with its session
        return read_outcomes(scratch / "report.xml")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
