"""A pytest plugin that records each spec's outcome and its reason in words, as JSON.

Loaded with ``-p labs.suite.outcomes --spec-outcomes FILE`` in every pytest subprocess that
runs specs on a folder (``labs.suite.spec_runs``: the grader's runs and the tests' runs of
the example folders alike). The file is rewritten after every spec, so that a run killed
half-way still tells which specs finished. With ``--spec-usage`` (the grader's runs) it
also records each spec's CPU time and the peak memory of the run's child processes
(``labs.suite.usage``). A run the grader started (``LABS_GRADER_PID`` set) ends when the
grader's process dies, even by SIGKILL (a Dask worker lost in the middle of a grading):
Linux's parent-death signal, as for the student's child.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

# specs that need what a machine may lack (a CUDA device, NVIDIA's StyleGAN3 checkout): a
# skip for that is "not graded on this machine", never "not provided" by the student
MACHINE_MARKERS = ("gpu", "needs_stylegan3")

MESSAGE_CHARS = 2000


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--spec-outcomes", metavar="FILE", default=None,
                     help="write each spec's outcome and reason to FILE (JSON), for the grader "
                          "and the runs of labs.suite.spec_runs")
    parser.addoption("--spec-usage", action="store_true",
                     help="with --spec-outcomes: also record each spec's CPU time and the peak "
                          "memory of the student's processes (labs.suite.usage)")


def explain(excinfo: pytest.ExceptionInfo) -> str:
    """The reason a spec failed or was skipped, without pytest's introspection dump."""
    from labs.suite.submission import SubmissionError

    error = excinfo.value
    if isinstance(error, (pytest.skip.Exception, pytest.fail.Exception)):
        text = str(error.msg)
    elif isinstance(error, AssertionError):
        text = str(error)
        if "\nassert " in text:  # pytest appends its rewritten comparison to our message
            text = text.split("\nassert ", 1)[0]
    elif isinstance(error, SubmissionError):
        text = f"calling the submission failed: {error}"
    else:
        text = f"the spec could not check the result ({type(error).__name__}: {error})"
    text = text.strip()
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + " [...]"


def _doc(item: pytest.Item) -> str:
    function = getattr(item, "function", None)
    doc = (getattr(function, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else ""


class Recorder:
    """Each spec's outcome and reason; written to ``path`` after every spec (``None``: kept
    in memory only, for the grade at the end of a ``--submission`` run); ``usage``: each
    spec's CPU time and the run's peak memory too."""

    def __init__(self, path: Path | None, usage: bool = False) -> None:
        self.path = path
        self.clock = None
        if usage:
            from labs.suite.usage import SpecClock, TreeUsage
            self.clock = SpecClock(TreeUsage())
        self.collected: list[str] = []
        self.results: dict[str, dict[str, Any]] = {}  # specs that finished, all phases
        self.running: dict[str, dict[str, Any]] = {}
        self.notes: list[str] = []  # what loading the submission left out (a notebook's cells)

    def write(self) -> None:
        if self.path is None:
            return
        temporary = self.path.with_suffix(".partial")
        record = {"collected": self.collected, "results": self.results, "notes": self.notes}
        if self.clock is not None:
            record["peak_memory_kb"] = self.clock.usage.peak_kb
        temporary.write_text(json.dumps(record))
        os.replace(temporary, self.path)  # atomic: a reader never sees half a file

    @pytest.hookimpl
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.collected = [item.nodeid for item in session.items]
        self.write()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        outcome = yield
        report = outcome.get_result()
        submission = getattr(item, "funcargs", {}).get("submission")
        self.notes += [n for n in getattr(submission, "notes", ()) if n not in self.notes]
        entry = self.running.setdefault(item.nodeid, {
            "outcome": "passed", "message": "", "duration": 0.0, "doc": _doc(item),
            "machine": any(item.get_closest_marker(m) for m in MACHINE_MARKERS)})
        entry["duration"] += call.duration
        if report.outcome == "passed" or entry["outcome"] == "failed":
            return
        entry["outcome"] = report.outcome  # "failed" or "skipped"
        if call.excinfo is not None:
            entry["message"] = explain(call.excinfo)
        elif report.outcome == "skipped" and isinstance(report.longrepr, tuple):
            entry["message"] = str(report.longrepr[2]).removeprefix("Skipped: ")
        if report.when == "teardown" and report.outcome == "failed":
            entry["message"] = "failed while cleaning up after the spec: " + entry["message"]

    @pytest.hookimpl
    def pytest_runtest_logstart(self, nodeid: str) -> None:
        if self.clock is not None:
            self.clock.start(nodeid)

    @pytest.hookimpl
    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        cpu = self.clock.seconds(nodeid) if self.clock is not None else None
        if nodeid in self.running:
            self.results[nodeid] = self.running.pop(nodeid)
            if cpu is not None:
                self.results[nodeid]["cpu"] = cpu
        self.write()

    @pytest.hookimpl
    def pytest_sessionfinish(self) -> None:
        if self.clock is not None:
            self.clock.usage.stop()


def _die_with_grader(grader: str) -> None:
    """SIGKILL this pytest when the grading process ``grader`` (its parent) dies."""
    if not sys.platform.startswith("linux"):
        return
    from labs.sandbox.jail import die_with_parent

    die_with_parent()
    if str(os.getppid()) != grader:  # it died before the signal was asked for
        os._exit(1)


RECORDER = "labs-spec-outcomes"


def pytest_configure(config: pytest.Config) -> None:
    grader = os.environ.pop("LABS_GRADER_PID", "")  # for this process, not those it starts
    if grader:
        _die_with_grader(grader)
    path = config.getoption("--spec-outcomes")
    if path:
        config.pluginmanager.register(Recorder(Path(path), config.getoption("--spec-usage")),
                                      RECORDER)
