"""``--gpu-report FILE``: the JSON report of a run of the gpu-marked checks (``bash .ci/gpu``).

Loaded with ``-p labs.suite.gpu_report``. For each test that ran: its outcome (passed,
failed, error, skipped, xfailed, xpassed) and the reason, its seconds, and its figures: what
it recorded with pytest's ``record_property``, a benchmark's ``extra_info`` and its timings
(fastest, median and slowest round). Beside them: the GPU (name, memory, CUDA, driver), the
versions of Python and of the libraries the checks use, and the run's wall time. Rewritten
after every test, so a run stopped half-way still tells what finished.
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

PACKAGES = ("torch", "transformers", "tokenizers", "accelerate", "datasets", "numpy",
            "pytest", "pytest-benchmark")
MESSAGE_CHARS = 1000


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("labs").addoption(
        "--gpu-report", metavar="FILE", default=None,
        help="write each test's outcome and figures, the GPU and the versions to FILE (JSON)")


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("--gpu-report")
    if path and not hasattr(config, "workerinput"):
        config.pluginmanager.register(GpuReport(Path(path), config.invocation_params.args),
                                      "labs-gpu-report")


def gpu_description() -> dict[str, Any]:
    """The CUDA device torch sees (the first), or why there is none."""
    import torch

    if not torch.cuda.is_available():
        return {"name": None, "why": f"torch {torch.__version__} finds no CUDA device"}
    properties = torch.cuda.get_device_properties(0)
    return {"name": properties.name, "memory_gib": round(properties.total_memory / 2**30, 1),
            "compute_capability": f"{properties.major}.{properties.minor}",
            "devices": torch.cuda.device_count(), "cuda": torch.version.cuda,
            "cudnn": torch.backends.cudnn.version(), "driver": _driver_version()}


def _driver_version() -> str | None:
    if shutil.which("nvidia-smi") is None:
        return None
    run = subprocess.run(["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
                         capture_output=True, text=True)
    return run.stdout.splitlines()[0].strip() if run.returncode == 0 and run.stdout else None


def versions() -> dict[str, str | None]:
    """Python's and the checks' libraries' versions (None: not installed)."""
    found: dict[str, str | None] = {"python": platform.python_version()}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found


def _reason(report: pytest.TestReport) -> str:
    if hasattr(report, "wasxfail"):
        text = report.wasxfail or report.longreprtext
    elif report.skipped and isinstance(report.longrepr, tuple):
        text = report.longrepr[2]  # (file, line, "Skipped: reason")
    else:
        text = report.longreprtext
    text = text.strip().removeprefix("Skipped: ")
    return text if len(text) <= MESSAGE_CHARS else "[...] " + text[-MESSAGE_CHARS:]


def _outcome(report: pytest.TestReport) -> str:
    if hasattr(report, "wasxfail"):
        return "xfailed" if report.skipped else "xpassed"
    if report.failed:
        return "failed" if report.when == "call" else "error"
    return report.outcome  # passed or skipped


def _benchmark_figures(benchmark: Any) -> dict[str, Any]:
    figures = dict(benchmark.extra_info)
    if benchmark.stats:  # None where the function ran once unmeasured
        stats = benchmark.stats.stats
        figures.update(seconds_min=stats.min, seconds_median=stats.median,
                       seconds_max=stats.max, rounds=stats.rounds)
    return figures


class GpuReport:
    def __init__(self, path: Path, arguments: tuple[str, ...]) -> None:
        self.path = path
        self.started = time.time()
        self.checks: dict[str, dict[str, Any]] = {}
        self.head: dict[str, Any] = {"command": ["pytest", *arguments],
                                     "machine": platform.platform(), "versions": versions()}

    def _check(self, nodeid: str) -> dict[str, Any]:
        return self.checks.setdefault(nodeid, {"outcome": None, "reason": "", "seconds": 0.0,
                                               "figures": {}})

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        yield
        benchmark = getattr(item, "funcargs", {}).get("benchmark")
        if call.when == "call" and benchmark is not None:
            self._check(item.nodeid)["figures"].update(_benchmark_figures(benchmark))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        check = self._check(report.nodeid)
        check["seconds"] = round(check["seconds"] + report.duration, 3)
        check["figures"].update(dict(report.user_properties))
        outcome = _outcome(report)
        # the first phase that did not pass decides; a test that passed every phase passed
        if check["outcome"] in (None, "passed") and (outcome != "passed" or report.when == "call"):
            check["outcome"] = outcome
            check["reason"] = _reason(report) if outcome != "passed" else ""
        self.write()

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.write(exit_status=int(exitstatus))

    def write(self, **final: Any) -> None:
        if "gpu" not in self.head:
            self.head["gpu"] = gpu_description()
        counts: dict[str, int] = {}
        for check in self.checks.values():
            counts[check["outcome"]] = counts.get(check["outcome"], 0) + 1
        report = {**self.head, "wall_seconds": round(time.time() - self.started, 1),
                  "counts": counts, **final,
                  "checks": [{"id": nodeid, **check} for nodeid, check in self.checks.items()]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".partial")
        temporary.write_text(json.dumps(report, indent=1, default=str) + "\n")
        os.replace(temporary, self.path)  # a reader never sees half a file
