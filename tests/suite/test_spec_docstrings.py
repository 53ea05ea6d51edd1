"""Each spec's docstring names a kind of submission it fails on (issue 22: a spec that no
submission can fail passes on a table), in a paragraph after the first line: the first line
is the spec's title for students (feedback, handouts), and stays a plain summary.

The spec files are parsed with ``ast``, not imported: milliseconds."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Fails on:"


def spec_docstrings() -> dict[str, str]:
    """``specs/...py::test_name`` -> its docstring ("" when it has none), for every spec
    function (module level or in a class) of every spec file."""
    docs = {}
    for path in sorted((ROOT / "specs").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                    and node.name.startswith("test_"):
                docs[f"{path.relative_to(ROOT)}::{node.name}"] = ast.get_docstring(node) or ""
    return docs


def test_the_specs_are_found():
    docs = spec_docstrings()
    assert len(docs) >= 100
    assert {name.split("/")[1] for name in docs} == {"td1", "td2", "td3"}


def test_every_spec_names_a_submission_it_fails_on():
    offenders = []
    for name, doc in spec_docstrings().items():
        summary, _, rest = doc.partition("\n\n")
        later = rest.split(SENTENCE, 1)
        if len(later) < 2 or not later[1].strip() or SENTENCE in summary:
            offenders.append(name)
    assert not offenders, (
        f"each spec's docstring should name a kind of submission it fails on, in a paragraph "
        f"after its first one (\"{SENTENCE} a perceptron whose update drops ...\"; a fact of "
        f"the lab: \"{SENTENCE} nothing a submission does (a fact of the lab, 0 points)\"); "
        f"{len(offenders)} do not: " + ", ".join(offenders))
