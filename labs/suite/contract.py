"""What a lab asks of a submission: a contract module, and names resolved through it.

Each lab has a contract module (for TD 1, ``labs.perceptron.contract``) that declares:

- ``MODULE``: the student's file (``perceptron`` for ``perceptron.py``);
- ``REFERENCE``: the reference package implementing the same names (``labs.perceptron``);
- ``REQUIRED``: the names a submission must provide (specs of other names are skipped
  when a submission lacks them);
- ``PROBES``: name -> ``probe(impl, *args)``, a function that calls the implementation and
  returns plain data (numbers, arrays, dicts), normalising the accepted return shapes.

Probes run wherever the implementation runs: in-process for the reference, in a sandboxed
child process for a student's folder. Specs only ever see what a probe returned.
"""
from __future__ import annotations

import importlib
import keyword
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import numpy as np


class ContractViolation(ValueError):
    """A return value that does not have the shape the contract describes."""


def as_float_array(value: Any, what: str) -> np.ndarray:
    """A float array of ``value``, or ContractViolation naming ``what`` it should have been."""
    try:
        return np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise ContractViolation(f"{what} is not an array of numbers "
                                f"(got {type(value).__name__})") from None


class MissingFunction(AttributeError):
    """The implementation lacks a name the contract asks for."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def load_contract(path: str) -> ModuleType:
    """Import a contract module; only the project's own modules are accepted."""
    if not path.startswith("labs.") or not path.endswith(".contract"):
        raise ValueError(f"not a contract module of this project: {path!r}")
    return importlib.import_module(path)


def read_mapping(folder: Path, module: str) -> tuple[str, dict[str, str]]:
    """The student's own module and function names for one contract module.

    ``submission.toml`` in the student's folder may hold, for TD 1::

        [perceptron]               # the contract's module name
        module = "mon_perceptron"  # the student's file, without .py
        train = "entrainer"        # contract name = the student's function name
        notebook = "tp1.ipynb"     # or: build the module from this notebook's code cells
    """
    path = folder / "submission.toml"
    if not path.exists():
        return module, {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get(module, {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"submission.toml is malformed: {error}") from None
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ValueError(f"submission.toml: [{module}] must map names to strings")
    names = dict(table)
    chosen = names.pop("module", module)
    notebook = names.pop("notebook", None)  # a notebook to build the module from
    for key, value in [("module", chosen), *names.items()]:
        if not value.isidentifier() or keyword.iskeyword(value):
            raise ValueError(f"submission.toml: [{module}] {key} = {value!r} is not a plain "
                             "Python name (a module is a file of the folder: no dots, no paths)")
    if notebook is not None:
        if not notebook.endswith(".ipynb") or "/" in notebook or notebook.startswith("."):
            raise ValueError(f"submission.toml: [{module}] notebook = {notebook!r} is not the "
                             "name of a .ipynb file of the folder")
        names["notebook"] = notebook  # popped by the worker, which converts it
    return chosen, names


class Implementation:
    """Contract names resolved to the functions of one module (attribute access)."""

    def __init__(self, module: ModuleType, filename: str, names: dict[str, str] | None = None):
        self._module = module
        self._filename = filename
        self._names = names or {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        real = self._names.get(name, name)
        value = getattr(self._module, real, None)
        if value is None:
            mapped = f" (mapped from `{name}` in submission.toml)" if real != name else ""
            raise MissingFunction(name, f"{self._filename} has no `{real}`{mapped}")
        return value

    @property
    def module_name(self) -> str:
        """The implementing module's name: the reference's is dotted (``labs.gan``), a
        student's never is (``submission.toml`` names plain identifiers only)."""
        return self._module.__name__

    def provides(self, name: str) -> bool:
        return getattr(self._module, self._names.get(name, name), None) is not None


def reference_implementation(contract: ModuleType) -> Implementation:
    module = importlib.import_module(contract.REFERENCE)
    return Implementation(module, contract.REFERENCE)


Probe = Callable[..., Any]
