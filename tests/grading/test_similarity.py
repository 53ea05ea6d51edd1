"""Similarity across a class (labs.grading.similarity, copydetect): two near-copies are
flagged, a folder written independently is not, against each other or the reference.

tests/submissions/td1_similarity/: ``alice_original`` (a correct TD 1 folder),
``bob_renamed_reordered`` (alice's code, every variable renamed, the functions in another
order) and ``carol_independent`` (a class-based numpy perceptron written apart). All three
are real TD 1 submissions: alice and bob grade 100, carol 88 (no weights.csv functions).
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

pytest.importorskip("copydetect", reason='the similarity extra: pip install -e ".[similarity]"')

from labs.grading.similarity import (FLAGGED, REFERENCE, REFERENCE_PACKAGES,  # noqa: E402
                                     class_similarity, code_of, compare)
from labs.grading.run import available_labs  # noqa: E402

CLASS = Path(__file__).resolve().parents[1] / "submissions" / "td1_similarity"


def test_near_copies_are_flagged_and_the_independent_folder_is_not(tmp_path):
    table = tmp_path / "similarity.csv"
    flagged = class_similarity(sorted(p for p in CLASS.iterdir() if p.is_dir()), "td1", table)
    assert [(p.first, p.second) for p in flagged] == [("alice_original",
                                                       "bob_renamed_reordered")]
    rows = {(r["first"], r["second"]): r for r in csv.DictReader(table.open())}
    copy = rows[("alice_original", "bob_renamed_reordered")]
    assert float(copy["first_share"]) >= FLAGGED and copy["flagged"] == "yes"
    for name in ("alice_original", "bob_renamed_reordered", "carol_independent"):
        assert rows[(name, REFERENCE)]["flagged"] == "no"  # every student vs the reference
    assert not any("carol_independent" in pair and row["flagged"] == "yes"
                   for pair, row in rows.items())
    assert table.with_suffix(".png").stat().st_size > 5000


def test_a_copy_of_the_reference_is_flagged_against_it(tmp_path):
    """The check can fail the other way too: the reference's own training loop, handed in."""
    reference = Path(__file__).resolve().parents[2] / "labs" / "perceptron" / "train.py"
    folder = tmp_path / "dave"
    folder.mkdir()
    shutil.copy(reference, folder / "perceptron.py")
    pairs = compare({"dave": code_of(folder), "carol": code_of(CLASS / "carol_independent")},
                    code_of(reference.parent))
    against = {(p.first, p.second): p for p in pairs}
    assert against[("dave", REFERENCE)].flagged
    assert not against[("carol", REFERENCE)].flagged


def test_a_notebook_is_compared_on_its_code_cells_and_links_are_not_read(tmp_path):
    notebook = Path(__file__).resolve().parents[1] / "submissions" / "td1" / "correct_notebook"
    code = code_of(notebook)
    assert "def train" in code and '"cell_type"' not in code and "!pip" not in code
    (tmp_path / "link.py").symlink_to(CLASS / "alice_original" / "perceptron.py")
    assert code_of(tmp_path) == ""


def test_every_lab_has_its_reference_package():
    assert set(available_labs()) <= set(REFERENCE_PACKAGES)
    for packages in REFERENCE_PACKAGES.values():
        assert all((Path(__file__).resolve().parents[2] / "labs" / p).is_dir()
                   for p in packages)
