"""The masking probes' contract reaches a student's sandboxed child with everything TD 3's
contract needs, and its specs pass on a correct example folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.suite import spec_runs
from labs.suite.contract import load_contract
from labs.suite.worker_tree import child_modules

ROOT = Path(__file__).resolve().parents[2]
SPECS = [ROOT / "specs" / "td3" / name for name in
         ("test_masks_every_epoch.py", "test_mlm_perplexity_not_comparable.py")]


def test_the_child_gets_td3s_contract_and_its_harness():
    masking = set(child_modules(load_contract("labs.lm.masking.contract")))
    assert set(child_modules(load_contract("labs.lm.contract"))) <= masking


@pytest.mark.slow
def test_the_specs_pass_on_a_correct_folder_in_its_sandbox():
    outcomes = spec_runs.run_specs([str(path) for path in SPECS],
                                   ROOT / "tests" / "submissions" / "td3" / "correct_notebook")
    assert len(outcomes) == 3 and set(outcomes.values()) == {"passed"}, outcomes
