"""A sandboxed child process running ``labs.sandbox.worker`` on a copy of a student's folder.

What is enforced here, on every POSIX system: a wall-clock deadline per call that holds
whatever the child keeps sending (the whole process group is killed), answers read only
through ``labs.sandbox.untrusted`` (bounded frames, each echoing the id of the request it
answers: an unsolicited or extra answer is refused and the child restarted), an
address-space limit (``RLIMIT_AS``), no core dumps, a closed
stdin, stdout and stderr captured to files and truncated when read back, a minimal
environment whose ``PYTHONPATH`` is the worker tree (``labs.sandbox.worker_tree``: the
reference implementations are not on it), a working directory that is the staged copy of
the submission, and a file-size limit (``RLIMIT_FSIZE``, which also bounds the captured
output). Stronger isolation (namespaces, grader files hidden, an unprivileged user, a
cgroup for the whole child) is added by ``labs.sandbox.isolation`` where the OS allows it.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from labs.sandbox import isolation as sandbox, untrusted, wire
from labs.sandbox.cgroup import SubmissionGroup
from labs.sandbox.jail import MAX_PROCESSES, extra_hidden
from labs.sandbox.limits import Limits
from labs.sandbox.worker_tree import tree_for
from labs.suite.contract import load_contract

OUTPUT_TAIL_BYTES = 4000


class ChildFailure(Exception):
    """The child could not answer: timeout, crash, exit, or garbage on the pipe."""


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


class Child:
    """One worker process for one contract of one submission; restarted after a failure."""

    def __init__(self, folder: Path, contract_path: str, limits: Limits,
                 command_prefix: list[str] | None = None) -> None:
        self.folder = folder
        self.contract_path = contract_path
        self.limits = limits
        self.tree = tree_for(load_contract(contract_path))
        self.command_prefix = sandbox.with_tree(command_prefix or [], self.tree)
        self.process: subprocess.Popen | None = None
        self.group: SubmissionGroup | None = None
        self.output = tempfile.TemporaryFile()
        self.text_budget = untrusted.TextBudget()  # all this submission's text, restarts included

    def _limit_resources(self) -> None:  # runs in the child, before exec
        import resource
        memory = self.limits.memory_mb * 1024 * 1024
        size = self.limits.file_mb * 1024 * 1024
        for kind, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CORE, 0),
                            (resource.RLIMIT_FSIZE, size)):
            try:
                resource.setrlimit(kind, (value, value))
            except (ValueError, OSError):  # macOS refuses RLIMIT_AS: run without that limit
                pass
        if self.group is not None:
            self.group.enter()
        if sys.platform.startswith("linux"):  # no orphan left running if pytest is killed
            from labs.sandbox.jail import die_with_parent
            die_with_parent()

    def _start(self) -> None:
        request_r, self.request_w = os.pipe()
        self.response_r, response_w = os.pipe()
        if sandbox.is_jail(self.command_prefix):
            self.group = SubmissionGroup.create(self.limits.memory_mb, MAX_PROCESSES)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "PYTHONPATH": str(self.tree),
            "LABS_CHANNEL": f"{request_r},{response_w}",  # removed by the worker at once
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            # never put the working directory (the student's copy) first on sys.path: a
            # student's labs/sandbox/jail.py must not run in place of ours (Python >= 3.11)
            "PYTHONSAFEPATH": "1",
            "PYTHONNOUSERSITE": "1",  # HOME is the copy: no .local/.../usercustomize.py
            "MPLBACKEND": "Agg",
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "HF_HUB_OFFLINE": "1",
        }
        # TMPDIR: the jail makes the folder holding the copies private, whichever it is
        for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "LANG", "TMPDIR"):
            if key in os.environ:
                env[key] = os.environ[key]
        command = [*self.command_prefix, sys.executable, "-m", "labs.sandbox.worker",
                   str(self.folder), self.contract_path]
        self.process = subprocess.Popen(
            command, cwd=self.folder, env=env, stdin=subprocess.DEVNULL,
            stdout=self.output, stderr=self.output, pass_fds=(request_r, response_w),
            start_new_session=True, preexec_fn=self._limit_resources)
        os.close(request_r)
        os.close(response_w)

    def output_tail(self) -> str:
        """The last of what the student's process printed, made safe to show."""
        self.output.flush()
        size = self.output.seek(0, os.SEEK_END)
        self.output.seek(max(0, size - OUTPUT_TAIL_BYTES))
        text = untrusted.text(self.output.read(), OUTPUT_TAIL_BYTES, self.text_budget)
        return ("[...] " if size > OUTPUT_TAIL_BYTES else "") + text

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()
        if self.group is not None:
            self.group.kill_and_remove()
            self.group = None
        sandbox.kill_leftovers(self.command_prefix)
        for fd in (self.request_w, self.response_r):
            try:
                os.close(fd)
            except OSError:
                pass
        self.process = None

    def _death(self) -> str:
        code = self.process.wait()
        if code < 0:
            if -code == signal.SIGKILL:
                return ("the submission's process was killed (SIGKILL), most likely for "
                        f"exceeding the memory limit of {self.limits.memory_mb} MB")
            if -code == signal.SIGXFSZ:
                return ("the submission's process was killed for writing more than "
                        f"{self.limits.file_mb} MB to a file or to its output")
            return f"the submission's process was killed by {_signal_name(-code)}"
        tail = self.output_tail()
        if code != 0 and ("failed to map segment" in tail or "MemoryError" in tail):
            return (f"the submission's process exited with status {code}: out of memory under "
                    f"the limit of {self.limits.memory_mb} MB (a library too big to load "
                    "in it, or the submission's own allocations)")
        if code == 70 and "cannot lock the child in" in tail:
            return "the grader's sandbox failed to start (not the submission's fault)"
        return f"the submission's process exited with status {code} before returning"

    def start(self) -> None:
        """Start the child if it is not running, and wait until it says it is ready."""
        if self.process is not None and self.process.poll() is None:
            return
        self.stop()
        self._start()
        # the grader's paths reach the worker's audit hook here, never in its environment
        hello = {"project": str(sandbox.PROJECT_ROOT), "hide": extra_hidden()}
        try:
            self._exchange(hello, self.limits.startup_timeout, "ready")
        except ChildFailure as failure:
            if str(failure).startswith("timed out"):
                raise ChildFailure(f"the submission's process did not start within "
                                   f"{self.limits.startup_timeout:g} s (before any of its "
                                   "code ran)") from None
            raise

    def request(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Send one request; its answer (``ok`` or ``error``, strings made safe to show), or
        ChildFailure."""
        self.start()
        answer = self._exchange(message, timeout)
        # the id is the grader's own, checked equal to the request's: never charged as text
        return {key: value if key == "id" else untrusted.clean_strings(value, self.text_budget)
                for key, value in answer.items()}

    def _fail(self, reason: str) -> ChildFailure:
        self.stop()
        return ChildFailure(reason)

    def _exchange(self, message: dict[str, Any], timeout: float,
                  expected: str | None = None) -> dict[str, Any]:
        """One request and the answer that echoes its id."""
        if untrusted.pending(self.response_r):
            raise self._fail("the submission's process wrote an answer to no request "
                             "(a forged answer); it was refused and the process restarted")
        request_id = secrets.token_hex(8)
        frame = memoryview(wire.encode({"id": request_id, **message}))
        try:
            while frame:  # a large request (TD 3's token lists) may go in several writes
                frame = frame[os.write(self.request_w, frame):]
        except BrokenPipeError:
            raise self._fail(self._death()) from None
        try:
            answer = untrusted.answer(untrusted.receive(self.response_r, timeout), request_id)
        except untrusted.TimedOut:
            raise self._fail(f"timed out after {timeout:g} s") from None
        except untrusted.Closed:
            raise self._fail(self._death()) from None
        except untrusted.Refused as refused:
            raise self._fail(str(refused)) from None
        if expected is not None and expected not in answer:
            raise self._fail("the submission's process started with an unexpected answer")
        return answer
