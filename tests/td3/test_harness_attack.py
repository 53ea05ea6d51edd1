"""TD 3's harness is the grader's: a folder that patches whatever harness its child holds
fools nothing, since the runs train on the trusted side and the child's modules hold no
harness. A file of its own, so that this grading (half a minute) runs beside the other
example folders' in a parallel run (one file is one worker's)."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[2]
ATTACK = ROOT / "tests" / "submissions" / "td3" / "attack_fakes_the_harness"


@pytest.mark.slow
def test_a_folder_that_patches_the_harness_in_its_child_changes_no_run():
    """The runs train on the trusted side: patching whatever harness the child holds fools
    nothing, and the wrong perplexity is charged."""
    outcomes = spec_runs.run_specs([str(ROOT / "specs" / "td3" / "test_run_perplexity.py")],
                                   ATTACK)
    assert outcomes["test_runs_report_exp_of_their_final_evaluation"] == "failed", outcomes


def test_the_childs_modules_hold_no_training_harness():
    from labs.lm import contract
    from labs.sandbox.worker_tree import child_modules

    modules = child_modules(contract)
    for harness in ("labs.lm.trainer", "labs.lm.models", "labs.lm.scores", "labs.lm.baselines",
                    "labs.lm.entropy", "labs.lm.mask_channel"):
        assert harness not in modules, modules
