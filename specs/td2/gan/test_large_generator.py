"""A much larger generator can make complex shapes but trains slower or less stably (the
report's reading).

Runs: the ring preset with its generator (2 hidden layers of 10) or a much larger one (4 of
40), same seed, 100, 250 and 500 steps. Measure: the JS divergence of the generated points
(``spec_cases.js_to_real``).

Calibration (seeds 0-23), median JS (sd across seeds) preset / large: 100 steps 0.714
(0.153) / 0.629 (0.180); 250 steps 0.495 (0.149) / 0.528 (0.143); 500 steps 0.405 (0.174)
/ 0.415 (0.133). The larger generator is ahead early, level later, and no less consistent
across seeds: not reproduced, an expected failure with these numbers, not run.
"""
from __future__ import annotations

import pytest

from labs.gan.spec_cases import describe, generator_size_run, js_to_real

EARLY_STEPS = 100


@pytest.mark.xfail(run=False, reason=(
    "not reproduced: on the ring (seeds 0-23) a 4 x 40 generator reaches median JS 0.629 "
    "after 100 steps against 0.714 for the preset's 2 x 10 (0.528 / 0.495 after 250, "
    "0.415 / 0.405 after 500; sd across seeds 0.13-0.18 for both)"))
def test_much_larger_generator_trains_slower_or_less_stably(gan, spec_seed):
    """A much larger generator trains slower or less stably (the report's reading).

    Fails on: a much larger generator that is ahead of the preset's after 100 steps, as a
    faithful run's is (an expected failure: the report's reading is not reproduced)."""
    preset, large = (generator_size_run(flag, spec_seed, EARLY_STEPS) for flag in (False, True))
    js = {name: js_to_real(gan.train(run)["samples"], "ring")
          for name, run in (("preset", preset), ("large", large))}
    assert js["large"] > js["preset"], (
        "a much larger generator should train slower: after 100 steps its points should "
        f"still be further from the ring; JS {js['large']:.3f} for {describe(large)} against "
        f"{js['preset']:.3f} for {describe(preset)}")
