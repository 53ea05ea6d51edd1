"""Where a class's gradings run: threads of this process, or a Dask cluster.

Both are a ``concurrent.futures.Executor`` running ``grade_task``, so ``grade-class``'s
loop is written once. ``LocalPool``: a thread pool (each thread waits on one student's
pytest subprocess); nothing to install. ``DaskPool``: ``distributed.Client(ADDRESS)``'s
executor (``pip install -e ".[cluster]"``); the scheduler sends each student to a worker,
and runs a grading again on another worker when its worker dies.

On either, a worker only stages and grades: ``grade_task`` runs the same ``grade_folder``
as ``grade`` (the student's code in its sandboxed child, under the pytest process of the
specs) and returns the grade as JSON text (``labs.grading.plain``), which the class loop
checks field by field; nothing else comes back. A Dask worker needs the project installed
as on the machine that runs ``grade-class`` and the class folder and the results folder at
the same paths (a shared file system): it reads the student's folder and writes the
failure images there.
"""
from __future__ import annotations

import os
from collections.abc import MutableMapping
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from labs.grading.points import Rubric
from labs.sandbox.limits import Limits

CONNECT_SECONDS = 30
INSTALL_HINT = 'pip install -e ".[cluster]"'
# Dask settings for workers that only grade. A grading worker holds no data and waits on one
# pytest subprocess per thread, yet Dask's statistical profiler (a stack sample every 10 ms),
# its system monitor and its event-loop tick cost an idle worker 3-4% of a core, and the
# scheduler as much again (measured with a 2-worker LocalCluster): CPU taken from the
# gradings. A worker takes one grading per thread, no more (a queued one could wait behind
# a long grading while another worker is idle), so nothing is left to steal.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "200ms",
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.scheduler.work-stealing": False,
}


def environment_variables(config: dict[str, Any]) -> dict[str, str]:
    """``config`` as the ``DASK_...`` environment variables a ``dask worker`` or ``dask
    scheduler`` started elsewhere reads (Dask's own naming: dots become ``__``)."""
    return {"DASK_" + key.upper().replace(".", "__").replace("-", "_"): str(value)
            for key, value in config.items()}


def drop_dask_worker_environment(environ: MutableMapping[str, str] = os.environ) -> list[str]:
    """Remove from ``environ`` what Dask's nanny set for its worker process (glibc's malloc
    trim threshold, one OpenMP/BLAS thread, a fixed hash seed: ``distributed.nanny``'s
    ``pre-spawn-environ`` and ``environ``), so that a grading started from a worker runs in
    the environment it gets on the teacher's machine. Under them a TD 3 grading took 15%
    more CPU and 18% more time (measured: its system time went from 2.0 s to 4.9 s).
    The names removed; nothing outside a Dask worker."""
    import sys

    if "distributed" not in sys.modules:
        return []
    from distributed import get_worker

    try:
        get_worker()
    except ValueError:  # not in a worker: the teacher's own process, left as it is
        return []
    import dask

    nanny = {**dask.config.get("distributed.nanny.pre-spawn-environ", default={}),
             **dask.config.get("distributed.nanny.environ", default={})}
    if str(nanny.get("PYTHONHASHSEED", "0")) == "0":
        nanny["PYTHONHASHSEED"] = "6640"  # what the nanny sets in that case
    dropped = [name for name, value in nanny.items() if environ.get(name) == str(value)]
    for name in dropped:
        del environ[name]
    return dropped


def grade_task(folder: str, lab: str, limits: Limits, hide: list[str], select: str | None,
               rubric: Rubric, failures: str, spec_seed: int | None) -> str:
    """One student's grading, where the pool runs it; the Grade as JSON text."""
    from labs.grading.grade import grade_folder
    from labs.grading.plain import to_text
    from labs.grading.record import machine_record
    from labs.grading.run import GraderError

    drop_dask_worker_environment()

    if not Path(folder).is_dir():
        where = machine_record()
        raise GraderError(f"the student's folder {folder} is not on {where['worker'] or where['host']}"
                          f" (the class folder must be on a file system every worker shares)")
    grade = grade_folder(Path(folder), lab, limits, [Path(p) for p in hide], select, rubric,
                         Path(failures), spec_seed)
    return to_text(grade)


def _stop_gradings() -> None:
    """Kill the pytest runs in flight in this process (on a Dask worker: after Ctrl-C)."""
    from labs.grading.run import stop_all

    stop_all()


def _load_grader() -> None:
    """Import what a grading needs, once per worker, before its first student."""
    import labs.grading.grade  # noqa: F401
    import labs.grading.plain  # noqa: F401
    import labs.grading.record  # noqa: F401


def _sandbox_level() -> str:
    from labs.sandbox import isolation

    return isolation.level()


class LocalPool:
    """``jobs`` students at once, each in a thread of this process."""

    def __init__(self, jobs: int) -> None:
        self.executor: Executor = ThreadPoolExecutor(max_workers=jobs)
        self.workers = jobs
        self.where = f"{jobs} at a time"

    def sandbox_levels(self) -> dict[str, str]:
        """Each place a grading may run, and the sandbox level it would run under."""
        return {"this machine": _sandbox_level()}

    def stop(self) -> None:
        _stop_gradings()

    def close(self) -> None:
        self.executor.shutdown(wait=False)


def connect(address: str) -> Any:
    """A ``distributed.Client`` on the scheduler at ``address``, or UsageError in one line
    (Dask not installed, no scheduler there)."""
    from labs.cli import UsageError

    try:
        from distributed import Client
    except ImportError:
        raise UsageError(f"--scheduler needs Dask's distributed, which is not installed: "
                         f"{INSTALL_HINT}") from None
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, ValueError, TypeError) as error:  # unreachable, malformed address
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise UsageError(f"--scheduler {address}: cannot reach a Dask scheduler there "
                         f"({first})") from None


class DaskPool:
    """Every thread of every worker of a Dask cluster."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.executor: Executor = client.get_executor(pure=False)
        self.workers = sum(client.nthreads().values())
        self.where = f"on {self.workers} worker thread(s) of {client.scheduler.address}"
        # every worker loads the grader now, all at once, rather than in its first grading
        client.run(_load_grader)

    def sandbox_levels(self) -> dict[str, str]:
        return self.client.run(_sandbox_level)

    def stop(self) -> None:
        try:
            self.client.run(_stop_gradings)
        except Exception:  # noqa: BLE001 - best effort after Ctrl-C: the scheduler may be gone
            pass

    def close(self) -> None:
        self.executor.shutdown(wait=False)
        self.client.close()
