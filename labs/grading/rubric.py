"""A teacher's rubric: the points table of one lab as a TOML file, to print, edit and load.

``python -m labs rubric td1 > rubric.toml`` prints the default points; ``grade``,
``grade-class`` and ``gradescope-bundle`` take ``--rubric rubric.toml``. One table per spec,
named by its id relative to ``specs/<lab>/`` (as in the CSV's columns)::

    ["test_weights_csv.py::test_weights_csv_round_trips"]
    points = 3          # per parametrised case
    part = "asked"      # "asked": in the maximum; "bonus": earned when passed, never lost
    hidden = false      # true: the student sees the outcome and points, not the details
    requires = []       # counts only if one case of one of these passed
    after = []          # a failure explained by one of these leaves the maximum

A file may list only the specs it changes; the others keep their default. A spec worth
0 points is not graded. Parsing uses the standard library's ``tomllib``; the printing is
hand-written (the format is a flat list of tables of plain values, and no TOML writer is a
dependency of the project).
"""
from __future__ import annotations

import argparse
import json
import tomllib
from dataclasses import replace
from pathlib import Path

from labs.grading.points import POINTS, Points, Rubric, tables_of

FIELDS = {"points", "part", "hidden", "requires", "after"}
PARTS = ("asked", "bonus")


class RubricError(ValueError):
    """A rubric file that cannot be used; the message names the bad value."""


def _prefix(lab: str, table: str) -> str:
    """The prefix that makes a key of ``table`` a spec id relative to ``specs/<lab>/``."""
    return "" if table == lab else table[len(lab) + 1:] + "/"


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def _names(keys: tuple[str, ...], prefix: str) -> str:
    return "[" + ", ".join(_quote(prefix + key) for key in keys) + "]"


def rubric_toml(lab: str, rubric: Rubric = POINTS) -> str:
    """The points of ``lab`` as a rubric file (what ``python -m labs rubric LAB`` prints)."""
    lines = [f"# Points of {lab}: edit, then grade with --rubric FILE (see docs/grading.md).",
             "# part: \"asked\" counts in the maximum; \"bonus\" adds when passed, never lost.",
             f"lab = {_quote(lab)}", ""]
    for table in tables_of(lab, rubric):
        prefix = _prefix(lab, table)
        lines.append(f"# {table} (points are per parametrised case)")
        for key, points in rubric[table].items():
            lines += [f"[{_quote(prefix + key)}]",
                      f"points = {points.points:g}",
                      f"part = {_quote('bonus' if points.bonus else 'asked')}",
                      f"hidden = {'true' if points.hidden else 'false'}",
                      f"requires = {_names(points.requires, prefix)}",
                      f"after = {_names(points.after, prefix)}", ""]
    return "\n".join(lines)


def _where(lab: str, name: str, rubric: Rubric) -> tuple[str, str] | None:
    """(table, key) of a spec named as in the rubric file, or None."""
    for table in tables_of(lab, rubric):
        prefix = _prefix(lab, table)
        if name.startswith(prefix) and name[len(prefix):] in rubric[table]:
            return table, name[len(prefix):]
    return None


def _keys(value: object, field: str, name: str, table: str, lab: str,
          rubric: Rubric, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RubricError(f"{source}: [{name!r}] {field} must be a list of spec names")
    keys = []
    for other in value:
        found = _where(lab, other, rubric)
        if found is None or found[0] != table:
            raise RubricError(f"{source}: [{name!r}] {field} names an unknown spec {other!r}")
        keys.append(found[1])
    return tuple(keys)


def _changed(points: Points, name: str, fields: dict, table: str, lab: str,
             rubric: Rubric, source: str) -> Points:
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        raise RubricError(f"{source}: [{name!r}] has an unknown field {unknown[0]!r} "
                          f"(fields: {', '.join(sorted(FIELDS))})")
    changes: dict = {}
    if "points" in fields:
        value = fields["points"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
            raise RubricError(f"{source}: [{name!r}] points must be a number >= 0, "
                              f"got {value!r}")
        changes["points"] = float(value)
    if "part" in fields:
        if fields["part"] not in PARTS:
            raise RubricError(f"{source}: [{name!r}] part must be \"asked\" or \"bonus\", "
                              f"got {fields['part']!r}")
        changes["bonus"] = fields["part"] == "bonus"
    if "hidden" in fields:
        if not isinstance(fields["hidden"], bool):
            raise RubricError(f"{source}: [{name!r}] hidden must be true or false, "
                              f"got {fields['hidden']!r}")
        changes["hidden"] = fields["hidden"]
    for field in ("requires", "after"):
        if field in fields:
            changes[field] = _keys(fields[field], field, name, table, lab, rubric, source)
    return replace(points, **changes)


def load_rubric(path: Path, lab: str) -> Rubric:
    """The default points of ``lab`` with the file's changes; RubricError naming what is
    wrong (an unknown spec or field, a bad value, a file that is not TOML)."""
    source = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RubricError(f"cannot read the rubric {source}: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RubricError(f"{source} is not a valid TOML file: {error}") from None
    declared = data.pop("lab", lab)
    if declared != lab:
        raise RubricError(f"{source} is a rubric of {declared!r}, not of {lab!r}")
    rubric = {table: dict(entries) for table, entries in POINTS.items()}
    if not tables_of(lab, rubric):
        raise RubricError(f"lab {lab!r} has no points table to change")
    for name, fields in data.items():
        found = _where(lab, name, rubric)
        if found is None:
            raise RubricError(f"{source}: unknown spec {name!r} for {lab} "
                              f"(python -m labs rubric {lab} lists them)")
        if not isinstance(fields, dict):
            raise RubricError(f"{source}: {name!r} must be a table of fields, got {fields!r}")
        table, key = found
        rubric[table][key] = _changed(rubric[table][key], name, fields, table, lab,
                                      POINTS, source)
    return rubric


def add_rubric_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rubric", type=Path, default=None, metavar="FILE",
                        help="a teacher's points (TOML; python -m labs rubric LAB prints the "
                             "default to edit; default: labs/grading/points.py)")


def rubric_from(args: argparse.Namespace) -> Rubric:
    """The rubric named by --rubric (validated for --lab), or the default points."""
    from labs.cli import bad_input

    if args.rubric is None:
        return POINTS
    with bad_input(RubricError):
        return load_rubric(args.rubric, args.lab)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("rubric", help="print a lab's default points as a TOML "
                                                  "rubric, to edit and pass to --rubric")
    parser.add_argument("lab", metavar="LAB", help="td1, td2, td2/gan, td2/stylegan or td3")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError

    if not tables_of(args.lab):
        raise UsageError(f"unknown lab {args.lab!r}; labs with points: "
                         f"{', '.join(sorted(POINTS))}, td2")
    print(rubric_toml(args.lab))
    return 0
