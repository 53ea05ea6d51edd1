"""What a lab asks of a submission: a contract module, and names resolved through it.

Each lab has one contract module (for TD 1, ``labs.perceptron.contract``) that declares:

- ``MODULE``: the student's file (``perceptron`` for ``perceptron.py``);
- ``REFERENCE``: the lab's package, which implements the same names (``labs.perceptron``);
- ``REQUIRED``, ``ASKED`` and ``BONUS``: the names without which nothing can be graded;
  the names the lab asks for too (graded: a submission without one is skipped on its specs
  as "not provided" and loses their points); and the names it does not ask for (their
  specs' points come on top, never lost). Only bonus is ever called optional;
- ``CHILD_MODULES``: the project modules its probes need in a student's child;
- its probes: functions ``probe(impl, *args)`` decorated with ``@probe``, which call the
  implementation and return plain data (numbers, arrays, dicts), normalising the accepted
  return shapes;
- its client (a ``labs.suite.client.ContractClient``): what the specs call, which runs the
  probes and checks their results in plain words.

Probes run wherever the implementation runs: in-process for the reference, in a sandboxed
child process for a student's folder. Specs only ever see what a probe returned. This
module is copied into that child: it imports nothing of pytest or of the references.
"""
from __future__ import annotations

import dataclasses
import importlib
import inspect
import keyword
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import numpy as np


class SubmissionError(Exception):
    """The submission failed to answer a call; the message says why in plain words."""


class NotProvided(SubmissionError):
    """The submission lacks a name of the contract that is not required (asked or bonus:
    the rubric says which)."""


class UnknownProbe(ValueError):
    """A function that is not a registered probe of the contract it is sent to."""


class ContractViolation(ValueError):
    """A return value that does not have the shape the contract describes."""


def as_float_array(value: Any, what: str) -> np.ndarray:
    """A float array of ``value``, or ContractViolation naming ``what`` it should have been."""
    try:
        return np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise ContractViolation(f"{what} is not an array of numbers "
                                f"(got {type(value).__name__})") from None


def field_or_why(convert: Callable[[], Any]) -> Any:
    """One field of a result, converted; or ``{"invalid": why}`` when it cannot be, so that
    the other fields still reach the specs (``labs.suite.client.Fields`` fails only the
    specs that read this one)."""
    try:
        return convert()
    except ContractViolation as error:
        return {"invalid": str(error)}


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

    def provides(self, name: str) -> bool:
        return getattr(self._module, self._names.get(name, name), None) is not None


def reference_implementation(contract: ModuleType) -> Implementation:
    module = importlib.import_module(contract.REFERENCE)
    return Implementation(module, contract.REFERENCE)


Probe = Callable[..., Any]


@dataclasses.dataclass(frozen=True)
class ProbeCalls:
    """What a probe calls in the submission, so that a failure names the student's function
    and each call gets its own timeout: ``times`` calls, or one per item of the argument
    named ``once_per``."""

    function: str
    times: int = 1
    once_per: str | None = None


def probe(function: Probe | None = None, *, calls: str | None = None, times: int = 1,
          once_per: str | None = None) -> Any:
    """Register a function of a contract module as one of its probes (``@probe`` or
    ``@probe(calls="train_gan")``). ``calls`` defaults to the name after ``probe_``."""

    def register(fn: Probe) -> Probe:
        name = calls or fn.__name__.removeprefix("probe_")
        fn.__probe__ = ProbeCalls(name, times, once_per)  # type: ignore[attr-defined]
        return fn

    return register(function) if function is not None else register


def probes(contract: ModuleType) -> dict[str, Probe]:
    """The probes a contract module registered, by name (the name sent to a child)."""
    return {name: value for name, value in vars(contract).items()
            if callable(value) and hasattr(value, "__probe__")
            and getattr(value, "__module__", None) == contract.__name__}


def probe_named(contract: ModuleType, name: str) -> Probe:
    """The contract's probe of that name, or UnknownProbe saying which ones there are."""
    found = probes(contract).get(name)
    if found is None:
        raise UnknownProbe(f"{contract.__name__} has no probe {name!r} (its probes: "
                           f"{', '.join(sorted(probes(contract)))})")
    return found


def probe_name(contract: ModuleType, function: Any) -> str:
    """The name a probe travels under, after checking it is one of this contract's."""
    name = getattr(function, "__name__", repr(function))
    if probes(contract).get(name) is not function:
        raise UnknownProbe(f"{name} is not a probe of {contract.__name__} (a probe is a "
                           "function of the contract module decorated with @probe)")
    return name


def student_calls(function: Probe, args: tuple, kwargs: dict,
                  repeat: int | None = None) -> tuple[str, int]:
    """(the student's function a probe calls, how many times) for these arguments, the
    probe run ``repeat`` times."""
    calls: ProbeCalls = function.__probe__  # type: ignore[attr-defined]
    times = max(1, calls.times)
    if calls.once_per is not None:
        try:
            bound = inspect.signature(function).bind(None, *args, **kwargs)
            times = max(1, len(bound.arguments[calls.once_per]))
        except (TypeError, KeyError):  # a probe's own argument errors are reported by the probe
            times = 1
    return calls.function, times * (repeat or 1)


def run_probe(function: Probe, impl: Any, args: tuple | list, kwargs: dict,
              repeat: int | None) -> Any:
    """One call of a probe, or (``repeat=n``) a list of ``n`` calls in this process."""
    if repeat is None:
        return function(impl, *args, **kwargs)
    return [function(impl, *args, **kwargs) for _ in range(repeat)]
