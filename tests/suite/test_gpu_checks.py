"""``bash .ci/gpu`` and the ``device`` fixture: without a GPU one line and exit 0; the report
holds each check's outcome and figures; a second run compares its benchmarks with the first;
every gpu-marked test has a ``[cpu]`` twin in the everyday run."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from labs.suite import gpu_run
from labs.suite.devices import Device, best_seconds, per
from labs.suite.gpu_report import GpuReport, _benchmark_figures

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_gpu_one_line_exit_0_and_no_report(tmp_path, capsys, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert gpu_run.main(["--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bash .ci/gpu: nothing ran: torch ")
    assert "finds no CUDA device" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_a_second_run_on_the_same_card_compares_with_the_first(tmp_path):
    storage = tmp_path / "NVIDIA-H100-80GB-HBM3"
    first = gpu_run.pytest_arguments(tmp_path / "gpu-report.json", storage, ["-k", "td1"])
    assert first[:2] == ["-m", "gpu"] and "--benchmark-autosave" in first
    assert f"--benchmark-storage={storage}" in first and "--benchmark-compare" not in first
    assert first[-2:] == ["-k", "td1"]
    (storage / "Linux-CPython-3.12-64bit").mkdir(parents=True)
    (storage / "Linux-CPython-3.12-64bit" / "0001_abc.json").write_text("{}")
    assert "--benchmark-compare" in gpu_run.pytest_arguments(tmp_path / "r.json", storage)
    assert gpu_run.card_folder("NVIDIA H100 80GB HBM3") == "NVIDIA-H100-80GB-HBM3"


def _report(nodeid: str, when: str, outcome: str, longrepr=None, **extra) -> pytest.TestReport:
    report = pytest.TestReport(nodeid, ("x.py", 1, "t"), {}, outcome, longrepr, when,
                               duration=0.5, user_properties=extra.pop("properties", ()))
    for name, value in extra.items():
        setattr(report, name, value)
    return report


def test_the_report_holds_outcomes_reasons_figures_gpu_and_versions(tmp_path):
    path = tmp_path / "out" / "gpu-report.json"
    report = GpuReport(path, ("-m", "gpu"))
    for when in ("setup", "call", "teardown"):
        report.pytest_runtest_logreport(_report(
            "a[cuda]", when, "passed", properties=[("images_per_second", 3.5)] * (when == "call")))
    report.pytest_runtest_logreport(
        _report("b[cuda]", "setup", "skipped", ("x.py", 3, "Skipped: no checkout")))
    report.pytest_runtest_logreport(_report("c[cuda]", "setup", "passed"))
    report.pytest_runtest_logreport(_report("c[cuda]", "call", "failed", "AssertionError: 2 != 3"))
    report.pytest_runtest_logreport(
        _report("d[cuda]", "call", "skipped", ("x.py", 4, "band"), wasxfail="outside the band"))
    report.pytest_sessionfinish(None, 1)
    written = json.loads(path.read_text())
    checks = {check["id"]: check for check in written["checks"]}
    assert checks["a[cuda]"]["outcome"] == "passed" and checks["a[cuda]"]["seconds"] == 1.5
    assert checks["a[cuda]"]["figures"] == {"images_per_second": 3.5}
    assert (checks["b[cuda]"]["outcome"], checks["b[cuda]"]["reason"]) == ("skipped", "no checkout")
    assert (checks["c[cuda]"]["outcome"], checks["c[cuda]"]["reason"]) == (
        "failed", "AssertionError: 2 != 3")
    assert (checks["d[cuda]"]["outcome"], checks["d[cuda]"]["reason"]) == (
        "xfailed", "outside the band")
    assert written["counts"] == {"passed": 1, "skipped": 1, "failed": 1, "xfailed": 1}
    assert written["exit_status"] == 1 and written["command"] == ["pytest", "-m", "gpu"]
    assert written["versions"]["torch"] and written["versions"]["python"]
    assert "name" in written["gpu"]  # here None, with why


def test_a_benchmarks_figures_are_its_extra_info_and_its_timings():
    unmeasured = SimpleNamespace(extra_info={"runs": 1000}, stats=None)
    assert _benchmark_figures(unmeasured) == {"runs": 1000}
    stats = SimpleNamespace(min=0.5, median=0.6, max=0.9, rounds=3)
    measured = SimpleNamespace(extra_info={"runs": 1000}, stats=SimpleNamespace(stats=stats))
    assert _benchmark_figures(measured) == {"runs": 1000, "seconds_min": 0.5,
                                            "seconds_median": 0.6, "seconds_max": 0.9,
                                            "rounds": 3}


def test_device_sizes_and_unmeasured_benchmarks():
    assert Device("cpu").size(tiny=8, full=64) == 8 and Device("cuda").size(8, 64) == 64
    Device("cpu").synchronize()  # nothing to wait for on the CPU
    unmeasured = SimpleNamespace(stats=None)
    assert best_seconds(unmeasured) is None and per(10, None) is None
    measured = SimpleNamespace(stats=SimpleNamespace(stats=SimpleNamespace(min=0.5)))
    assert best_seconds(measured) == 0.5 and per(10, 0.5) == 20


def _gpu_decorated(path: Path) -> list[str]:
    """Test functions of ``path`` decorated with a gpu mark (``@pytest.mark.gpu``)."""
    text, found = path.read_text(), []
    if "gpu" not in text:
        return found  # parsing every test file would cost a second
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if ast.unparse(decorator).endswith("mark.gpu"):
                    found.append(f"{path.relative_to(ROOT)}::{node.name}")
    return found


def test_gpu_marks_come_only_from_the_device_fixture():
    """A gpu mark on a test function would leave its code to the GPU alone: every gpu-marked
    test must be the ``[cuda]`` variant of a test whose ``[cpu]`` variant CI runs."""
    paths = [path for folder in ("specs", "tests") for path in (ROOT / folder).rglob("test_*.py")
             if "submissions" not in path.parts]  # students' folders: broken code on purpose
    marked = [name for path in paths for name in _gpu_decorated(path)]
    assert marked == [], f"use the device fixture (labs.suite.devices) instead: {marked}"


GPU_FILES = ["tests/td1/test_batched_torch.py", "tests/benchmarks/test_td2_benchmarks.py"]


@pytest.mark.slow
def test_the_everyday_run_selects_cpu_twins_and_ci_gpu_the_cuda_ones():
    def collected(marker: str) -> list[str]:
        run = subprocess.run([sys.executable, "-m", "pytest", "--co", "-q", "-n", "0", "-m", marker,
                              "-p", "no:cacheprovider", *GPU_FILES], cwd=ROOT,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        return [line for line in run.stdout.splitlines() if "::" in line]

    everyday, gpu = collected("not gpu"), collected("gpu")
    assert gpu and all(line.endswith("[cuda]") for line in gpu)
    assert sorted(line.replace("[cuda]", "[cpu]") for line in gpu) == sorted(
        line for line in everyday if line.endswith("[cpu]"))


@pytest.mark.slow
def test_the_command_itself_without_a_gpu(tmp_path):
    """``bash .ci/gpu`` as CI or a person runs it: one line, exit 0, no report."""
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is here: bash .ci/gpu would run every GPU check")
    run = subprocess.run(["bash", str(ROOT / ".ci" / "gpu")], cwd=tmp_path, capture_output=True,
                         text=True, env={**os.environ, "OUT": str(tmp_path / "out"),
                                         "LABS_PYTHON": sys.executable})
    assert run.returncode == 0, run.stdout + run.stderr
    lines = (run.stdout + run.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith("bash .ci/gpu: nothing ran: "), lines
    assert list(tmp_path.iterdir()) == []  # no report, here or in $OUT
