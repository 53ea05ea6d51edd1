"""Command-line options generated from a dataclass's fields.

Each setting is written once, as a field whose metadata (``setting(...)``) gives its help,
its unit and its valid range; the flag is the field's name with dashes (``call_timeout`` ->
``--call-timeout``). ``add_options`` registers one option per field with argparse's
``add_argument`` or pytest's ``addoption`` (they take the same arguments), ``given`` reads
back the values given on the command line, checked, with an error naming the flag, and
``check_field`` is the same check for a value set in code (naming the field).

Hand-written rather than a library (simple-parsing, tyro): those build their own parser,
and both ``python -m labs`` (argparse) and pytest need options added to a parser they own.
"""
from __future__ import annotations

import dataclasses
import math
import numbers
from typing import Any, Callable, Iterable


def setting(help: str, *, unit: str = "", low: float | None = None, high: float | None = None,
            positive: bool = False, choices: Iterable[str] | None = None,
            aliases: tuple[str, ...] = (), metavar: str | None = None,
            type: type | None = None, default_text: str | None = None) -> dict[str, Any]:
    """A field's metadata: ``field(default=..., metadata=setting("what it is", ...))``.
    ``low``/``high``: bounds (inclusive); ``positive``: a number > 0; ``type``: int, float
    or str when the default (None) does not say; ``default_text``: what the help says of a
    default that is not a plain value (None: "by size")."""
    return {"help": help, "unit": unit, "low": low, "high": high, "positive": positive,
            "choices": tuple(choices) if choices is not None else None, "aliases": aliases,
            "metavar": metavar, "type": type, "default_text": default_text}


def settings_of(cls: type, skip: Iterable[str] = ()) -> list[dataclasses.Field]:
    """The fields of ``cls`` that carry ``setting`` metadata, in order."""
    return [f for f in dataclasses.fields(cls) if "help" in f.metadata and f.name not in skip]


def flag(field: dataclasses.Field) -> str:
    return "--" + field.name.replace("_", "-")


def _kind(field: dataclasses.Field) -> type:
    """int, float or str: the metadata's ``type``, else the type of the field's default."""
    if field.metadata.get("type") is not None:
        return field.metadata["type"]
    default = field.default if field.default is not dataclasses.MISSING else None
    return type(default) if isinstance(default, (int, float, str)) else str


def _plain(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _with_unit(value: Any, field: dataclasses.Field) -> str:
    unit = field.metadata.get("unit", "")
    return f"{_plain(value)} {unit}" if unit else _plain(value)


def _span(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f" from {low} to {high}"
    return f" >= {low}" if low is not None else f" <= {high}" if high is not None else ""


def check_field(field: dataclasses.Field, value: Any, name: str | None = None) -> None:
    """Raise ValueError naming ``name`` (default: the field's name) when ``value`` is out of
    the field's range or choices (None, where the default is None, means the default)."""
    meta, name = field.metadata, name or field.name
    if value is None and field.default is None:
        return
    if meta.get("choices") is not None and value not in meta["choices"]:
        raise ValueError(f"unknown {name} {value!r}; choose one of {', '.join(meta['choices'])}")
    kind, low, high = _kind(field), meta.get("low"), meta.get("high")
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) \
                or not (low is None or value >= low) or not (high is None or value <= high):
            raise ValueError(f"{name} must be an integer{_span(low, high)}, got {value!r}")
    elif kind is float:
        real = not isinstance(value, bool) and isinstance(value, numbers.Real) \
            and math.isfinite(value)
        if meta.get("positive") and not (real and value > 0):
            raise ValueError(f"{name} must be a positive number, got {value!r}")
        if not real or not (low is None or value >= low) or not (high is None or value <= high):
            raise ValueError(f"{name} must be a finite number{_span(low, high)}, got {value!r}")


def add_options(add: Callable[..., Any], cls: type, skip: Iterable[str] = (),
                default_text: Callable[[dataclasses.Field], str] | None = None) -> None:
    """One option per setting of ``cls`` through ``add`` (``parser.add_argument`` or pytest's
    ``group.addoption``). The option's default is None (not given); its help ends with the
    default, ``default_text(field)`` or the field's own."""
    for field in settings_of(cls, skip):
        meta = field.metadata
        default = (default_text(field) if default_text else meta.get("default_text")
                   or _with_unit(field.default, field))
        options: dict[str, Any] = {"dest": field.name, "type": _kind(field), "default": None,
                                   "help": f"{meta['help']} (default: {default})"}
        if meta.get("choices") is not None:
            options["choices"] = meta["choices"]
        else:
            options["metavar"] = meta.get("metavar") or field.name.upper()
        add(flag(field), *meta.get("aliases", ()), **options)


def given(cls: type, value_of: Callable[[str], Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """The settings of ``cls`` given on the command line (``value_of(name)``, None when not
    given), checked: ValueError names the flag."""
    values = {}
    for field in settings_of(cls, skip):
        value = value_of(field.name)
        if value is not None:
            check_field(field, value, flag(field))
            values[field.name] = value
    return values


def as_arguments(instance: Any) -> list[str]:
    """``--flag=value`` for every setting of a dataclass instance (to pass it on to a child
    command that has the same options)."""
    return [f"{flag(f)}={_plain(getattr(instance, f.name))}" for f in settings_of(type(instance))]
