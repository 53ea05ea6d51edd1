"""The code under test: the reference package, or a student's folder in a child process.

Specs ask ``submission.contract("labs.perceptron.contract").call(probe_train, ...)`` (through
the lab's client) and get plain data back, whichever it is. Results are cached per call
(every probe is deterministic given its arguments, seeds included), so specs that share a
training run pay for it once; ``repeat=n`` asks for n fresh calls in one process, cached
as one entry.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from labs.sandbox import untrusted, wire
from labs.sandbox.child import Child, ChildFailure, Limits
from labs.suite.contract import (MissingFunction, NotProvided, Probe, SubmissionError,
                                 load_contract, probe_name, probe_named,
                                 reference_implementation, run_probe, student_calls)
from labs.sandbox.staging import stage

__all__ = ["BoundContract", "FolderSubmission", "NotProvided", "ReferenceSubmission",
           "Submission", "SubmissionError"]


def _freeze(value: Any) -> Any:
    """Make cached arrays read-only so that one spec cannot alter another's data."""
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    elif isinstance(value, dict):
        for item in value.values():
            _freeze(item)
    elif isinstance(value, list):
        for item in value:
            _freeze(item)
    return value


class BoundContract:
    """One lab's contract, bound to one submission."""

    def __init__(self, submission: "Submission", path: str) -> None:
        self.submission = submission
        self.contract = load_contract(path)
        self.path = path
        self._cache: dict[str, Any] = {}

    def call(self, probe: Probe, *args: Any, repeat: int | None = None, cache: bool = True,
             **kwargs: Any) -> Any:
        """Run a probe of the contract (``repeat=n``: n times, a list of n results); raise
        SubmissionError (NotProvided when optional), UnknownProbe for a function the
        contract did not register. ``cache=False``: a call made once (a training batch),
        not kept."""
        name = probe_name(self.contract, probe)
        if repeat is not None and (not isinstance(repeat, int) or repeat < 1):
            raise ValueError(f"repeat must be a whole number of calls, 1 or more; got {repeat!r}")
        if not cache:
            return _freeze(self.submission._run(self, name, args, kwargs, repeat))
        key = wire.key([name, args, kwargs, repeat])
        if key not in self._cache:
            try:
                self._cache[key] = _freeze(self.submission._run(self, name, args, kwargs, repeat))
            except SubmissionError as error:
                self._cache[key] = error
        result = self._cache[key]
        if isinstance(result, SubmissionError):
            raise result
        return result

    def required(self, name: str) -> bool:
        return name in self.contract.REQUIRED


class Submission:
    label = "reference"

    def __init__(self) -> None:
        self._contracts: dict[str, BoundContract] = {}

    def contract(self, path: str) -> BoundContract:
        if path not in self._contracts:
            self._contracts[path] = BoundContract(self, path)
        return self._contracts[path]

    def _run(self, bound: BoundContract, probe: str, args: tuple, kwargs: dict,
             repeat: int | None) -> Any:
        raise NotImplementedError

    def close(self) -> None:
        pass

    @staticmethod
    def _missing(bound: BoundContract, name: str, message: str) -> SubmissionError:
        if name == "module" or bound.required(name):
            return SubmissionError(message)
        return NotProvided(message)


class ReferenceSubmission(Submission):
    """The reference package, run in this process (it is trusted code)."""

    def _run(self, bound: BoundContract, probe: str, args: tuple, kwargs: dict,
             repeat: int | None) -> Any:
        implementation = reference_implementation(bound.contract)
        try:
            return wire.to_plain(run_probe(probe_named(bound.contract, probe), implementation,
                                           args, kwargs, repeat))
        except MissingFunction as error:
            raise self._missing(bound, error.name, str(error)) from None


class FolderSubmission(Submission):
    """A student's folder, staged (plain files only, ``labs.sandbox.staging``) into a private
    temporary folder, run in sandboxed children."""

    def __init__(self, folder: Path, limits: Limits | None = None,
                 command_prefix: list[str] | None = None) -> None:
        """``limits``: those of the lab (``labs.sandbox.limits``), for every child."""
        super().__init__()
        folder = Path(folder)
        self.label = folder.name
        self.limits = limits or Limits()
        self.command_prefix = command_prefix
        staged = stage(folder)  # raises StagingError (a ValueError) for a missing folder
        self.folder = staged.folder
        self.left_out = staged.left_out  # "name: reason" for every entry not copied
        self._children: dict[str, Child] = {}
        self.spent = 0.0
        self.notes: list[str] = []  # what loading the folder left out (a notebook's cells)

    def _child(self, path: str) -> Child:
        if path not in self._children:
            self._children[path] = Child(self.folder, path, self.limits, self.command_prefix)
        return self._children[path]

    def _run(self, bound: BoundContract, probe: str, args: tuple, kwargs: dict,
             repeat: int | None) -> Any:
        left = self.limits.total_budget - self.spent
        if left <= 0:
            raise SubmissionError("not run: the submission used up its total time budget of "
                                  f"{self.limits.total_budget:g} s on earlier calls")
        # a probe that calls the submission n times gets n call timeouts (and n more per
        # repeat), and a failure names the function called (what its @probe declares)
        called, calls = student_calls(probe_named(bound.contract, probe), args, kwargs, repeat)
        timeout = min(self.limits.call_timeout * calls, left)
        child = self._child(bound.path)
        try:
            child.start()  # the trusted start-up counts in no timeout or budget
        except ChildFailure as error:
            raise SubmissionError(self._with_output(str(error), child)) from None
        start = time.monotonic()
        try:
            response = child.request({"probe": probe, "args": list(args), "kwargs": kwargs,
                                      "repeat": repeat}, timeout)
        except ChildFailure as error:
            where = f"`{called}`" + (f" ({calls} calls, {self.limits.call_timeout:g} s each)"
                                     if calls > 1 else "")
            raise SubmissionError(self._with_output(f"{where}: {error}", child)) from None
        finally:
            self.spent += time.monotonic() - start
        if "ok" in response:
            self._note(response.get("notes"))
            return response["ok"]
        error = response["error"]
        if not isinstance(error, dict):
            raise SubmissionError("the submission's process sent back a malformed error")
        # the child wrote this message: it is the student's, quoted as theirs
        message = untrusted.quote(untrusted.text(error.get("message", "unknown error")))
        if error.get("kind") == "missing":
            raise self._missing(bound, untrusted.name(str(error.get("name"))), message)
        raise SubmissionError(self._with_output(message, child))

    def _note(self, notes: Any) -> None:
        """What loading the folder left out, as the child reported it (at most a few)."""
        for note in notes if isinstance(notes, list) else []:
            note = "from the submission's process: " + untrusted.quote(untrusted.text(note))
            if note not in self.notes and len(self.notes) < untrusted.MAX_NOTES:
                self.notes.append(note)

    @staticmethod
    def _with_output(message: str, child: Child) -> str:
        tail = child.output_tail().strip()
        return (f"{message}\n--- the submission's output (last lines) ---\n"
                f"{untrusted.quote_lines(tail)}" if tail else message)

    def close(self) -> None:
        for child in self._children.values():
            child.stop()
        shutil.rmtree(self.folder.parent, ignore_errors=True)
