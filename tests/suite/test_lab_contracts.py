"""Each lab's contract has one home: its contract module declares the same names in the same
style, registers every probe, and holds the client the specs use; the spec conftests only
bind that client."""
from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from labs.suite.client import ContractClient
from labs.suite.contract import UnknownProbe, load_contract, probes
from labs.suite.submission import ReferenceSubmission

ROOT = Path(__file__).resolve().parents[2]
# importing TD 3's contract loads torch and transformers (seconds), once for the module
CONTRACTS = ["labs.perceptron.contract", "labs.gan.contract", "labs.stylegan.contract",
             "labs.lm.contract"]
DECLARED = {"MODULE", "REFERENCE", "REQUIRED", "ASKED", "BONUS", "CHILD_MODULES"}
CONFTESTS = [ROOT / "specs" / "td1" / "conftest.py", ROOT / "specs" / "td2" / "gan" / "conftest.py",
             ROOT / "specs" / "td2" / "stylegan" / "conftest.py", ROOT / "specs" / "td3" / "conftest.py"]


@pytest.mark.parametrize("path", CONTRACTS)
def test_every_contract_declares_the_same_names(path):
    contract = load_contract(path)
    assert DECLARED <= set(vars(contract)), DECLARED - set(vars(contract))
    assert not hasattr(contract, "PROBES") and not hasattr(contract, "STUDENT_CALLS")
    assert isinstance(contract.MODULE, str) and contract.MODULE.isidentifier()
    names = (contract.REQUIRED, contract.ASKED, contract.BONUS)
    assert all(isinstance(group, set) for group in names)
    assert contract.REQUIRED and sum(map(len, names)) == len(set().union(*names))  # disjoint
    assert all(isinstance(name, str) for name in contract.CHILD_MODULES)


@pytest.mark.parametrize("path", CONTRACTS)
def test_the_reference_is_the_labs_package_and_provides_every_name(path):
    """One style of REFERENCE: the lab's own package (no shim module), exporting the
    contract's required, asked and bonus names as functions."""
    contract = load_contract(path)
    assert contract.REFERENCE == path.removesuffix(".contract")
    package = importlib.import_module(contract.REFERENCE)
    assert hasattr(package, "__path__"), f"{contract.REFERENCE} is not a package"
    for name in sorted(contract.REQUIRED | contract.ASKED | contract.BONUS):
        value = getattr(package, name)
        assert inspect.isfunction(value), f"{contract.REFERENCE}.{name} is {value!r}"
        assert name in package.__all__


@pytest.mark.parametrize("path", CONTRACTS)
def test_every_probe_function_is_registered(path):
    contract = load_contract(path)
    defined = {name for name, value in vars(contract).items()
               if inspect.isfunction(value) and value.__module__ == path
               and name.startswith("probe_")}
    assert defined and defined == set(probes(contract))


@pytest.mark.parametrize("path", CONTRACTS)
def test_each_contract_holds_exactly_one_client(path):
    contract = load_contract(path)
    clients = [value for value in vars(contract).values() if inspect.isclass(value)
               and issubclass(value, ContractClient) and value.__module__ == path]
    assert len(clients) == 1, clients


@pytest.mark.parametrize("conftest", CONFTESTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_spec_conftests_define_no_client_of_their_own(conftest):
    """A spec conftest binds its lab's client; it neither defines a class nor reaches the
    shared base, nor names a probe by a string."""
    tree = ast.parse(conftest.read_text(encoding="utf-8"))
    assert not [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    assert "ContractClient" not in imported
    assert ".contract(" not in conftest.read_text(encoding="utf-8")


def test_a_function_that_is_not_a_registered_probe_is_refused():
    from labs.perceptron import contract

    bound = ReferenceSubmission().contract("labs.perceptron.contract")
    with pytest.raises(UnknownProbe, match="run_fields is not a probe of labs.perceptron.contract"):
        bound.call(contract.run_fields, {"weights": [0, 0, 0], "errors": []})
    from labs.gan.contract import probe_train  # a probe, but another contract's
    with pytest.raises(UnknownProbe, match="probe_train is not a probe of labs.perceptron"):
        bound.call(probe_train, {}, 10)


def test_repeat_is_a_whole_number_of_calls():
    from labs.perceptron.contract import probe_train

    bound = ReferenceSubmission().contract("labs.perceptron.contract")
    with pytest.raises(ValueError, match="repeat must be a whole number of calls"):
        bound.call(probe_train, [0, 0, 0, 1], 0.7, 5, 0, repeat=0)
