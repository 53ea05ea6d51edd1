"""The TD 2 GAN specs run on example student folders, in a separate pytest process each."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[3]
SPECS = ROOT / "specs" / "td2" / "gan"
FOLDERS = ROOT / "tests" / "submissions" / "td2_gan"
WRONG = "wrong_untruncated_noise_round_ring_one_d_update"


@lru_cache(maxsize=None)
def run_specs(folder: str, files: tuple[str, ...] = ()) -> dict[str, str]:
    """Outcome ('passed', 'failed', 'skipped') of every TD 2 GAN spec run on one folder."""
    return spec_runs.run_specs([str(SPECS / name) for name in files] or [str(SPECS)],
                               FOLDERS / folder)


@pytest.mark.slow
def test_correct_folder_passes_the_specs():
    # a subset, to keep the suite fast: every spec passes on this folder for --spec-seed 0-4
    # (checked by hand with the full set: pytest specs/td2/gan --submission ...correct)
    outcomes = run_specs("correct", (
        "test_noise.py", "test_real_distributions.py", "test_determinism.py",
        "test_discriminator_strength.py::test_weak_discriminator_is_fooled_while_samples_stay_poor"))
    assert len(outcomes) >= 20
    assert [name for name, outcome in outcomes.items() if outcome == "failed"] == []
    assert outcomes["test_weak_discriminator_is_fooled_while_samples_stay_poor"] == "passed"


@pytest.mark.slow
def test_wrong_folder_is_caught_on_each_mistake():
    outcomes = run_specs(WRONG, ("test_noise.py", "test_real_distributions.py",
                                 "test_update_ratio.py"))
    for name in ("test_noise_lives_in_the_unit_interval_centred_on_half[2-gaussian]",
                 "test_gaussian_noise_concentrates_near_the_centre[2]",
                 "test_ring_is_gan_labs_ellipse",
                 "test_five_to_one_keeps_the_discriminator_loss_lower"):
        assert outcomes[name] == "failed", name
    for name in ("test_noise_lives_in_the_unit_interval_centred_on_half[2-uniform]",
                 "test_line_is_gan_labs_segment", "test_disjoint_is_three_equal_blobs"):
        assert outcomes[name] == "passed", name


@pytest.mark.slow
def test_a_correct_folder_with_losses_on_probabilities_passes_the_strong_discriminator_spec():
    """log(p + 1e-7) instead of logsigmoid: a correct GAN written from the textbook formulas
    (calibration of the spec on it: see the spec's docstring)."""
    outcomes = run_specs("correct_losses_without_logits", ("test_discriminator_strength.py",))
    assert outcomes == {
        "test_strong_discriminator_starves_the_generator_with_the_saturating_loss": "passed",
        "test_weak_discriminator_is_fooled_while_samples_stay_poor": "passed"}


@pytest.mark.slow
def test_a_minimax_loss_that_does_not_saturate_fails_the_strong_discriminator_spec():
    outcomes = run_specs("wrong_minimax_does_not_saturate", (
        "test_discriminator_strength.py::"
        "test_strong_discriminator_starves_the_generator_with_the_saturating_loss",))
    assert outcomes == {
        "test_strong_discriminator_starves_the_generator_with_the_saturating_loss": "failed"}
