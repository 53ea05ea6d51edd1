"""A Grade as plain data (JSON text) and back, every field's type checked on the way in.

What a worker sends back to ``grade-class`` (locally or from a Dask worker) and what the
results folder's journal keeps (``labs.grading.journal``): never a pickled object, so a
result is data whatever produced it, and a text over ``MAX_CHARS`` or of the wrong shape
is refused with the reason.
"""
from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

from labs.grading.grade import Grade

MAX_CHARS = 16 * 2**20  # a TD 3 grade with every message at its cap is far below this


class NotAGrade(ValueError):
    """Text that is not a plain grade."""


def to_text(grade: Grade) -> str:
    return json.dumps(dataclasses.asdict(grade))


def _check(value: Any, kind: Any, where: str) -> Any:
    """``value`` if it is of type ``kind`` (the field types of Grade and GradedSpec)."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return value
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(kind)
        return [_check(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict and isinstance(value, dict):
        key, item = typing.get_args(kind)
        return {_check(k, key, where): _check(v, item, f"{where}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(kind) and isinstance(value, dict):
        return _build(kind, value, where)
    if origin is None and isinstance(kind, type) and isinstance(value, kind) and \
            not (kind is int and isinstance(value, bool)):
        return value
    raise NotAGrade(f"{where}: expected {getattr(kind, '__name__', kind)}, "
                    f"got {type(value).__name__}")


def _build(cls: type, data: dict, where: str) -> Any:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise NotAGrade(f"{where}: unknown field {sorted(unknown)[0]!r}")
    return cls(**{name: _check(value, hints[name], f"{where}.{name}")
                  for name, value in data.items()})


def from_text(text: str) -> Grade:
    """The Grade in ``text`` (``to_text``'s output), or NotAGrade saying what is wrong."""
    if len(text) > MAX_CHARS:
        raise NotAGrade(f"a grade of {len(text)} characters (at most {MAX_CHARS})")
    try:
        data = json.loads(text)
    except ValueError as error:
        raise NotAGrade(f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise NotAGrade("not a JSON object")
    try:
        return _build(Grade, data, "grade")
    except TypeError as error:  # a required field missing
        raise NotAGrade(str(error)) from None

