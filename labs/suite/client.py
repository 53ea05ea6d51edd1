"""The base of every lab's contract client: what the specs call to run a probe.

Each lab's contract module defines a subclass (TD 1's ``Perceptron``) whose methods call the
lab's probes and check their results in plain words; a spec conftest only binds it to the
``submission`` fixture. The class is defined in the contract module, which is also copied
into a student's sandboxed child: so nothing here imports pytest at module level (the child
never builds a client; pytest is imported when a spec skips).
"""
from __future__ import annotations

from typing import Any, Callable, NoReturn

import numpy as np

from labs.suite.contract import NotProvided, Probe

MISSING = "not provided: "  # how a spec of a part the submission lacks is skipped


class Fields(dict):
    """A result's fields, each checked when a spec reads it (``checks[name](value)`` asserts
    in plain words), so a defect in one field (missing, wrong shape or type, NaN) fails
    only the specs that read that field; the others are graded on the fields that are right.
    A field the child could not convert arrives as ``{"invalid": why}`` and fails on read."""

    def __init__(self, fields: dict, where: str, checks: dict[str, Callable[[Any], None]]) -> None:
        super().__init__(fields)
        self.where, self.checks = where, checks

    def __getitem__(self, name: str) -> Any:
        value = self.raw(name)
        assert value is not None, f"{self.where}: the result has no `{name}`"
        assert not _invalid(value), f"{self.where}: {value['invalid']}"
        if name in self.checks:
            self.checks[name](value)
        return value

    def raw(self, name: str) -> Any:
        """The field as returned, unchecked (a determinism check compares what it is)."""
        return super().get(name)


def same_numbers(a: Any, b: Any) -> bool:
    """Whether two plain results hold the very same numbers: arrays bit for bit (an empty one
    never counts), dicts key by key; anything else never counts as the same. What tells a
    run played back for another seed from a run of its own."""
    if isinstance(a, dict) and isinstance(b, dict):
        return bool(a) and a.keys() == b.keys() and all(same_numbers(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return (a.shape == b.shape and a.dtype == b.dtype and a.size > 0
                and bool(np.array_equal(a, b)))
    return False


def _invalid(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"invalid"}


class ContractClient:
    """Calls the probes of one lab's contract on the code under test; a spec that needs a
    part the submission lacks is skipped as "not provided" (the grader charges the points
    of an asked part, and never those of a bonus part)."""

    def __init__(self, bound: Any) -> None:
        """``bound``: the contract bound to a submission (``submission.contract(path)``)."""
        self.bound = bound

    @classmethod
    def of(cls, submission: Any) -> "ContractClient":
        """This client on ``submission``'s binding of the contract module it is defined in."""
        return cls(submission.contract(cls.__module__))

    def call(self, probe: Probe, *args: Any, repeat: int | None = None, cache: bool = True,
             **kwargs: Any) -> Any:
        """The probe's result; ``repeat=n``: a list of ``n`` results, the probe run ``n``
        times in the same process (same seed, same result is what determinism asks);
        ``cache=False``: not kept for a later identical call."""
        try:
            return self.bound.call(probe, *args, repeat=repeat, cache=cache, **kwargs)
        except NotProvided as missing:
            self.skip(f"{MISSING}{missing}")

    @staticmethod
    def skip(reason: str) -> NoReturn:
        """Skip the calling spec (pytest imported here: the child never gets this far)."""
        import pytest

        pytest.skip(reason)
