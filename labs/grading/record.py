"""The record of one grading: what ran where, how long each spec took, and under what.

Written into results.json's ``extra_data`` (Gradescope keeps that field for the
instructor) next to the spec seed offset, so that a grade can be audited and reproduced
(``grade --spec-seed N``): each spec's outcome, wall time and CPU time (the student's
processes included: ``labs.suite.usage``), the peak memory of the student's processes,
the sandbox level, the machine (host, and the Dask worker's name when graded on one), and
the versions of Python, torch and the project, with the project's git commit when the
project is a git checkout.
"""
from __future__ import annotations

import platform
import socket
import subprocess
import sys
from functools import lru_cache
from importlib import metadata
from typing import Any

from labs.grading.run import PROJECT_ROOT, SpecRun


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def project_commit() -> str | None:
    """The project's git commit (with "+changes" when the checkout has changes), or None
    when it is not a git checkout or git is missing."""
    if not (PROJECT_ROOT / ".git").exists():
        return None
    try:
        head = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=30)
        changed = subprocess.run(["git", "-C", str(PROJECT_ROOT), "status", "--porcelain",
                                  "--untracked-files=no"], capture_output=True, text=True,
                                 timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + ("+changes" if changed.stdout.strip() else "")


def worker_name() -> str | None:
    """The Dask worker this runs on, if it runs in one (Dask is imported only if loaded)."""
    if "distributed" not in sys.modules:
        return None
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:  # not in a worker
        return None
    return str(worker.name if worker.name is not None else worker.address)


@lru_cache(maxsize=1)
def _machine() -> dict[str, Any]:
    return {"host": socket.gethostname(), "python": platform.python_version(),
            "torch": _version("torch"), "labs": _version("labs"), "commit": project_commit()}


def machine_record() -> dict[str, Any]:
    """Where and with what a grading runs: host, Dask worker, versions, commit."""
    return {**_machine(), "worker": worker_name()}


def grading_record(run: SpecRun) -> dict[str, Any]:
    """Each spec's outcome and times, the peak memory, and ``machine_record``."""
    return {
        "specs": [{"spec": o.spec, "outcome": o.outcome, "wall_s": round(o.duration, 3),
                   "cpu_s": round(o.cpu, 3)} for o in run.outcomes],
        "run_wall_s": round(run.seconds, 3),
        "peak_memory_mb": round(run.peak_memory_mb, 1),
        **machine_record(),
    }
