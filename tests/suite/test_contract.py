from __future__ import annotations

import types

import pytest

from labs.suite.contract import Implementation, MissingFunction, load_contract, read_mapping


def test_submission_toml_maps_module_and_names(tmp_path):
    (tmp_path / "submission.toml").write_text('[perceptron]\nmodule = "tp1"\ntrain = "entrainer"\n')
    assert read_mapping(tmp_path, "perceptron") == ("tp1", {"train": "entrainer"})
    assert read_mapping(tmp_path, "gan") == ("gan", {})


def test_malformed_submission_toml_is_named(tmp_path):
    (tmp_path / "submission.toml").write_text("[perceptron\n")
    with pytest.raises(ValueError, match="submission.toml is malformed"):
        read_mapping(tmp_path, "perceptron")


def test_missing_function_names_the_file_and_the_mapping():
    module = types.SimpleNamespace(train=lambda: 1)
    impl = Implementation(module, "tp1.py", {"predict": "predire"})
    assert impl.train() == 1 and not impl.provides("predict")
    with pytest.raises(MissingFunction, match=r"tp1.py has no `predire` \(mapped from `predict`"):
        impl.predict


def test_only_project_contracts_load():
    assert load_contract("labs.perceptron.contract").MODULE == "perceptron"
    with pytest.raises(ValueError, match="not a contract module"):
        load_contract("os.path")


def test_the_gan_contract_trains_seeds_together_where_the_implementation_can():
    """``train_gan_seeds`` (a bonus name) is used when provided, the reference's included; an
    implementation without it has ``train_gan`` called once per seed."""
    import labs.gan
    from labs.gan import contract
    from labs.suite.contract import reference_implementation

    calls = []
    run = {"sample": lambda n: [[0.0, 0.0]] * n, "history": {"d_loss": [], "g_loss": []}}
    student = types.SimpleNamespace(train_gan=lambda config: calls.append(config) or run)
    assert len(contract.probe_train_seeds(Implementation(student, "gan.py"), {}, [3, 4], 2)) == 2
    assert calls == [{"seed": 3}, {"seed": 4}]
    assert "train_gan_seeds" in contract.BONUS
    sweeps = []
    original = labs.gan.train_gan_seeds
    try:
        labs.gan.train_gan_seeds = lambda config, seeds: sweeps.append(seeds) or [run] * len(seeds)
        reference = reference_implementation(contract)
        assert len(contract.probe_train_seeds(reference, {}, [0, 1], 5)) == 2
    finally:
        labs.gan.train_gan_seeds = original
    assert sweeps == [[0, 1]]


def test_a_seed_sweep_with_a_run_missing_is_a_contract_violation():
    from labs.gan import contract
    from labs.suite.contract import ContractViolation

    student = types.SimpleNamespace(train_gan_seeds=lambda config, seeds: [])
    with pytest.raises(ContractViolation, match="0 runs for 2 seeds"):
        contract.probe_train_seeds(Implementation(student, "gan.py"), {}, [0, 1], 5)
