"""The masking probes are TD 3's contract's own (one contract, one child for TD 3), and
their specs pass on a correct example folder in its sandbox."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[2]
SPECS = [ROOT / "specs" / "td3" / name for name in
         ("test_masks_every_epoch.py", "test_mlm_perplexity_not_comparable.py")]


def test_the_masking_specs_use_td3s_one_contract():
    for spec in SPECS:
        text = spec.read_text(encoding="utf-8")
        assert "from labs.lm.contract import probe_" in text and ".contract(" not in text


@pytest.mark.slow
def test_the_specs_pass_on_a_correct_folder_in_its_sandbox():
    outcomes = spec_runs.run_specs([str(path) for path in SPECS],
                                   ROOT / "tests" / "submissions" / "td3" / "correct_notebook")
    assert len(outcomes) == 3 and set(outcomes.values()) == {"passed"}, outcomes
