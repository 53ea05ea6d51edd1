"""``labs.suite.spec_runs``, the one way specs run on a folder in a pytest subprocess: what a
run says, and nothing left behind however it ends."""
from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from labs.suite.spec_runs import run_specs

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ROOT / "tests" / "submissions" / "td1"
XOR_SPEC = ROOT / "specs" / "td1" / "test_xor.py"


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def test_a_run_cut_short_leaves_no_process_and_no_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where run_specs makes its folder
    # XOR never converges for this folder, whose train loops until it does: the run cannot
    # end within the second it is given, however fast the machine
    with pytest.raises(subprocess.TimeoutExpired):
        run_specs([str(XOR_SPEC)], FOLDERS / "broken_loops_until_converged", timeout=1)
    assert list(tmp_path.iterdir()) == []
    # the run's session is killed at once; its jailed child ends with its jail (a moment
    # later): polled, with a limit only against hanging forever
    deadline = time.monotonic() + 300
    while _processes_mentioning(str(tmp_path)):
        assert time.monotonic() < deadline, "a process of the run outlived it"
        time.sleep(0.2)


def test_a_run_says_each_specs_outcome_by_name():
    outcomes = run_specs([f"{XOR_SPEC}"], FOLDERS / "correct_lists")
    assert outcomes and set(outcomes.values()) == {"passed"}, outcomes
    assert all("::" not in name and "/" not in name for name in outcomes)
