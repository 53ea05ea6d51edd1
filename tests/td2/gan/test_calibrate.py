"""``python -m labs.gan.calibrate`` prints each experiment's statistic per spec seed, the
same number the spec compares with its threshold."""
from __future__ import annotations

import pytest

from labs.gan import calibrate
from labs.gan.contract import GAN
from labs.gan.spec_cases import EXPERIMENTS
from labs.suite.submission import ReferenceSubmission


def test_calibrate_prints_the_specs_statistic_and_verdict(capsys):
    calibrate.main(["--seeds", "2", "--only", "noise_centre"])
    printed = capsys.readouterr().out
    runs = GAN.of(ReferenceSubmission())
    for name in ("noise_centre[1]", "noise_centre[2]"):
        assert f"## {name}: reference, spec seeds 0-1" in printed
        values = " ".join(f"{EXPERIMENTS[name].run(runs, seed).value:.3g}" for seed in (0, 1))
        assert f"| {values}" in printed


def test_runs_prints_each_spec_seeds_runs(capsys):
    calibrate.main(["--seeds", "2", "--first", "5", "--only", "strong_discriminator", "--runs"])
    printed = capsys.readouterr().out
    details = EXPERIMENTS["strong_discriminator"].run(GAN.of(ReferenceSubmission()), 6).details
    assert f"strong_discriminator, spec seed 6: {details}" in printed
    assert details.startswith("falls [") and "seeds [18, 19, 20]" in details


def test_an_unknown_measure_is_named():
    with pytest.raises(SystemExit, match="no measure 'presets\\[donut\\]'"):
        calibrate.chosen(["presets[donut]"])
    assert calibrate.chosen(["presets"]) == [f"presets[{p}]" for p in
                                             ("gaussians", "ring", "line", "disjoint")]


@pytest.mark.slow  # every given-weights probe of a spec seed, and each float32 spread
def test_given_weights_prints_each_probes_gap(capsys):
    from labs.gan.given_weights import weight_gap

    calibrate.main(["--seeds", "1", "--first", "4", "--only", "given_weights"])
    printed = capsys.readouterr().out
    assert "## given_weights: reference, spec seeds 4-4" in printed
    gap, _ = weight_gap(GAN.of(ReferenceSubmission()), "minimax", 4)
    assert f"weights[minimax]: min {gap:.4g}" in printed
    assert "g_grad_norm[least_squares]" in printed and "d_accuracy[minimax]" in printed
