"""Same seed, same image, to the byte, in two separate processes: ``python -m labs stylegan``
run twice at once (the miniature generator at 32x32, to keep it fast); the files are named
as gen_images.py names them. This checks the reference command line: with --submission it is
skipped (a submission's generate is checked within one process by the other specs).

Deterministic: no calibration needed. Seeds 2, 674, 1024 offset by --spec-seed.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
REPORT_SEEDS = (2, 674, 1024)

# two processes, about 2 s of CPU each (importing torch): a documented spec, so not slow-marked


@pytest.fixture(scope="module")
def two_runs(request, spec_seed, tmp_path_factory) -> tuple[list[int], list[Path]]:
    if request.config.getoption("--submission"):
        pytest.skip("checks the reference command line (python -m labs stylegan), not a submission")
    seeds = [base + spec_seed for base in REPORT_SEEDS]
    folders = [tmp_path_factory.mktemp("stylegan") / name for name in ("first", "second")]
    command = [sys.executable, "-m", "labs", "stylegan", "--resolution", "32",
               "--seeds", ",".join(map(str, seeds)), "--out"]
    processes = [subprocess.Popen([*command, str(folder)], cwd=ROOT, text=True,
                                  env={**os.environ, "PYTHONHASHSEED": str(number)},
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for number, folder in enumerate(folders)]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, f"python -m labs stylegan failed: {err.strip()[-2000:]}"
    return seeds, folders


def test_file_names_follow_gen_images(two_runs):
    """The command line names files seed0000.png as gen_images.py.

    Fails on: nothing a submission does (it checks the reference command line, skipped with
    --submission, 0 points); it catches files named otherwise than seed{seed:04d}.png."""
    seeds, folders = two_runs
    names = sorted(path.name for path in folders[0].iterdir())
    expected = sorted(f"seed{seed:04d}.png" for seed in seeds)
    assert names == expected, (f"the images should be named seed{{seed:04d}}.png as gen_images.py "
                               f"names them; found {names}, expected {expected}")


def test_same_seed_gives_byte_identical_pngs_in_two_processes(two_runs):
    """The same seed gives byte-identical PNGs in two processes.

    Fails on: nothing a submission does (it checks the reference command line, skipped with
    --submission, 0 points); it catches an image that depends on the process (hash seed, an
    unseeded draw)."""
    seeds, (first, second) = two_runs
    for seed in seeds:
        name = f"seed{seed:04d}.png"
        assert (first / name).read_bytes() == (second / name).read_bytes(), (
            f"the same seed ({seed}) and network should give the same PNG, to the byte, in two "
            f"separate processes; {first / name} and {second / name} differ")


def test_different_seeds_give_different_pngs(two_runs):
    """Different seeds give different PNGs.

    Fails on: nothing a submission does (it checks the reference command line, skipped with
    --submission, 0 points); it catches a command line that ignores --seeds."""
    seeds, (first, _) = two_runs
    contents = {(first / f"seed{seed:04d}.png").read_bytes() for seed in seeds}
    assert len(contents) == len(seeds), (
        f"seeds {seeds} should give {len(seeds)} different images; only {len(contents)} differ")
