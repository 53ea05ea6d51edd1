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
