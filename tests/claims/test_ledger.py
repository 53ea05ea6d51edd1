"""The claims ledger: well formed, within its aims, and every test it names exists."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from labs.claims.ledger import CLAIMS, LABS, STATUSES
from labs.cli import main

ROOT = Path(__file__).resolve().parents[2]
NAMED = [c for c in CLAIMS if c.status in ("spec", "xfail")]


@lru_cache(maxsize=None)
def module_functions(path: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def function_of(node_id: str) -> ast.FunctionDef | None:
    path, _, name = node_id.partition("::")
    if not (ROOT / path).is_file():
        return None
    return module_functions(path).get(name.split("[")[0])


def test_the_ledger_meets_its_aims():
    counts = Counter(c.status for c in CLAIMS)
    assert len(CLAIMS) >= 65 and counts["not_checkable"] <= 12, counts
    assert len({c.id for c in CLAIMS}) == len(CLAIMS), "claim ids must be unique"


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_claim_is_well_formed(claim):
    assert claim.lab in LABS and claim.status in STATUSES
    assert claim.claim.strip()
    if claim.status in ("spec", "xfail"):
        assert "::" in claim.test and claim.test.split("/")[0] in ("specs", "tests")
    else:
        assert not claim.test and claim.why.strip(), "say why no test asserts it"


@pytest.mark.parametrize("claim", NAMED, ids=[c.id for c in NAMED])
def test_every_named_test_exists(claim):
    function = function_of(claim.test)
    assert function is not None and function.name.startswith("test_"), (
        f"{claim.id}: no test {claim.test}")
    decorators = [ast.unparse(d) for d in function.decorator_list]
    if claim.status == "xfail":  # its reason must give the measured numbers
        assert any("xfail" in d and any(ch.isdigit() for ch in d) for d in decorators), claim.test
    else:  # a spec the ledger counts as asserted is not an expected failure
        assert not any(d.startswith("pytest.mark.xfail") for d in decorators), claim.test


def test_a_missing_test_is_caught():
    assert function_of("specs/td1/test_xor.py::test_no_such_spec") is None
    assert function_of("specs/td1/no_such_file.py::test_x") is None
    assert function_of("specs/td1/test_xor.py::test_xor_error_stays_high") is not None


@pytest.mark.slow
def test_every_named_node_id_is_collected():
    files = sorted({c.test.split("::")[0] for c in NAMED})
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                          "-p", "no:cacheprovider", *files], cwd=ROOT, capture_output=True,
                         text=True, timeout=600).stdout
    collected = set(out.splitlines())
    missing = [c.test for c in NAMED if c.test not in collected
               and not any(line.startswith(c.test + "[") for line in collected)]
    assert missing == []


def test_claims_prints_a_table_with_counts(capsys):
    assert main(["claims"]) == 0
    out = capsys.readouterr().out
    assert "| td1-and-weights | spec |" in out
    assert f"| all | {' | '.join(str(Counter(c.status for c in CLAIMS)[s]) for s in STATUSES)} | {len(CLAIMS)} |" in out


def test_claims_json_is_a_list_of_objects(capsys):
    assert main(["claims", "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert len(claims) == len(CLAIMS)
    assert all(set(c) == {"id", "lab", "claim", "status", "test", "why"} for c in claims)
