"""The project's path equals NVIDIA's gen_images.py, byte for byte, on NVIDIA's own StyleGAN3
code, on CPU, every run.

The network: NVIDIA's ``training.networks_stylegan3.Generator`` at 32x32 with few channels
and random weights, pickled as training does (``labs.stylegan.nvidia_network``). The images
(``labs.stylegan.nvidia_runs``, run in the background from collection on): gen_images.py,
unmodified, on CPU (``labs.stylegan.gen_images_cpu``); ``python -m labs stylegan --network
PKL --device cpu`` for the report's seeds; and ``labs.stylegan.pipeline`` on the pickle loaded
as that command loads it, in a third process, for the same seeds and for gen_images.py's
other options (psi 0 and 0.7, noise_mode, translate and rotate). All run NVIDIA's reference
(non-CUDA) ops in float32 on one thread: deterministic, so every comparison is exact
(measured: no value differs). These check the project's own code: with --submission they
are skipped (``test_stylegan_nvidia_generate.py`` grades a student's generate on the same
network). Skipped, saying so, without NVIDIA's code.

Fixed seeds (the report's 2, 674 and 1024; --spec-seed does not offset them): gen_images.py
runs once per session, and the comparison is exact.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from labs.stylegan.conventions import REPORT_SEEDS, image_filename
from labs.stylegan.images import read_png


@pytest.fixture(scope="module", autouse=True)
def _reference_only(request):
    if request.config.getoption("--submission"):
        pytest.skip("checks the project's own path on NVIDIA's code, not a submission")


def _difference(ours: np.ndarray, theirs: np.ndarray) -> str:
    if ours.shape != theirs.shape:
        return f"shapes {ours.shape} and {theirs.shape}"
    step = np.abs(ours.astype(int) - theirs.astype(int))
    return f"{(step > 0).mean():.2%} of the values differ, by up to {step.max()}"


def _same_png(ours: Path, theirs: Path) -> tuple[bool, str]:
    """Whether two PNG files are identical, and if not, how their pixels differ."""
    if not ours.exists() or not theirs.exists():
        return False, f"{ours if not ours.exists() else theirs} is missing"
    same = ours.read_bytes() == theirs.read_bytes()
    return same, "" if same else _difference(read_png(ours), read_png(theirs))


@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_report_seeds_equal_gen_images_byte_for_byte(nvidia, seed):
    """NVIDIA's code on CPU: the report's seeds give gen_images.py's PNGs byte for byte.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches a project path whose latent, label, psi, noise mode or
    uint8 conversion drifts from gen_images.py's."""
    name = image_filename(seed)
    same, how = _same_png(nvidia.cli / name, nvidia.gen_images("report") / name)
    assert same, (
        f"python -m labs stylegan --network PKL --device cpu should write, for seed {seed}, the "
        f"PNG gen_images.py writes (same latent, label, psi, noise_mode, uint8 conversion); {how}")


@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_same_seed_gives_byte_identical_pngs_in_two_processes(nvidia, seed):
    """The same seed gives byte-identical PNGs in two processes.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches a project path whose image depends on the process (an
    unseeded draw, random noise mode)."""
    name = image_filename(seed)
    same, how = _same_png(nvidia.cli / name, nvidia.project("report") / name)
    assert same, (
        f"seed {seed} on the same pickle should give the same PNG, to the byte, in two "
        f"processes (python -m labs stylegan's and another); {how}")


def test_file_names_follow_gen_images_and_seeds_differ(nvidia):
    """File names follow gen_images.py, and different seeds give different images.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches files named otherwise than seed{seed:04d}.png, or one
    image for every seed."""
    ours = sorted(path.name for path in nvidia.cli.iterdir())
    theirs = sorted(path.name for path in nvidia.gen_images("report").iterdir())
    expected = sorted(image_filename(seed) for seed in REPORT_SEEDS)
    assert ours == theirs == expected, (
        f"images should be named seed{{seed:04d}}.png as gen_images.py names them; the project "
        f"wrote {ours}, gen_images.py {theirs}, expected {expected}")
    contents = {(nvidia.cli / name).read_bytes() for name in ours}
    assert len(contents) == len(ours), (
        f"seeds {REPORT_SEEDS} should give {len(ours)} different images; {len(contents)} differ")


def test_psi_0_gives_one_image_for_all_seeds(nvidia):
    """NVIDIA's code on CPU: truncation psi 0 gives one image for all seeds.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches a project path that does not pass truncation_psi to G."""
    theirs = nvidia.gen_images("psi0") / image_filename(REPORT_SEEDS[0])
    for seed in REPORT_SEEDS:
        same, how = _same_png(nvidia.project("psi0") / image_filename(seed), theirs)
        assert same, (f"with psi 0 every seed's w is w_avg, so seed {seed} should give "
                      f"gen_images.py's psi 0 image of seed {REPORT_SEEDS[0]}; {how}")


def test_truncation_equals_gen_images(nvidia):
    """NVIDIA's code on CPU: truncation equals gen_images.py's.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches a project path that ignores psi 0.7 or truncates
    otherwise than gen_images.py."""
    name = image_filename(674)
    same, how = _same_png(nvidia.project("trunc") / name, nvidia.gen_images("trunc") / name)
    assert same, f"seed 674 at psi 0.7 should give gen_images.py's image; {how}"
    assert (nvidia.project("trunc") / name).read_bytes() != (nvidia.cli / name).read_bytes(), (
        "seed 674 gave the same image at psi 0.7 as at psi 1: truncation did nothing")


def test_translate_rotate_equal_gen_images(nvidia):
    """NVIDIA's code on CPU: translate and rotate equal gen_images.py's.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches --translate and --rotate ignored, or applied without
    inverting make_transform."""
    name = image_filename(1024)
    same, how = _same_png(nvidia.project("transform") / name, nvidia.gen_images("transform") / name)
    assert same, (
        "seed 1024 with --noise-mode random --translate 0.3,1 --rotate 30 should give "
        "gen_images.py's image (the inverse of make_transform(translate, rotate) in "
        f"G.synthesis.input.transform); {how}")
    assert (nvidia.project("transform") / name).read_bytes() != (nvidia.cli / name).read_bytes(), (
        "translate 0.3,1 and rotate 30 gave the untransformed image of seed 1024")


def test_cpu_run_says_images_are_not_promised_to_equal_gpu_images(nvidia):
    """A CPU run says its images are not promised to equal GPU images.

    Fails on: nothing a submission does (it checks the project's own stylegan path, skipped with
    --submission, 0 points); it catches a CPU run that does not say, in one note, that its images
    are not promised to equal GPU images."""
    notes = [line for line in nvidia.cli_output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "not promised to equal GPU images" in notes[0], (
        "python -m labs stylegan --device cpu should say, in one line, that CPU images are "
        f"not promised to equal GPU images; its output began {nvidia.cli_output[:300]!r}")
