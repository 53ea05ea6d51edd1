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


def test_the_gan_contract_trains_the_references_seeds_together(monkeypatch):
    """The reference's fast path (one seed sweep) is taken; a student's module never takes it."""
    import labs.gan
    from labs.gan import contract
    from labs.suite.contract import reference_implementation

    calls = []
    monkeypatch.setattr(labs.gan, "train_gan_seeds",
                        lambda config, seeds: calls.append(seeds) or [], raising=False)
    assert contract.probe_train_seeds(reference_implementation(contract), {}, [0, 1], 5) == []
    assert calls == [[0, 1]]
    student = Implementation(types.ModuleType("gan"), "gan.py")
    assert student.module_name == "gan" != contract.REFERENCE
