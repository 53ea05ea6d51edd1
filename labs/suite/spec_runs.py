"""Run a lab's specs on a folder in a separate pytest process and read back each outcome.

What the tests of the example student folders use (the grader has its own, richer plugin,
``labs.grading.outcomes``): pytest's own JUnit XML report, read into
``{spec name: "passed" | "failed" | "skipped"}``.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def start_spec_run(targets: list[str], folder: Path, report: Path) -> subprocess.Popen:
    """Start ``pytest TARGETS --submission FOLDER``, writing its JUnit XML to ``report``."""
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", *map(str, targets), "-q", "-p", "no:cacheprovider",
         "--submission", str(folder), f"--junitxml={report}"],
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_outcomes(report: Path) -> dict[str, str]:
    outcomes = {}
    for case in ElementTree.parse(report).iter("testcase"):
        kinds = {child.tag for child in case}
        outcomes[case.get("name")] = "failed" if kinds & {"failure", "error"} else (
            "skipped" if "skipped" in kinds else "passed")
    return outcomes


def run_specs(targets: list[str], folder: Path, timeout: float = 300) -> dict[str, str]:
    """Outcome of every spec of ``targets`` (files, folders, node ids) run on ``folder``."""
    report = Path(tempfile.mkdtemp(prefix="spec-run-")) / "report.xml"
    start_spec_run(targets, folder, report).wait(timeout=timeout)
    return read_outcomes(report)
