"""The limits a student's code runs under, and each lab's own: one table for ``pytest
--submission`` and the grader alike.

Each limit is one field of ``Limits``: its flag (``--call-timeout``, ``--total-budget``,
``--memory-mb``, ``--file-mb``, ``--startup-timeout``, the same in pytest and in ``python
-m labs grade``), help, unit and valid range are written there once
(``labs.dataclass_options``).

Per lab (``LAB_LIMITS``), tight where correct code is fast, so that a folder that never
returns costs seconds, not minutes. TD 1: a correct 1000-iteration perceptron in plain
Python lists answers in about 10 ms, the slowest call the specs make (an MLP, 2000
iterations) well under a second: 10 s per call is generous. TD 3: the child loads torch,
transformers and datasets, whose mappings alone pass 2 GiB of address space ("failed to map
segment from shared object"); a training run of the tiny models peaks at 2.4 GiB, and 6 GiB
leaves room for a student's own copies. Labs not listed get the defaults of ``Limits``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from labs.dataclass_options import add_options, check_field, given, setting, settings_of


@dataclass(frozen=True)
class Limits:
    call_timeout: float = field(default=60.0, metadata=setting(
        "wall-clock limit of one call into a submission", unit="s", positive=True,
        metavar="SECONDS"))
    total_budget: float = field(default=600.0, metadata=setting(
        "wall-clock budget of all calls into one submission together", unit="s",
        positive=True, metavar="SECONDS"))
    memory_mb: int = field(default=2048, metadata=setting(
        "address-space limit (RLIMIT_AS) of a submission's process", unit="MB", low=64,
        metavar="MB"))
    file_mb: int = field(default=512, metadata=setting(
        "largest file a submission's process may write, its captured output included",
        unit="MB", low=1, metavar="MB"))
    # the trusted start-up before the first call (interpreter, jail, the contract's
    # libraries: torch and transformers for TD 3); not counted in any call's timeout
    startup_timeout: float = field(default=600.0, metadata=setting(
        "wall-clock limit of a submission process's start-up, before any of its code runs "
        "(counted in no call's timeout)", unit="s", positive=True, metavar="SECONDS"))

    def __post_init__(self) -> None:
        for limit in settings_of(Limits):
            check_field(limit, getattr(self, limit.name))


LAB_LIMITS: dict[str, Limits] = {
    "td1": Limits(call_timeout=10.0, total_budget=120.0),
    "td3": Limits(memory_mb=6144),
}


def limits_for(lab: str) -> Limits:
    """The limits of a lab or one of its parts (``td2/stylegan`` -> ``td2``)."""
    return LAB_LIMITS.get(lab.split("/")[0], Limits())


def limits_for_labs(labs: Iterable[str]) -> Limits:
    """The limits of one lab; for specs of several labs in one run, the largest of each."""
    each = [limits_for(lab) for lab in set(labs)] or [Limits()]
    return Limits(**{f.name: max(getattr(limits, f.name) for limits in each)
                     for f in dataclasses.fields(Limits)})


def _lab_defaults(limit: dataclasses.Field) -> str:
    """``the lab's: td1 10 s; others 60 s``: what an option's help says of its default."""
    unit = f" {limit.metadata['unit']}"
    special = [f"{lab} {getattr(limits, limit.name):g}{unit}" for lab, limits in LAB_LIMITS.items()
               if getattr(limits, limit.name) != limit.default]
    if not special:
        return f"{limit.default:g}{unit}"
    return f"the lab's: {', '.join(special)}; others {limit.default:g}{unit}"


def add_limit_options(add: Callable[..., Any]) -> None:
    """The limits' options, through ``parser.add_argument`` or pytest's ``addoption``."""
    add_options(add, Limits, default_text=_lab_defaults)


def limits_given(labs: Iterable[str], value_of: Callable[[str], Any]) -> Limits:
    """The labs' limits with those given on the command line (``value_of(name)``, None when
    not given); ValueError names a bad one's flag."""
    return dataclasses.replace(limits_for_labs(labs), **given(Limits, value_of))
