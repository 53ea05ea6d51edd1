"""The TD 2 GAN contract accepts the documented shapes of a student's run."""
from __future__ import annotations

import numpy as np
import pytest

from labs.gan.contract import ContractViolation, history_fields, probe_train


def test_history_as_a_list_of_per_step_dicts():
    fields = history_fields([{"d_loss": 1.0, "g_loss": 2.0}, {"d_loss": 0.5, "g_loss": 1.5}])
    np.testing.assert_array_equal(fields["d_loss"], [1.0, 0.5])
    assert fields["g_grad_norm"] is None


def test_history_without_losses_is_a_contract_violation():
    with pytest.raises(ContractViolation, match="history has no `g_loss`"):
        history_fields({"d_loss": [1.0]})


def test_run_as_a_dict_with_a_sample_function():
    class Impl:
        @staticmethod
        def train_gan(config):
            return {"sample": lambda n: np.zeros((n, 2)), "history": {"d_loss": [1.0], "g_loss": [1.0]}}
    result = probe_train(Impl(), {"steps": 1}, 3)
    assert result["samples"].shape == (3, 2)


def _run(points: np.ndarray, d_loss: list[float]) -> dict:
    return {"samples": points, "history": {"d_loss": np.array(d_loss), "g_loss": np.array(d_loss)}}


def test_a_run_played_back_for_another_seed_fails_the_fields_it_repeats():
    """A table of recorded runs answers every seed with the same run: the samples (or the
    history) that repeat another seed's, bit for bit, fail when a spec reads them."""
    from labs.gan.contract import GAN
    from labs.gan.spec_cases import SAMPLES, preset_run

    points = np.random.default_rng(0).normal(size=(SAMPLES, 2))
    runs = [_run(points, [1.0, 0.5]), _run(points.copy(), [1.0, 0.4]), _run(points + 1, [1.0, 0.3])]

    class Bound:
        def call(self, probe, *args, **kwargs):
            return runs

    checked = GAN(Bound()).train_seeds(preset_run("ring", 7, steps=2), [7, 8, 9])
    for k in (0, 1):
        with pytest.raises(AssertionError, match=f"same points as the run of seed {8 - k}"):
            checked[k]["samples"]
    np.testing.assert_array_equal(checked[2]["samples"], points + 1)
    for run in checked:  # the histories all differ: graded on their own
        assert run["history"]["d_loss"].shape == (2,)


def test_the_same_seed_twice_is_no_play_back():
    from labs.gan.contract import same_as_another_seed

    points = np.zeros((3, 2))
    assert same_as_another_seed([points, points.copy()], [4, 4]) == [None, None]
    assert same_as_another_seed([{"invalid": "x"}, {"invalid": "x"}], [4, 5]) == [None, None]
    assert same_as_another_seed([points, points.copy()], [4, 5]) == [5, 4]
