"""A contract's worker tree holds every project module its modules import at their top: a
harness module that imports another (``labs.lm.train`` its run configuration) declares it,
and a child never fails on an import the grader forgot to copy."""
from __future__ import annotations

import ast

import pytest

from labs.suite.contract import load_contract
from labs.sandbox.worker_tree import _source, child_modules

CONTRACTS = ["labs.perceptron.contract", "labs.gan.contract", "labs.stylegan.contract",
             "labs.lm.contract"]


def top_level_imports(module: str) -> set[str]:
    """The ``labs.*`` modules imported at the top of ``module`` (not inside functions)."""
    names = set()
    for node in ast.parse(_source(module).read_text()).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("labs."):
            if _source(node.module).name == "__init__.py":  # from labs.suite import wire
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
            else:
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names if alias.name.startswith("labs.")}
    return names


@pytest.mark.parametrize("contract", CONTRACTS)
def test_the_tree_holds_what_its_modules_import(contract):
    modules = set(child_modules(load_contract(contract)))
    missing = {f"{module} imports {name}" for module in modules
               for name in top_level_imports(module) if name not in modules}
    assert missing == set()
