"""The TD 2 StyleGAN specs on example student folders, one pytest process each, all at once.

The wrong folders run only the spec files their mistakes concern (keeps the suite fast).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from labs.stylegan.nvidia_runs import find_repo
from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[3]
FOLDERS = ROOT / "tests" / "submissions" / "td2_stylegan"
SPECS = ROOT / "specs" / "td2" / "stylegan"
RUNS = {  # folder -> spec files (None: all but the two that skip for any submission)
    "correct": None,
    "latent_only": ["test_stylegan_uint8.py"],
    "wrong_global_seed_float32": ["test_stylegan_latents.py"],
    "wrong_default_rng": ["test_stylegan_latents.py", "test_stylegan_same_seed_same_image.py",
                          "test_stylegan_nvidia_generate.py"],
    "wrong_conversion_ignores_psi": ["test_stylegan_uint8.py", "test_stylegan_truncation.py",
                                     "test_stylegan_nvidia_generate.py"],
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, str]]:
    """Outcome ('passed', 'failed', 'skipped') of every spec run, per folder."""
    def run(name: str) -> dict[str, str]:
        files = RUNS[name]
        targets = [str(SPECS / f) for f in files] if files else [
            str(SPECS), f"--ignore={SPECS / 'test_stylegan_two_processes.py'}",
            f"--ignore={SPECS / 'test_stylegan_real_network_gpu.py'}"]
        return spec_runs.run_specs(targets, FOLDERS / name)  # no clock: calls have limits

    with ThreadPoolExecutor(max_workers=len(RUNS)) as runs:  # the folders' runs at once
        return dict(zip(RUNS, runs.map(run, RUNS)))


def test_correct_folder_passes_every_spec_it_can(outcomes):
    cases = outcomes["correct"]
    assert len(cases) >= 35
    assert [name for name, outcome in cases.items() if outcome == "failed"] == []
    assert sum(outcome == "passed" for outcome in cases.values()) >= 35
    on_nvidia = cases["test_generate_on_stylegan3_equals_gen_images[674-0.7-trunc]"]
    assert on_nvidia == ("skipped" if find_repo() is None else "passed")


def test_missing_generate_skips_its_specs(outcomes):
    cases = outcomes["latent_only"]
    assert cases and set(cases.values()) == {"skipped"}


def test_global_seed_and_float32_are_caught(outcomes):
    cases = outcomes["wrong_global_seed_float32"]
    for name in ("test_latent_is_float64_of_shape_1_by_512[2]",
                 "test_latent_equals_the_numpy_convention[7-512]",
                 "test_drawing_a_latent_leaves_numpy_global_state_alone"):
        assert cases[name] == "failed", name
    assert cases["test_default_z_dim_is_512"] == "passed"


def test_default_rng_is_caught_though_it_is_deterministic(outcomes):
    cases = outcomes["wrong_default_rng"]
    for name in ("test_latent_equals_the_numpy_convention[0-512]",
                 "test_report_seed_latents_match_golden",
                 "test_image_equals_gen_images_pipeline[1.0-674]"):
        assert cases[name] == "failed", name
    _fails_on_nvidia(cases)
    assert cases["test_same_seed_gives_the_same_image_on_a_rebuilt_network[674]"] == "passed"


def test_conversion_and_ignored_psi_are_caught(outcomes):
    cases = outcomes["wrong_conversion_ignores_psi"]
    for name in ("test_uint8_conversion_matches_the_formula", "test_uint8_edge_values[0.0]",
                 "test_uint8_edge_values[2.0]", "test_psi_0_gives_the_same_image_for_every_seed"):
        assert cases[name] == "failed", name
    assert cases["test_uint8_edge_values[-1.0]"] == "passed"
    _fails_on_nvidia(cases)


def _fails_on_nvidia(cases: dict[str, str]) -> None:
    """The student's generate on NVIDIA's StyleGAN3 fails too (skipped without its code)."""
    outcome = cases["test_generate_on_stylegan3_equals_gen_images[674-0.7-trunc]"]
    assert outcome == ("skipped" if find_repo() is None else "failed")
