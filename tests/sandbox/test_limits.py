"""One table of per-lab limits, one name per limit: ``pytest --submission`` and ``python -m
labs grade`` take the same options and give each lab the same limits."""
from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from labs.cli import build_parser
from labs.dataclass_options import as_arguments, flag
from labs.grading.cli import limits_from
from labs.grading.run import available_labs
from labs.sandbox.limits import LAB_LIMITS, Limits, limits_for
from labs.suite.plugin import submission_limits

ROOT = Path(__file__).resolve().parents[2]
FLAGS = [flag(f) for f in dataclasses.fields(Limits)]


def grade_arguments(lab: str, *extra: str) -> argparse.Namespace:
    return build_parser().parse_args(["grade", "somewhere", "--lab", lab, *extra])


def pytest_config(**given) -> SimpleNamespace:
    return SimpleNamespace(getoption=lambda name: given.get(name))


@pytest.mark.parametrize("lab", available_labs())
def test_pytest_submission_and_grade_give_a_lab_the_same_limits(lab):
    specs = [SimpleNamespace(path=ROOT / "specs" / lab / "test_x.py")]
    assert submission_limits(pytest_config(), specs) == limits_from(grade_arguments(lab)) \
        == limits_for(lab)


def test_the_table_is_what_the_labs_get():
    assert limits_for("td1") == Limits(call_timeout=10.0, total_budget=120.0)
    assert limits_for("td3").memory_mb == LAB_LIMITS["td3"].memory_mb == 6144
    assert limits_for("td2/stylegan") == Limits()


def test_a_given_limit_overrides_the_labs_alike():
    specs = [SimpleNamespace(path=ROOT / "specs" / "td3" / "test_x.py")]
    in_pytest = submission_limits(pytest_config(memory_mb=4096, call_timeout=5.0), specs)
    in_grade = limits_from(grade_arguments("td3", "--memory-mb", "4096", "--call-timeout", "5"))
    assert in_pytest == in_grade == Limits(call_timeout=5.0, memory_mb=4096)


def test_specs_of_several_labs_get_the_largest_of_each_limit():
    specs = [SimpleNamespace(path=ROOT / "specs" / lab / "test_x.py") for lab in ("td1", "td3")]
    assert submission_limits(pytest_config(), specs) == Limits(memory_mb=6144)


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_pytest_has_the_grader_options_and_says_the_limits_it_uses(tmp_path):
    """One subprocess: the limits line of a collection on a folder is the grader's
    arguments for that lab, and every limit's flag is in pytest's help."""
    (tmp_path / "perceptron.py").write_text("def train(*args):\n    return None\n")
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--co", "-q",
                          "specs/td1/test_xor.py", f"--submission={tmp_path}",
                          "--memory-mb=1024"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    expected = as_arguments(limits_from(grade_arguments("td1", "--memory-mb", "1024")))
    assert f"labs: limits of the submission (td1): {' '.join(expected)}" in run.stdout
    helped = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--help"],
                            cwd=ROOT, capture_output=True, text=True).stdout
    assert all(name in helped for name in FLAGS), FLAGS


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_a_bad_limit_is_one_line_in_pytest_too(tmp_path):
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                          "specs/td1/test_xor.py", f"--submission={tmp_path}",
                          "--total-budget=0"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 4
    assert "--total-budget must be a positive number, got 0.0" in run.stderr


def test_a_limit_set_in_code_is_checked_too():
    with pytest.raises(ValueError, match="memory_mb must be an integer >= 64, got 10"):
        Limits(memory_mb=10)
