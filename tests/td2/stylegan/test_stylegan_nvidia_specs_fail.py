"""The specs of ``specs/td2/stylegan/test_stylegan_nvidia_cpu.py`` fail on wrong variants of
the project's path, rendered with NVIDIA's network: each spec is called on a copy of the
runs' folder whose project images come from one mistake (the wrong latent generator, psi
not passed, the transform not inverted, PNGs with a timestamp, other file names, no CPU
note). Slow (the runs and the wrong images: about 15 s of CPU); skipped without NVIDIA's code.
The student's spec (``test_stylegan_nvidia_generate.py``) is shown to fail on the example
folders, in ``test_stylegan_student_folders.py``.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import numpy as np
import PIL.Image
import PIL.PngImagePlugin
import pytest
import torch

from labs.stylegan.conventions import REPORT_SEEDS, image_filename
from labs.stylegan.images import save_png, to_uint8
from labs.stylegan.nvidia_runs import NvidiaRuns, find_repo, write_runs
from labs.stylegan.real_network import load_network
from labs.stylegan.transform import make_transform
from labs.torch_threads import torch_threads

SPEC = Path(__file__).resolve().parents[3] / "specs" / "td2" / "stylegan" / "test_stylegan_nvidia_cpu.py"

pytestmark = pytest.mark.slow


def _spec_module():
    spec = importlib.util.spec_from_file_location("nvidia_cpu_spec", SPEC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> NvidiaRuns:
    repo = find_repo()
    if repo is None:
        pytest.skip("no checkout of NVlabs/stylegan3 (--stylegan3-repo or LABS_STYLEGAN3_REPO)")
    return write_runs(repo, tmp_path_factory.mktemp("stylegan3"))


@pytest.fixture(scope="module")
def G(runs):
    return load_network(str(runs.network_pkl), find_repo(), "cpu")


@pytest.fixture(scope="module")
def spec():
    return _spec_module()


def _render(G, seed: int, psi: float = 1.0, latent=None, transform=None) -> np.ndarray:
    """gen_images.py's steps, with one of them replaced."""
    z = latent(seed) if latent else np.random.RandomState(seed).randn(1, G.z_dim)
    G.synthesis.input.transform.copy_(torch.from_numpy(np.eye(3) if transform is None else transform))
    with torch.no_grad(), torch_threads(1):
        return to_uint8(G(torch.from_numpy(z), torch.zeros([1, 0]), truncation_psi=psi,
                          noise_mode="const"))[0]


def _copy(runs: NvidiaRuns, tmp_path: Path) -> NvidiaRuns:
    shutil.copytree(runs.folder, tmp_path / "runs")
    return NvidiaRuns(tmp_path / "runs")


def test_the_specs_pass_on_the_runs(runs, spec):
    for seed in REPORT_SEEDS:
        spec.test_report_seeds_equal_gen_images_byte_for_byte(runs, seed)
        spec.test_same_seed_gives_byte_identical_pngs_in_two_processes(runs, seed)
    spec.test_file_names_follow_gen_images_and_seeds_differ(runs)
    spec.test_psi_0_gives_one_image_for_all_seeds(runs)
    spec.test_truncation_equals_gen_images(runs)
    spec.test_translate_rotate_equal_gen_images(runs)
    spec.test_cpu_run_says_images_are_not_promised_to_equal_gpu_images(runs)


def test_another_latent_generator_fails_the_byte_for_byte_spec(runs, G, spec, tmp_path):
    wrong = _copy(runs, tmp_path)
    other = lambda seed: np.random.default_rng(seed).standard_normal((1, G.z_dim))  # noqa: E731
    save_png(_render(G, 674, latent=other), wrong.cli / image_filename(674))
    with pytest.raises(AssertionError, match="of the values differ"):
        spec.test_report_seeds_equal_gen_images_byte_for_byte(wrong, 674)


def test_a_timestamp_in_the_png_fails_the_two_processes_spec(runs, spec, tmp_path):
    wrong = _copy(runs, tmp_path)
    path = wrong.project("report") / image_filename(2)
    info = PIL.PngImagePlugin.PngInfo()
    info.add_text("Creation Time", "2026-11-30T04:50:00")  # same pixels, other bytes
    with PIL.Image.open(path) as image:
        image.load()
        image.save(path, pnginfo=info)
    with pytest.raises(AssertionError, match="to the byte"):
        spec.test_same_seed_gives_byte_identical_pngs_in_two_processes(wrong, 2)


def test_other_file_names_fail_the_names_spec(runs, spec, tmp_path):
    wrong = _copy(runs, tmp_path)
    (wrong.cli / image_filename(2)).rename(wrong.cli / "seed2.png")
    with pytest.raises(AssertionError, match="named seed"):
        spec.test_file_names_follow_gen_images_and_seeds_differ(wrong)


def test_psi_not_passed_fails_the_psi_0_and_truncation_specs(runs, G, spec, tmp_path):
    wrong = _copy(runs, tmp_path)
    save_png(_render(G, 674, psi=1.0), wrong.project("psi0") / image_filename(674))
    save_png(_render(G, 674, psi=1.0), wrong.project("trunc") / image_filename(674))
    with pytest.raises(AssertionError, match="psi 0 image"):
        spec.test_psi_0_gives_one_image_for_all_seeds(wrong)
    with pytest.raises(AssertionError, match="psi 0.7"):
        spec.test_truncation_equals_gen_images(wrong)


def test_a_transform_not_inverted_fails_the_translate_rotate_spec(runs, G, spec, tmp_path):
    wrong = _copy(runs, tmp_path)
    image = _render(G, 1024, transform=make_transform((0.3, 1.0), 30.0))  # gen_images inverts it
    save_png(image, wrong.project("transform") / image_filename(1024))
    with pytest.raises(AssertionError, match="make_transform"):
        spec.test_translate_rotate_equal_gen_images(wrong)


def test_no_cpu_note_fails_the_note_spec(runs, spec, tmp_path):
    wrong = _copy(runs, tmp_path)
    output = wrong.folder / "project-cli.out"
    output.write_text("".join(line for line in output.read_text().splitlines(keepends=True)
                              if not line.startswith("note:")))
    with pytest.raises(AssertionError, match="not promised"):
        spec.test_cpu_run_says_images_are_not_promised_to_equal_gpu_images(wrong)
