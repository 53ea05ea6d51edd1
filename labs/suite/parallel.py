"""The project's own runs on every core: pytest-xdist, asked for only where it is right.

Loaded by the project's ``conftest.py``, so it acts on runs of the project's specs and tests
only (a pytest of files elsewhere never loads it). When the user gave no ``-n``/``--dist``,
it asks xdist for one worker per usable core, and hands xdist a scheduler that keeps in
one worker every spec of one lab folder (they share the session's cached runs of the
reference: the GAN's training runs, TD 3's models, StyleGAN's NVIDIA runs) and every test
of one test file (its module fixtures), except where one process is right:

- ``--submission``: one student's folder is one sandboxed child per contract, whose calls
  are cached for the session; two workers would stage and run the folder twice, and the
  "left out" summary lives in one process;
- benchmark mode and ``--regen-golden``: timings need a quiet process, goldens one writer;
- a pytest started by a test (``PYTEST_CURRENT_TEST`` is inherited): the outer run already
  uses the cores;
- a single usable core.

``-n 0`` (or ``-p no:xdist``) runs everything in one process; ``-n 4`` is taken as given.
"""
from __future__ import annotations

import os

import pytest

# what xdist's workers put in their environment; inherited by a pytest a test starts, where
# it would make pytest-benchmark believe it runs in a worker
_WORKER_VARIABLES = ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID")
_LAB_SCOPES = pytest.StashKey[bool]()  # set when this plugin chose the workers (and scheduler)


def _usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def serial_reason(config: pytest.Config) -> str | None:
    """Why this run keeps to one process, or None when it may use every core."""
    option = config.option
    if getattr(option, "submission", None):
        return "--submission"
    if getattr(option, "labs_benchmark", False) or getattr(option, "benchmark_only", False):
        return "benchmarks"
    if getattr(option, "regen_golden", False):
        return "--regen-golden"
    if "PYTEST_CURRENT_TEST" in os.environ:
        return "started by a test"
    if _usable_cores() < 2:
        return "one usable core"
    return None


@pytest.hookimpl(tryfirst=True)  # before xdist's own, which turns the options into workers
def pytest_cmdline_main(config: pytest.Config) -> None:
    option = config.option
    if hasattr(config, "workerinput") or not hasattr(option, "numprocesses"):
        return  # an xdist worker, or xdist is not installed
    if "PYTEST_CURRENT_TEST" in os.environ:
        for name in _WORKER_VARIABLES:
            os.environ.pop(name, None)
    chosen = option.numprocesses is not None or option.dist != "no" or getattr(option, "tx", None)
    if not chosen and serial_reason(config) is None:
        option.numprocesses, option.dist = "auto", "loadfile"
        config.stash[_LAB_SCOPES] = True


def scope_of(nodeid: str) -> str:
    """What runs in one worker: a lab's folder of specs, or one test file."""
    path = nodeid.split("::", 1)[0]
    return path.rsplit("/", 1)[0] if path.startswith("specs/") else path


def lab_scheduling() -> type:
    """xdist's file scheduler with ``scope_of`` for its scopes (xdist imported only here)."""
    from xdist.scheduler import LoadFileScheduling

    class LabScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid)

    return LabScheduling


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if not config.stash.get(_LAB_SCOPES, False):
        return None  # the user's own --dist
    return lab_scheduling()(config, log)


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: xdist may be absent
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` given by hand still keeps to one process where that is right."""
    return 0 if serial_reason(config) else None
