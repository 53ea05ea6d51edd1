"""The only project code a student's child process can import: a copy of the worker machinery.

A child does not run next to the project's ``labs`` package (the reference implementations
sit there): its ``PYTHONPATH`` is a folder this module fills with copies of the suite's
worker modules, the lab's contract module and the harness modules that contract declares in
``CHILD_MODULES`` (data and fixtures its probes build: the built-in corpus, a miniature
network), with those a harness module declares in a ``CHILD_MODULES`` of its own. Every
package on the way gets an empty ``__init__.py``, so importing a contract never runs a lab's
``__init__`` (which imports its reference). In the jail the project itself is hidden;
elsewhere the worker drops the editable install's import hook, so ``labs.perceptron.train``
is simply not found.
"""
from __future__ import annotations

import atexit
import importlib
import shutil
import tempfile
from pathlib import Path
from types import ModuleType

PROJECT_LABS = Path(__file__).resolve().parents[1]  # the real ``labs`` package
WORKER_MODULES = ("labs.sandbox.worker", "labs.sandbox.wire", "labs.suite.contract",
                  "labs.suite.client",  # the base of the contract's client class
                  "labs.sandbox.own_code", "labs.sandbox.jail", "labs.sandbox.seccomp",
                  "labs.sandbox.notebook")  # a notebook is converted in the child


def _source(module: str) -> Path:
    relative = Path(*module.split("."))
    for candidate in (relative.with_suffix(".py"), relative / "__init__.py"):
        path = PROJECT_LABS.parent / candidate
        if path.is_file():
            return path
    raise FileNotFoundError(f"no source for {module}")


def declared_needs(module: str) -> tuple[str, ...]:
    """The ``CHILD_MODULES`` a harness module declares for itself (the project modules it
    imports at its top, e.g. ``labs.lm.train``'s run configuration); () when none. The
    module is imported here, in the grader's process: it is trusted project code."""
    return tuple(getattr(importlib.import_module(module), "CHILD_MODULES", ()))


def child_modules(contract: ModuleType) -> tuple[str, ...]:
    """Every module the child of this contract may import (contract and harness included,
    and what each harness module declares it needs: nothing is added unless named)."""
    modules = [*WORKER_MODULES, contract.__name__]
    pending = list(getattr(contract, "CHILD_MODULES", ()))
    while pending:
        module = pending.pop(0)
        if module not in modules:
            modules.append(module)
            pending += declared_needs(module)
    return tuple(modules)


def build_tree(modules: tuple[str, ...], root: Path | None = None) -> Path:
    """Copy ``modules`` (with empty ``__init__.py`` for their packages) under ``root``."""
    root = Path(root or tempfile.mkdtemp(prefix="labs-worker-"))
    root.chmod(0o755)  # the jail user reads it; nobody but the grader writes it
    for module in modules:
        source = _source(module)
        target = root / source.relative_to(PROJECT_LABS.parent)
        if target.name == "__init__.py":
            continue
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        shutil.copyfile(source, target)
        target.chmod(0o644)
    for package in [p for p in (root / "labs").rglob("*") if p.is_dir()] + [root / "labs"]:
        init = package / "__init__.py"
        if not init.exists():
            init.write_text('"""Worker copy: only what a sandboxed child may import."""\n')
            init.chmod(0o644)
    return root


_TREES: dict[tuple[str, ...], Path] = {}


def tree_for(contract: ModuleType) -> Path:
    """The tree of one contract, built once per process and removed at its exit."""
    modules = child_modules(contract)
    if modules not in _TREES:
        if not _TREES:
            atexit.register(remove_trees)
        _TREES[modules] = build_tree(modules)
    return _TREES[modules]


def remove_trees() -> None:
    for tree in _TREES.values():
        shutil.rmtree(tree, ignore_errors=True)
    _TREES.clear()
