"""The Gradescope bundle: its run_autograder grades a submission under a temporary root."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from labs.cli import main

FOLDERS = Path(__file__).resolve().parents[1] / "submissions" / "td1"
RUBRIC = FOLDERS.parent / "rubrics" / "td1_teacher.toml"
ATTACKS = Path(__file__).resolve().parents[1] / "submissions" / "td1_attacks"


def autograde(tmp_path: Path, submission: Path, **env: str) -> tuple[Path, dict]:
    """Build the td1 bundle (3 cheap specs), unpack it, run its run_autograder on a copy of
    ``submission``; the unpacked root and results.json."""
    bundle = tmp_path / "autograder.zip"
    assert main(["gradescope-bundle", "--lab", "td1", "--out", str(bundle), "--call-timeout", "20",
                 "--only", "truth_table or xor_error_stays_high",  # 3 specs: cheap
                 "--rubric", str(RUBRIC)]) == 0
    root = tmp_path / "autograder"
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        assert {"setup.sh", "run_autograder", "conftest.py", "pyproject.toml",
                "labs/grading/grade.py", "specs/td1/conftest.py"} <= names
        assert not any("__pycache__" in name or name.startswith("tests/") for name in names)
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        os.chmod(root / "source" / script, 0o755)  # zipfile does not restore modes
    shutil.copytree(submission, root / "submission", symlinks=True)
    env = dict(os.environ, AUTOGRADER_ROOT=str(root), AUTOGRADER_PYTHON=sys.executable, **env)
    run = subprocess.run([str(root / "source" / "run_autograder")], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return root, json.loads((root / "results" / "results.json").read_text())


@pytest.mark.slow  # a grading end to end: seconds
def test_run_autograder_writes_results_json_under_its_root(tmp_path):
    root, results = autograde(tmp_path, FOLDERS / "correct_lists")
    assert [(t["name"], t["score"], t["status"]) for t in results["tests"]] == [
        ("The trained perceptron reproduces the truth table [AND]", 4, "passed"),
        ("The trained perceptron reproduces the truth table [OR]", 4, "passed"),
        ("XOR: the error stays high (about 0.6)", 6, "passed")]  # the teacher's rubric
    assert results["score"] == 14 and "partial grade" in results["output"]
    assert "--call-timeout=20" in (root / "source" / "run_autograder").read_text()
    # each submission is graded at a secret offset of its own, recorded for a regrade
    assert results["extra_data"]["spec_seed"] > 0
    assert f"with seed offset {results['extra_data']['spec_seed']}" in results["output"]


@pytest.mark.slow  # a grading end to end: seconds
def test_run_autograder_never_loads_a_students_conftest(tmp_path):
    marker = tmp_path / "loaded"
    _, results = autograde(tmp_path, ATTACKS / "attack_conftest", LABS_ATTACK_MARKER=str(marker))
    assert not marker.exists()
    assert results["score"] == 0 and {t["status"] for t in results["tests"]} == {"failed"}
