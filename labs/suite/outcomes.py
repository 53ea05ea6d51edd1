"""A pytest plugin that records each spec's outcome and its reason in words, as JSON.

Loaded with ``-p labs.suite.outcomes --spec-outcomes FILE`` in every pytest subprocess that
runs specs on a folder (``labs.suite.spec_runs``: the grader's runs and the tests' runs of
the example folders alike). The file is rewritten after every spec, so that a run killed
half-way still tells which specs finished.
"""
from __future__ import annotations

import json
import os
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
    in memory only, for the grade at the end of a ``--submission`` run)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.collected: list[str] = []
        self.results: dict[str, dict[str, Any]] = {}  # specs that finished, all phases
        self.running: dict[str, dict[str, Any]] = {}
        self.notes: list[str] = []  # what loading the submission left out (a notebook's cells)

    def write(self) -> None:
        if self.path is None:
            return
        temporary = self.path.with_suffix(".partial")
        temporary.write_text(json.dumps({"collected": self.collected, "results": self.results,
                                         "notes": self.notes}))
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
    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        if nodeid in self.running:
            self.results[nodeid] = self.running.pop(nodeid)
        self.write()


RECORDER = "labs-spec-outcomes"


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("--spec-outcomes")
    if path:
        config.pluginmanager.register(Recorder(Path(path)), RECORDER)
