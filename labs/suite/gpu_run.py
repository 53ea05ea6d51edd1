"""``bash .ci/gpu``: every gpu-marked test and benchmark, in one pytest run, on one GPU.

``python -m labs.suite.gpu_run [--out DIR] [PYTEST ARGUMENTS...]`` (what ``.ci/gpu`` runs):

- without a CUDA device (or without torch), it prints one line saying that nothing ran and
  why, and exits 0;
- otherwise it runs ``pytest -m gpu -n 0`` (the ``[cuda]`` variants, ``labs.suite.devices``)
  with ``labs.suite.gpu_report`` writing ``DIR/gpu-report.json``; the benchmarks are saved
  with pytest-benchmark's ``--benchmark-autosave`` in a folder of their own per card
  (``.benchmarks/gpu/<card name>``, or ``$LABS_GPU_BENCHMARKS``) and, from the second run on
  the same kind of card, compared with the last one there (``--benchmark-compare``). It
  exits with pytest's status.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Sequence

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REPORT_NAME = "gpu-report.json"
STORAGE_VARIABLE = "LABS_GPU_BENCHMARKS"


def cuda_problem() -> str | None:
    """Why no check can run here (no torch, no CUDA device), or None."""
    try:
        import torch
    except ImportError:
        return f"{sys.executable} has no torch"
    if not torch.cuda.is_available():
        return f"torch {torch.__version__} ({sys.executable}) finds no CUDA device"
    return None


def card_folder(card: str) -> str:
    """A folder name for a card: 'NVIDIA H100 80GB HBM3' -> 'NVIDIA-H100-80GB-HBM3'."""
    return re.sub(r"[^A-Za-z0-9.]+", "-", card).strip("-") or "unknown-card"


def pytest_arguments(report: Path, storage: Path, extra: Sequence[str] = ()) -> list[str]:
    """The one pytest run: the gpu-marked tests in one process, the report, the benchmarks
    saved in ``storage`` and compared with its last run when it holds one."""
    arguments = ["-m", "gpu", "-n", "0", "-p", "labs.suite.gpu_report",
                 f"--gpu-report={report}", "--benchmark-autosave",
                 f"--benchmark-storage={storage}"]
    if any(storage.glob("*/*.json")):  # pytest-benchmark's layout: <machine id>/NNNN_*.json
        arguments.append("--benchmark-compare")
    return arguments + list(extra)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bash .ci/gpu", description=__doc__.split("\n\n")[0].strip("`"),
        epilog="other arguments go to pytest (for example -k stylegan, --stylegan3-pkl PKL, "
               "--wikitext-dir DIR)")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help=f"folder of {REPORT_NAME} (default: $OUT, else the current folder)")
    args, extra = parser.parse_known_args(argv)
    problem = cuda_problem()
    if problem:
        print(f"bash .ci/gpu: nothing ran: {problem}")
        return 0
    import pytest
    import torch

    out = args.out or Path(os.environ.get("OUT") or ".")
    storage = Path(os.environ.get(STORAGE_VARIABLE) or PROJECT_ROOT / ".benchmarks" / "gpu"
                   / card_folder(torch.cuda.get_device_name(0)))
    os.chdir(PROJECT_ROOT)  # pytest's configuration and test paths are the project's
    return int(pytest.main(pytest_arguments(out.resolve() / REPORT_NAME, storage, extra)))


if __name__ == "__main__":
    sys.exit(main())
