"""``call(probe, ..., repeat=n)``: the one way to ask for a repeated call. The probe runs n
times in the same child process (a student's module state survives between the calls), the
n results come back as one list, cached as one entry; a submission whose second call
differs fails the determinism specs; the child refuses a probe its contract did not
register."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from labs.perceptron.contract import probe_train
from labs.sandbox.child import Limits
from labs.sandbox.isolation import command_prefix
from labs.suite.spec_runs import run_specs
from labs.suite.submission import FolderSubmission

ROOT = Path(__file__).resolve().parents[2]
LIMITS = Limits(call_timeout=120.0, total_budget=600.0, memory_mb=1024)
# a correct train, except that every call after the first starts from other weights
DRIFTING = '''
import numpy as np

CALLS = [0]


def train(desired, coeff, iterations, seed):
    CALLS[0] += 1
    weights = np.random.default_rng(seed).random(3) + (CALLS[0] - 1)
    return {"weights": weights, "errors": np.zeros(iterations)}
'''


@pytest.fixture
def drifting(tmp_path) -> Path:
    (tmp_path / "perceptron.py").write_text(DRIFTING, encoding="utf-8")
    return tmp_path


def test_repeat_calls_the_student_n_times_in_one_process(drifting):
    submission = FolderSubmission(drifting, LIMITS, command_prefix())
    try:
        bound = submission.contract("labs.perceptron.contract")
        first, second = bound.call(probe_train, [0, 0, 0, 1], 0.7, 3, 0, repeat=2)
        assert second["weights"].tolist() == [w + 1 for w in first["weights"].tolist()]
        assert bound.call(probe_train, [0, 0, 0, 1], 0.7, 3, 0, repeat=2)[1] is second  # cached
        single = bound.call(probe_train, [0, 0, 0, 1], 0.7, 3, 0)  # a third call, same child
        assert single["weights"].tolist() == [w + 2 for w in first["weights"].tolist()]
    finally:
        submission.close()


def test_the_child_refuses_a_probe_its_contract_did_not_register(drifting):
    submission = FolderSubmission(drifting, LIMITS, command_prefix())
    try:
        child = submission._child("labs.perceptron.contract")
        child.start()
        for name in ("run_fields", "probe_missing", "__import__"):
            answer = child.request({"probe": name, "args": [{}], "kwargs": {}}, 60)
            assert answer["error"]["kind"] == "probe", answer
            assert f"labs.perceptron.contract has no probe {name!r}" in answer["error"]["message"]
    finally:
        submission.close()


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_a_submission_whose_second_call_differs_fails_the_determinism_spec(drifting):
    outcomes = run_specs([str(ROOT / "specs" / "td1" / "test_determinism.py")], drifting)
    assert outcomes["test_same_seed_same_run_to_the_bit"] == "failed", outcomes
    assert outcomes["test_different_seeds_different_initial_weights"] == "passed", outcomes


class Drifting:
    """A stand-in client whose every repeated call answers differently from the last."""

    def __init__(self, answer):
        self.answer = answer  # answer(k): the k-th call's result

    def train(self, *args, repeat=None, **kwargs):
        assert repeat == 2, "the determinism specs ask for the same call twice"
        return [self.answer(k) for k in range(repeat)]


def _spec(path: str):
    import importlib.util

    location = ROOT / "specs" / path
    module_spec = importlib.util.spec_from_file_location(f"spec_{location.stem}", location)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


def test_the_gan_determinism_spec_fails_when_the_second_run_differs():
    def run(k):
        return {"samples": np.full((4, 2), float(k)),
                "history": {"d_loss": np.zeros(3), "g_loss": np.zeros(3)}}

    with pytest.raises(AssertionError, match="same generated points to the bit"):
        _spec("td2/gan/test_determinism.py").test_same_seed_gives_the_same_run_to_the_bit(
            Drifting(run), 0)


def test_the_language_model_determinism_spec_fails_when_the_second_run_differs():
    def run(k):
        return {"epochs": [{"train_loss": 5.0, "eval_loss": 5.0 + k}], "eval_loss": 5.0 + k}

    with pytest.raises(AssertionError, match="should give the same losses"):
        _spec("td3/test_training.py").test_the_same_seed_gives_the_same_losses(
            Drifting(run), 0, "clm")
