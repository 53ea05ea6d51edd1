"""Writing the grader's outputs: private, never through a link, CSV-safe.

A class folder is the students' ground: a student may leave a link where the grader is
about to write, or a name that a spreadsheet would run as a formula. So every output file
is opened with ``O_NOFOLLOW`` inside folders this module creates or checks, and is
readable by the teacher only (files 0600, folders 0700). CSV cells a student controls are
neutralised as OWASP recommends for CSV injection: a cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from labs.sandbox import untrusted

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class OutputError(OSError):
    """An output path the grader refuses to write through."""


def csv_safe(cell: str) -> str:
    """A text cell on one line, never read as a formula by a spreadsheet."""
    cell = untrusted.text(cell, limit=4000).replace("\n", " ⏎ ").replace("\t", " ")
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def private_folder(path: Path) -> Path:
    """``path`` as a folder of the teacher's only (0700), created if needed; a link there
    is refused, never followed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"refusing to write into {path}: it is not a folder (a link?)")
    os.chmod(path, 0o700)  # a folder, checked just above (not a link to one)
    return path


def open_private(path: Path, mode: str = "w"):
    """``path`` opened for writing (``"w"`` text, ``"wb"`` bytes), 0600, truncated; a link at
    its last component is refused."""
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fd = os.open(path.name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600,
                     dir_fd=folder)
    except OSError as error:
        raise OutputError(f"refusing to write {path}: {error.strerror} (a link?)") from None
    finally:
        os.close(folder)
    os.fchmod(fd, 0o600)  # an earlier file of the same name may have been readable
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding="utf-8", newline="")


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as ``open_private`` opens it."""
    with open_private(path) as file:
        file.write(text)


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path`` if it has at most ``limit`` of them; None for
    a link, a FIFO (never waited on), a folder, a larger file or one that cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = file.read(limit + 1)
    return data if len(data) <= limit else None
