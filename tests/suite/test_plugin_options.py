"""The suite's own options: --benchmark keeps the benchmarks only and deselects the rest (no
skip line per test); --regen-golden refuses --submission."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # a grading end to end: seconds
def test_benchmark_mode_deselects_what_is_not_a_benchmark():
    run = subprocess.run([sys.executable, "-m", "pytest", "--benchmark", "--co", "-q",
                          "-p", "no:cacheprovider", "tests/benchmarks/test_td1_benchmarks.py",
                          "specs/td1/test_xor.py"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    collected = [line for line in run.stdout.splitlines() if "::" in line]
    assert collected and all("benchmarks" in line for line in collected)
    assert "deselected" in run.stdout and "Skipping non-benchmark" not in run.stdout


def test_regen_golden_refuses_a_submission(tmp_path):
    """--regen-golden writes the reference's goldens: never a student's values and images."""
    run = subprocess.run([sys.executable, "-m", "pytest", "--regen-golden",
                          f"--submission={tmp_path}", "specs/td1/test_xor.py", "-p",
                          "no:cacheprovider"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 4, run.stdout[-1000:] + run.stderr[-1000:]
    assert "--regen-golden writes the reference's goldens: it cannot be used with --submission" \
        in run.stderr
