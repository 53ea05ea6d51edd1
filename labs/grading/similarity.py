"""``grade-class --similarity``: near-identical code across a class, and against the reference.

copydetect (``pip install -e ".[similarity]"``) does the comparison: each submission's code
is tokenised with variable, function and class names and strings replaced by one letter
each, cut into k-grams, hashed and winnowed (the fingerprints MOSS uses); two submissions'
similarity is the share of each one's code covered by fingerprints found in the other.
Renaming variables or reordering functions changes nothing; code written independently
shares only short stretches.

This runs in the grader's process on text only: the ``.py`` files of each folder (regular
files, no links followed, at most ``MAX_FILE_BYTES`` each, ``MAX_FOLDER_CHARS`` in all) and
the code cells of its notebooks (the ``.ipynb`` read as JSON text of at most
``MAX_FILE_BYTES``: plain data, no cell runs); nothing of the student's is imported or run. The reference is the lab's own
package (``labs/perceptron`` for TD 1).

Writes ``similarity.csv`` (every pair at or above ``SHOWN`` on either side, and every
student against the reference; ``flagged``: ``FLAGGED`` or more of one side's code, and
at least ``MIN_SHARED`` filtered characters in common) and a figure: the similarity matrix
of the most similar submissions.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from labs.grading.outputs import read_regular
from labs.grading.run import PROJECT_ROOT

MAX_FILE_BYTES = 2 * 2**20
MAX_FOLDER_CHARS = 8 * 2**20  # a lab's code is kilobytes: this only bounds a hostile folder
NOISE_TOKENS = 25  # copydetect's defaults: k-grams of 25 filtered characters ...
GUARANTEE_TOKENS = 25  # ... and any match this long is found (winnowing window 1)
SHOWN = 0.33  # copydetect's own display threshold
# Measured (tests/submissions/td1_similarity/ and the 21 folders of tests/submissions/td1/):
# a copy with every variable renamed and the functions reordered 1.00 both ways; a folder
# written independently 0.05-0.08 against the others, 0.16 against the reference; the TD 1
# example folders (variations of a few files) up to 1.00 among themselves, and 0.6-0.8
# between two tiny folders (a few lines) that share only their first lines (27-44
# filtered characters): hence the minimum of shared characters as well.
FLAGGED = 0.8
MIN_SHARED = 100  # filtered characters (copydetect's "tokens") in common, about 4 lines
REFERENCE = "reference"
REFERENCE_PACKAGES = {"td1": ["perceptron"], "td2": ["gan", "stylegan"], "td2/gan": ["gan"],
                      "td2/stylegan": ["stylegan"], "td3": ["lm"]}
INSTALL_HINT = 'pip install -e ".[similarity]"'


@dataclass
class Pair:
    first: str
    second: str
    first_share: float  # of the first's code, found in the second
    second_share: float
    shared_tokens: int

    @property
    def flagged(self) -> bool:
        return max(self.first_share, self.second_share) >= FLAGGED and \
            self.shared_tokens >= MIN_SHARED


def require_copydetect() -> None:
    """UsageError in one line when copydetect is not installed."""
    from labs.cli import UsageError

    try:
        import copydetect  # noqa: F401
    except ImportError:
        raise UsageError(f"--similarity needs copydetect, which is not installed: "
                         f"{INSTALL_HINT}") from None


def _read_text(path: Path) -> str | None:
    data = read_regular(path, MAX_FILE_BYTES)
    return None if data is None else data.decode("utf-8", "replace")


def _notebook_code(text: str) -> str:
    """The code cells of a notebook's JSON text, joined (empty if it is not one)."""
    try:
        cells = json.loads(text).get("cells", [])
    except (ValueError, AttributeError):
        return ""
    code = []
    for cell in cells if isinstance(cells, list) else ():
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            lines = source if isinstance(source, list) else [source]
            code.append("".join(line for line in lines if isinstance(line, str)))
    # notebook magics and shell lines (%matplotlib, !pip) are not Python
    return "\n".join(line for cell in code for line in cell.splitlines()
                     if not line.lstrip().startswith(("%", "!")))


def code_of(folder: Path) -> str:
    """Every Python file and notebook code cell of ``folder``, in a fixed order, up to
    ``MAX_FOLDER_CHARS`` in all."""
    parts: list[str] = []
    size = 0
    for top, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if f not in ("__pycache__", ".git",
                                                            ".ipynb_checkpoints"))
        for name in sorted(files):
            if not name.endswith((".py", ".ipynb")):
                continue
            text = _read_text(Path(top) / name)
            if text is not None and size < MAX_FOLDER_CHARS:
                parts.append(_notebook_code(text) if name.endswith(".ipynb") else text)
                size += len(parts[-1])
    return "\n\n".join(parts)[:MAX_FOLDER_CHARS]


def reference_code(lab: str) -> str:
    """The lab's reference package, all its Python files."""
    packages = REFERENCE_PACKAGES.get(lab, [])
    return "\n\n".join(code_of(PROJECT_ROOT / "labs" / package) for package in packages)


def _fingerprint(name: str, code: str) -> Any:
    from copydetect import CodeFingerprint

    return CodeFingerprint(f"{name}.py", NOISE_TOKENS, GUARANTEE_TOKENS - NOISE_TOKENS + 1,
                           language="python", fp=io.StringIO(code))


def compare(codes: dict[str, str], reference: str | None = None) -> list[Pair]:
    """Every pair of ``codes`` (name -> code), and each against ``reference`` if given."""
    from copydetect import compare_files

    prints = {name: _fingerprint(name, code) for name, code in codes.items()}
    pairs = list(combinations(sorted(prints), 2))
    if reference:
        prints[REFERENCE] = _fingerprint(REFERENCE, reference)
        pairs += [(name, REFERENCE) for name in sorted(codes)]
    compared = []
    for first, second in pairs:
        shared, (first_share, second_share), _ = compare_files(prints[first], prints[second])
        compared.append(Pair(first, second, float(first_share), float(second_share),
                             int(shared)))
    return compared


def write_similarity(pairs: list[Pair], csv_path: Path) -> None:
    """The pairs at or above SHOWN, and every pair with the reference, most similar first."""
    shown = [p for p in pairs if p.second == REFERENCE or max(p.first_share, p.second_share)
             >= SHOWN]
    shown.sort(key=lambda p: -max(p.first_share, p.second_share))
    with open(csv_path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["first", "second", "first_share", "second_share", "shared_tokens",
                         "flagged"])
        for p in shown:
            writer.writerow([p.first, p.second, f"{p.first_share:.3f}",
                             f"{p.second_share:.3f}", p.shared_tokens,
                             "yes" if p.flagged else "no"])


def similarity_figure(pairs: list[Pair], path: Path, most: int = 40) -> None:
    """The similarity matrix (the larger share of each pair) of the ``most`` submissions
    most similar to another, the reference last."""
    import matplotlib.pyplot as plt
    import numpy as np

    top: dict[str, float] = {}
    for p in pairs:
        for name in (p.first, p.second):
            top[name] = max(top.get(name, 0.0), p.first_share, p.second_share)
    names = sorted((n for n in top if n != REFERENCE), key=lambda n: -top[n])[:most]
    names = sorted(names) + ([REFERENCE] if REFERENCE in top else [])
    index = {name: i for i, name in enumerate(names)}
    matrix = np.eye(len(names))
    for p in pairs:
        if p.first in index and p.second in index:
            matrix[index[p.first], index[p.second]] = matrix[index[p.second], index[p.first]] = \
                max(p.first_share, p.second_share)
    size = max(5.0, 0.28 * len(names) + 2.5)
    figure, axes = plt.subplots(figsize=(size + 1.5, size))
    image = axes.imshow(matrix, vmin=0, vmax=1, cmap="magma_r")
    labels = [n if len(n) <= 30 else n[:27] + "..." for n in names]
    axes.set_xticks(range(len(names)), labels, rotation=90, fontsize=8)
    axes.set_yticks(range(len(names)), labels, fontsize=8)
    for p in pairs:
        if p.flagged and p.first in index and p.second in index:
            for i, j in ((index[p.first], index[p.second]), (index[p.second], index[p.first])):
                axes.text(j, i, "x", ha="center", va="center", color="white", fontsize=8)
    axes.set_title(f"code similarity (copydetect); x: flagged")
    figure.colorbar(image, ax=axes, label="share of the code found in the other", shrink=0.8)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def class_similarity(folders: list[Path], lab: str, csv_path: Path) -> list[Pair]:
    """Compare a class's folders (and the lab's reference); write the CSV and its figure
    (``csv_path`` with ``.png``); return the flagged pairs."""
    pairs = compare({folder.name: code_of(folder) for folder in folders}, reference_code(lab))
    write_similarity(pairs, csv_path)
    similarity_figure(pairs, csv_path.with_suffix(".png"))
    return [p for p in pairs if p.flagged]
