"""``python -m labs mutation``: the report's arithmetic, the equivalents file, and (slow) a
fixed sample of TD 1's mutants in which every survivor is one judged equivalent."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from labs.mutation.report import EQUIVALENT_FILE, Equivalent, describe, read_equivalents, score
from labs.mutation.run import PROJECT_ROOT, Mutant, diff_lines
from labs.mutation.targets import LABS


def mutant(outcome: str, before: str = "x = a + b", after: str = "x = a - b") -> Mutant:
    return Mutant("labs/perceptron/train.py", 3, "train", "core/ReplaceBinaryOperator_Add_Sub", 0,
                  before, after, outcome)


def test_diff_lines_are_the_removed_and_added_lines():
    diff = "--- a/f.py\n+++ b/f.py\n@@ -1,3 +1,3 @@\n x = 1\n-y = a + b\n+y = a - b\n z = 2\n"
    assert diff_lines(diff) == ("y = a + b", "y = a - b")


def test_score_counts_equivalent_survivors_out_of_the_denominator():
    equivalent = Equivalent("td1", "labs/perceptron/train.py", "core/ReplaceBinaryOperator_Add_Sub",
                            "x = a + b", "x = a - b", "a and b are always 0")
    mutants = [mutant("killed", after="x = a * b"), mutant("killed", after="x = a / b"),
               mutant("survived"), mutant("survived", after="x = a ** b"),
               mutant("incompetent", after="x = a // b")]
    result = score(mutants, [equivalent])
    assert (len(result.killed), len(result.survived), len(result.equivalent),
            len(result.incompetent)) == (2, 1, 1, 1)
    assert result.value == pytest.approx(2 / 3)  # killed / (5 - 1 equivalent - 1 incompetent)
    text = describe("td1", result, 12.0, sample=5)
    assert "x = a ** b" in text and "a and b are always 0" in text and "66.7%" in text


def test_an_equivalent_entry_whose_mutant_is_killed_is_reported_stale():
    equivalent = Equivalent("td1", "labs/perceptron/train.py", "core/ReplaceBinaryOperator_Add_Sub",
                            "x = a + b", "x = a - b", "no longer true")
    result = score([mutant("killed")], [equivalent])
    assert result.value == 1.0 and len(result.stale) == 1
    assert "remove from equivalent.toml" in describe("td1", result, 1.0, sample=None)


def test_an_entry_without_a_reason_is_refused(tmp_path):
    path = tmp_path / "equivalent.toml"
    path.write_text('[[mutant]]\nlab = "td1"\nfile = "f.py"\noperator = "op"\nbefore = "a"\n'
                    'after = "b"\nreason = " "\n')
    with pytest.raises(ValueError, match="mutant #1 lacks reason"):
        read_equivalents(path)


def test_every_equivalent_names_a_line_of_a_mutated_file_of_its_lab():
    """A stale entry (its line edited away) would silently stop matching: catch it here."""
    for entry in read_equivalents(EQUIVALENT_FILE):
        assert entry.file in LABS[entry.lab].functions, entry
        source = (PROJECT_ROOT / entry.file).read_text(encoding="utf-8")
        assert all(line.strip() in source for line in entry.before.splitlines()), entry


@pytest.mark.slow
def test_td1_sample_kills_every_mutant_not_judged_equivalent(tmp_path):
    """A fixed sample (8 mutants, seed 0) of TD 1: what CI runs of mutation testing, two
    mutants at a time (``--jobs``). The full runs, per lab, are on demand (README)."""
    report = tmp_path / "td1.json"
    done = subprocess.run([sys.executable, "-m", "labs", "mutation", "td1", "--sample", "8",
                           "--jobs", "2", "--json", str(report), "--fail-under", "100"],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    mutants = json.loads(report.read_text())["mutants"]
    assert len(mutants) == 8 and "score 100.0%" in done.stdout


def test_jobs_below_one_are_refused_in_one_line():
    done = subprocess.run([sys.executable, "-m", "labs", "mutation", "td1", "--jobs", "0"],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 2 and "--jobs must be at least 1, got 0" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_chosen_operator_is_one_of_cosmic_rays():
    """A misspelt operator name would silently select no mutant."""
    plugins = pytest.importorskip("cosmic_ray.plugins")
    from labs.mutation.targets import OPERATORS

    assert set(OPERATORS) <= set(plugins.operator_names())


def test_the_cheap_specs_run_first_and_every_spec_file_once():
    from labs.mutation.run import spec_files
    from labs.mutation.targets import LABS

    files = spec_files(LABS["gan"])
    assert files[0] == "specs/td2/gan/test_given_weights.py"
    on_disk = sorted(str(p.relative_to(PROJECT_ROOT))
                     for p in (PROJECT_ROOT / "specs/td2/gan").rglob("test_*.py"))
    assert sorted(files) == on_disk and len(set(files)) == len(files)
    assert spec_files(LABS["td1"]) == ["specs/td1"]
