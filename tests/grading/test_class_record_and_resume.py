"""The record of every grading (results.json's extra_data), read back and reproduced with
``grade --spec-seed``; and a class grading interrupted by Ctrl-C, then resumed from its
results folder without grading again the students already graded."""
from __future__ import annotations

import csv
import json
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from labs.cli import main
from labs.grading.journal import ENTRY
from labs.grading.points import POINTS
from labs.grading.run import PROJECT_ROOT
from labs.grading.seeds import MAX_SPEC_SEED
from labs.sandbox import isolation

pytestmark = pytest.mark.slow

FOLDERS = Path(__file__).resolve().parents[1] / "submissions" / "td1"
ONLY = ["--only", "truth_table or xor_error_stays_high", "--call-timeout", "2",
        "--total-budget", "60"]
PATIENCE = 600  # seconds: a generous bound on a crowded machine, never a timing check


def _copy(root: Path, names: list[str]) -> Path:
    for name in names:
        shutil.copytree(FOLDERS / name.split("@")[0], root / name.replace("@", "_"))
    return root


def test_the_record_of_a_grading_reads_back_and_its_seed_reproduces_the_grade(tmp_path):
    root = _copy(tmp_path / "class", ["correct_lists", "broken_loops_until_converged"])
    assert main(["grade-class", str(root), "--lab", "td1", "--csv", str(tmp_path / "g.csv"),
                 "--jobs", "2", *ONLY]) == 0
    student = "broken_loops_until_converged"
    graded = json.loads((tmp_path / "results" / student / "results.json").read_text())
    record = graded["extra_data"]
    assert 1 <= record["spec_seed"] < MAX_SPEC_SEED
    assert record["sandbox"] == isolation.level()
    specs = {s["spec"].split("::")[1]: s for s in record["specs"]}
    assert len(specs) == 3 and all(s["cpu_s"] >= 0 and s["wall_s"] >= 0 for s in specs.values())
    xor = specs["test_xor_error_stays_high"]
    assert xor["outcome"] == "failed" and xor["wall_s"] >= 2  # its call timed out at 2 s
    assert [s["outcome"] for n, s in specs.items() if n != "test_xor_error_stays_high"] == \
        ["passed", "passed"]
    assert record["peak_memory_mb"] > 10  # the child's Python with numpy, at least
    assert record["host"] == socket.gethostname() and record["worker"] is None
    assert record["python"] == platform.python_version()
    assert record["torch"] == metadata.version("torch")
    assert record["labs"] == metadata.version("labs")
    if (PROJECT_ROOT / ".git").exists():
        assert len(record["commit"].split("+")[0]) == 40
    row = next(r for r in csv.DictReader((tmp_path / "g.csv").open()) if r["student"] == student)
    assert row["sandbox"] == record["sandbox"] and row["spec_seed"] == str(record["spec_seed"])

    again = tmp_path / "again.json"
    assert main(["grade", str(root / student), "--lab", "td1", "--results", str(again), *ONLY,
                 "--spec-seed", str(record["spec_seed"])]) == 0
    reproduced = json.loads(again.read_text())
    table = POINTS["td1"]["test_convergence.py::test_and_or_reproduce_the_truth_table"].points
    assert reproduced["score"] == graded["score"] == 2 * table  # AND and OR; XOR loops
    assert [(t["name"], t["score"], t.get("status")) for t in reproduced["tests"]] == \
        [(t["name"], t["score"], t.get("status")) for t in graded["tests"]]
    assert reproduced["extra_data"]["spec_seed"] == record["spec_seed"]


def _entries(results: Path) -> dict[str, bytes]:
    return {p.parent.name: p.read_bytes() for p in results.glob(f"*/{ENTRY}")}


def _ctrl_c_reaches_it() -> None:
    """In the grader's process before it starts: SIGINT handled and not blocked, whatever
    the test's worker process hands down (an ignored or blocked SIGINT is inherited: once
    in CI the grader never saw the Ctrl-C and graded the whole class)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_an_interrupted_class_resumes_without_grading_again(tmp_path, capsys):
    names = ["correct_lists@1", "correct_lists@2", "correct_lists@3", "wrong_bias_sign",
             "chatty_prints_megabytes"]
    root = _copy(tmp_path / "class", names)
    csv_path = tmp_path / "grades.csv"
    results = tmp_path / "results"
    command = ["grade-class", str(root), "--lab", "td1", "--csv", str(csv_path), *ONLY]
    first = subprocess.Popen([sys.executable, "-m", "labs", *command, "--jobs", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=_ctrl_c_reaches_it)
    deadline = time.monotonic() + PATIENCE
    while len(_entries(results)) < 2 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    first.send_signal(signal.SIGINT)  # Ctrl-C
    _, err = first.communicate(timeout=PATIENCE)
    kept = _entries(results)
    assert first.returncode == 130 and "interrupted" in err, err[-2000:]
    assert 2 <= len(kept) < len(names) and not csv_path.exists()
    assert "--resume" in err  # it says how to go on

    assert main([*command, "--resume"]) == 0
    out = capsys.readouterr().out
    assert f"resuming: {len(kept)} of {len(names)} students already graded" in out
    after = _entries(results)
    assert all(after[name] == entry for name, entry in kept.items())  # not graded again
    rows = list(csv.DictReader(csv_path.open()))
    assert sorted(r["student"] for r in rows) == sorted(n.replace("@", "_") for n in names)
    assert all(r["score"] for r in rows)
