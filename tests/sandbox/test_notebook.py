"""A Jupyter notebook as a submission: converted in the sandboxed child, graded like the .py."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from labs.grading.points import POINTS
from labs.sandbox.notebook import NotebookError, convert, find_notebook

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ROOT / "tests" / "submissions" / "td1"
SELECT = "truth_table or xor_error_stays_high"


def notebook(path: Path, *cells: str) -> Path:
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell("# a lab")] + [
        nbformat.v4.new_code_cell(cell) for cell in cells]
    nbformat.write(book, str(path))
    return path


def test_definitions_are_kept_and_everything_else_is_listed(tmp_path):
    path = notebook(tmp_path / "tp.ipynb",
                    "!pip install numpy\n%matplotlib inline\nimport numpy as np",
                    "ALPHA = 0.1\nX = np.array([[0, 0], [0, 1]])\n"
                    "def train(seed):\n    return np.zeros(3) + ALPHA",
                    "%%time\ntrain(0)",
                    "result = train(0)\nprint(result)\nif __name__ == '__main__':\n    train(1)")
    converted = convert(path)
    namespace: dict = {}
    exec(compile(converted.source, "perceptron.py", "exec"), namespace)  # noqa: S102 - our own text
    assert namespace["train"](0).tolist() == [0.1] * 3 and namespace["X"].shape == (2, 2)
    assert "pip" not in converted.source and "print" not in converted.source
    assert converted.magics == 3
    assert converted.left_out == ["code cell 4: result = train(0)", "code cell 4: print(result)",
                                  "code cell 4: if __name__ == '__main__':"]
    note = converted.note("perceptron.py")
    assert "built from the code cells of tp.ipynb" in note and "print(result)" in note


def test_a_syntax_error_names_the_cell(tmp_path):
    with pytest.raises(SyntaxError, match="code cell 2 of tp.ipynb"):
        convert(notebook(tmp_path / "tp.ipynb", "import math", "def f(:\n    pass"))


def test_which_notebook(tmp_path):
    assert find_notebook(tmp_path, "perceptron", None) is None
    one = notebook(tmp_path / "a.ipynb", "x = 1")
    assert find_notebook(tmp_path, "perceptron", None) == one
    notebook(tmp_path / "b.ipynb", "x = 1")
    with pytest.raises(NotebookError, match="several notebooks"):
        find_notebook(tmp_path, "perceptron", None)
    assert find_notebook(tmp_path, "perceptron", "b.ipynb") == tmp_path / "b.ipynb"
    with pytest.raises(NotebookError, match="not an .ipynb"):
        find_notebook(tmp_path, "perceptron", "../b.ipynb")
    (tmp_path / "perceptron.py").write_text("")
    assert find_notebook(tmp_path, "perceptron", None) is None  # the module wins


@pytest.mark.slow  # a grading end to end: seconds
def test_a_notebook_and_the_same_code_as_a_module_get_the_same_grade(tmp_path):
    """Graded in a separate process, which must never import nbformat itself: the
    conversion happens in the sandboxed child only. The specs that train (AND, OR, XOR)
    are enough to tell the two apart, and keep the three grades cheap."""
    named = tmp_path / "named"
    shutil.copytree(FOLDERS / "correct_notebook", named)
    (named / "other.ipynb").write_text("{}")  # two notebooks: submission.toml picks one
    (named / "submission.toml").write_text('[perceptron]\nnotebook = "tp1.ipynb"\n')
    script = f"""
import sys
from labs.grading.grade import grade_folder
folders = {[str(FOLDERS / "correct_notebook"), str(FOLDERS / "correct_train_only"), str(named)]}
grades = [grade_folder(f, "td1", select={SELECT!r}) for f in folders]
assert "nbformat" not in sys.modules and "labs.sandbox.notebook" not in sys.modules
for g in grades:
    print(g.score, g.max_score, [(s.spec, s.status) for s in g.specs] == [
        (s.spec, s.status) for s in grades[1].specs], "|".join(g.notes))
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    notebook_line, module_line, named_line = run.stdout.strip().splitlines()
    score = module_line.split(" True")[0]
    # AND, OR and XOR, all earned
    earned = (2 * POINTS["td1"]["test_convergence.py::test_and_or_reproduce_the_truth_table"].points
              + POINTS["td1"]["test_xor.py::test_xor_error_stays_high"].points)
    assert [float(x) for x in score.split()] == [earned, earned], module_line
    assert notebook_line.startswith(f"{score} True from the submission's process: «perceptron.py "
                                    "was built from the code "
                                    "cells of tp1.ipynb")
    assert "code cell 5: plt.show()" in notebook_line
    assert module_line == f"{score} True "
    assert named_line.startswith(f"{score} True ")
