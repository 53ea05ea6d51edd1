"""Does a submission import the course's own package (``labs``, the reference included)?

A student's folder runs next to the project's ``labs`` package (the worker and contracts
need it), so ``from labs.perceptron import train`` would hand the reference's answers to
the specs. This is a static check of the folder's Python files, made before any of them is
imported; it catches the plain forms (``import labs``, ``from labs...``,
``import_module("labs...")``, ``__import__("labs...")``), not deliberately hidden ones.
"""
from __future__ import annotations

import re
from pathlib import Path

_IMPORT = re.compile(r"^\s*(?:from\s+labs(?:\.|\s)|import\s+labs\b)"
                     r"|(?:import_module|__import__)\(\s*[\"']labs\b", re.MULTILINE)


def course_imports(folder: Path) -> list[str]:
    """'perceptron.py line 3: from labs.perceptron import train' for each plain import."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in _IMPORT.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            source = text.splitlines()[line - 1].strip()
            found.append(f"{path.relative_to(folder)} line {line}: {source}")
    return found
