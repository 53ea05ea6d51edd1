"""A student's Jupyter notebook turned into the module a contract imports.

Runs only in the sandboxed child (``labs.sandbox.worker``), like every other use of a
student's files: the grader never parses the notebook itself. The notebook is read with
``nbformat``; each code cell is parsed with ``ast``. What a module needs is kept: imports,
function and class definitions, and assignments whose value is built from literals and the
imported libraries (``ALPHA = 0.1``, ``X = np.array([[0, 0], [0, 1]])``). Shell lines and
magics (``!pip install ...``, ``%matplotlib inline``, ``%%time`` cells) are dropped; every
other top-level statement (a training run, a plot, ``plt.show()``, an assignment that calls
the notebook's own functions) is left out, and listed in a note for the feedback.
"""
from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field
from pathlib import Path

KEPT_ALWAYS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
SHOWN = 8  # left-out statements named in the note; the rest are counted


class NotebookError(ValueError):
    """The folder's notebook cannot be used (none, several, unreadable); says why."""


@dataclass
class Converted:
    source: str  # the module's code
    notebook: str  # the notebook's file name
    left_out: list[str] = field(default_factory=list)  # "cell 3: plt.show()"
    magics: int = 0  # shell and magic lines dropped

    def note(self, module_file: str) -> str:
        """One line for the student: where the module came from and what was left out."""
        text = f"{module_file} was built from the code cells of {self.notebook}"
        if self.magics:
            text += f"; {self.magics} shell command(s) or magic(s) dropped"
        if self.left_out:
            shown = ", ".join(self.left_out[:SHOWN])
            more = len(self.left_out) - SHOWN
            text += (f"; not run (only definitions are graded): {shown}"
                     + (f" and {more} more" if more > 0 else ""))
        return text


def find_notebook(folder: Path, module: str, named: str | None) -> Path | None:
    """The notebook to build ``module`` from, or None when the folder has ``module.py``.

    ``named``: the notebook given in ``submission.toml``; otherwise the folder's only
    ``*.ipynb`` (several without a name is a NotebookError).
    """
    if named:
        path = folder / named
        if path.suffix != ".ipynb" or not path.is_file() or not path.resolve().is_relative_to(
                folder.resolve()):
            raise NotebookError(f"submission.toml names the notebook {named!r}, which is not "
                                "an .ipynb file of the folder")
        return path
    if (folder / f"{module}.py").exists():
        return None
    notebooks = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if len(notebooks) > 1:
        raise NotebookError(f"the submission has no file {module}.py and several notebooks "
                            f"({', '.join(p.name for p in notebooks)}); name one in "
                            f"submission.toml: notebook = \"...\" under [{module}]")
    return notebooks[0] if notebooks else None


def _is_magic(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(("!", "%")) or stripped.startswith("get_ipython()")


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _root(node: ast.AST) -> str | None:
    """'np' for np.random.default_rng; None for anything but a chain of attributes."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_constant(value: ast.AST, imported: set[str], defined: set[str]) -> bool:
    """A value built from literals, earlier constants and the imported libraries only: no
    call to the notebook's own functions, no lambda or comprehension running its code."""
    for node in ast.walk(value):
        if isinstance(node, (ast.Lambda, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
            return False
        if isinstance(node, ast.Call) and _root(node.func) not in imported:
            return False
    return _names(value) <= imported | defined | set(dir(builtins))


def _bound(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in node.names}
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return set().union(*(_names(t) for t in targets))


def _summary(source: str, node: ast.stmt) -> str:
    text = (ast.get_source_segment(source, node) or "").strip().splitlines()
    first = text[0] if text else type(node).__name__
    return first if len(first) <= 60 else first[:57] + "..."


def convert(path: Path) -> Converted:
    """The module source of a notebook's code cells, and what was left out."""
    import nbformat

    try:
        notebook = nbformat.read(str(path), as_version=4)
    except Exception as error:  # noqa: BLE001 - any unreadable notebook gets one message
        raise NotebookError(f"{path.name} is not a readable Jupyter notebook: "
                            f"{type(error).__name__}: {error}") from None
    converted = Converted("", path.name)
    imported: set[str] = set()
    defined: set[str] = set()
    parts: list[str] = [f"# built by the grader from the code cells of {path.name}\n"]
    number = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        lines = cell.source.splitlines()
        if lines and lines[0].lstrip().startswith("%%"):  # a cell magic: the whole cell
            converted.magics += 1
            continue
        kept_lines = [line for line in lines if not _is_magic(line)]
        converted.magics += len(lines) - len(kept_lines)
        source = "\n".join(kept_lines)
        try:
            tree = ast.parse(source, filename=f"{path.name} cell {number}")
        except SyntaxError as error:
            raise SyntaxError(f"{error.msg} (code cell {number} of {path.name})",
                              (path.name, error.lineno, error.offset, error.text)) from None
        kept_any = False
        for node in tree.body:
            keep = isinstance(node, KEPT_ALWAYS) or (
                isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
                and _is_constant(node.value, imported, defined)) or (
                isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
            if not keep:
                converted.left_out.append(f"code cell {number}: {_summary(source, node)}")
                continue
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                imported |= _bound(node)
            elif not isinstance(node, ast.Expr):
                defined |= _bound(node)
            if not kept_any:
                parts.append(f"# code cell {number}")
                kept_any = True
            parts.append(f"{ast.get_source_segment(source, node)}\n")
    converted.source = "\n".join(parts)
    return converted
