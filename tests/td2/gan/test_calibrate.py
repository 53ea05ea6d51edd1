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


def test_an_unknown_measure_is_named():
    with pytest.raises(SystemExit, match="no measure 'presets\\[donut\\]'"):
        calibrate.chosen(["presets[donut]"])
    assert calibrate.chosen(["presets"]) == [f"presets[{p}]" for p in
                                             ("gaussians", "ring", "line", "disjoint")]
