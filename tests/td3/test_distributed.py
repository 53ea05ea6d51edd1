"""The same training under ``torchrun`` with 2 CPU processes (gloo) matches one process.

Two processes with batch 4 each take the same global batches as one process with batch 8
(the accelerate sampler hands consecutive batches to the ranks) and average the same
gradients, so the losses agree up to float summation order and dropout draws (each rank
has its own generator). Measured: the final validation loss agrees within about 1%;
tolerance 5%. Costs about 15-25 s on 2 shared cores (two processes importing torch).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMON = ["-m", "labs", "lm", "clm", "--articles", "24", "--epochs", "1", "--no-progress"]


@pytest.mark.slow
def test_two_cpu_processes_match_one(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    subprocess.run([sys.executable, *COMMON, "--batch-size", "8", "--out", str(one)],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    # --standalone: a local rendezvous on a free port (a fixed endpoint hung here)
    torchrun = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2"]
    process = subprocess.run([*torchrun, *COMMON, "--batch-size", "4", "--out", str(two)],
                             cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr[-2000:]
    single = json.loads((one / "table.json").read_text())["clm"]
    double = json.loads((two / "table.json").read_text())["clm"]
    assert double["train_blocks"] == single["train_blocks"]
    assert double["final_eval_loss"] == pytest.approx(single["final_eval_loss"], rel=0.05), (
        "the 2-process run should reach the 1-process run's validation loss within 5%: "
        f"{double['final_eval_loss']:.4f} against {single['final_eval_loss']:.4f}")
