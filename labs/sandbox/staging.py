"""Copy a student's folder into a private staging folder: plain files only, of bounded size.

The trusted side (the grader, pytest) reads nothing of a student's folder but what this
copies: regular files and folders, read through descriptors opened without following links
(``O_NOFOLLOW``) and checked again after opening, so a link, a FIFO, a device or a socket
is never followed, opened for long, or read. A sparse file (mostly holes: 200 MB that take
no disk) and anything past the size limits is left out too. Each entry left out gets a
reason in words; the grade's feedback shows them.

The staging folder lives outside the project (pytest's rootdir), in a fresh private
temporary folder (mode 0700), so pytest can never discover a conftest or an ini file in it.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from labs.sandbox import untrusted

MAX_FILE_BYTES = 20 * 1024 * 1024  # a single file (a notebook with images stays well under)
MAX_TOTAL_BYTES = 100 * 1024 * 1024  # all files together
MAX_ENTRIES = 5000  # files and folders
MAX_DEPTH = 16
SKIPPED = {"__pycache__", ".git", ".ipynb_checkpoints"}  # caches, not the student's work
_CHUNK = 1 << 20


class StagingError(ValueError):
    """The folder itself cannot be staged (missing, not a folder, unreadable)."""


@dataclass
class Staged:
    folder: Path  # the copy
    left_out: list[str] = field(default_factory=list)  # "name: reason" for each entry refused


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISLNK, "a symbolic link (links are never followed)"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _is_sparse(info: os.stat_result) -> bool:
    """Mostly holes: allocated blocks under half the size (small files are never sparse)."""
    blocks = getattr(info, "st_blocks", None)
    return blocks is not None and info.st_size > _CHUNK and blocks * 512 < info.st_size // 2


class _Stager:
    def __init__(self) -> None:
        self.left_out: list[str] = []
        self.total = 0
        self.entries = 0

    def refuse(self, name: str, reason: str) -> None:
        self.left_out.append(f"{untrusted.name(name)}: {reason}")  # any bytes, made showable

    def copy_dir(self, fd: int, dest: Path, relative: str, depth: int) -> None:
        dest.mkdir(mode=0o755)
        with os.scandir(fd) as entries:
            names = sorted(entry.name for entry in entries)
        for name in names:
            shown = f"{relative}{name}"
            if name in SKIPPED:
                continue
            self.entries += 1
            if self.entries > MAX_ENTRIES:  # said once; the folders above stop here too
                if self.entries == MAX_ENTRIES + 1:
                    self.refuse(shown, f"more than {MAX_ENTRIES} files and folders: the rest "
                                       "is left out")
                return
            try:
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            except OSError as error:
                self.refuse(shown, f"unreadable ({error.strerror})")
                continue
            if stat.S_ISDIR(info.st_mode):
                if depth >= MAX_DEPTH:
                    self.refuse(shown + "/", f"folders nested more than {MAX_DEPTH} deep")
                    continue
                self.open_and(fd, name, shown + "/", info,
                              lambda child: self.copy_dir(child, dest / name, shown + "/", depth + 1),
                              os.O_DIRECTORY)
            elif stat.S_ISREG(info.st_mode):
                self.copy_file(fd, name, dest / name, shown, info)
            else:
                self.refuse(shown, _kind(info.st_mode))

    def open_and(self, fd: int, name: str, shown: str, info: os.stat_result, then,
                 flags: int = 0) -> None:
        try:
            child = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | flags, dir_fd=fd)
        except OSError as error:
            self.refuse(shown, f"unreadable ({error.strerror})")
            return
        try:
            now = os.fstat(child)
            if (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino):
                self.refuse(shown, "it changed while being copied")
                return
            then(child)
        finally:
            os.close(child)

    def copy_file(self, fd: int, name: str, dest: Path, shown: str, info: os.stat_result) -> None:
        if _is_sparse(info):
            self.refuse(shown, f"a sparse file ({info.st_size / 2**20:.0f} MB, mostly holes)")
            return
        if info.st_size > MAX_FILE_BYTES:
            self.refuse(shown, f"{info.st_size / 2**20:.0f} MB, over the limit of "
                               f"{MAX_FILE_BYTES // 2**20} MB per file")
            return
        if self.total + info.st_size > MAX_TOTAL_BYTES:
            self.refuse(shown, f"the folder's files pass {MAX_TOTAL_BYTES // 2**20} MB in all")
            return

        def write(source: int) -> None:
            if not stat.S_ISREG(os.fstat(source).st_mode):
                self.refuse(shown, "not a regular file")
                return
            data = bytearray()
            while len(data) <= info.st_size:  # a file that grows is cut at its stat size
                chunk = os.read(source, _CHUNK)
                if not chunk:
                    break
                data += chunk
            if len(data) > info.st_size:
                self.refuse(shown, "it grew while being copied")
                return
            self.total += len(data)
            with open(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb") as out:
                out.write(data)

        self.open_and(fd, name, shown, info, write)


def stage(folder: Path | str, dest: Path | str | None = None) -> Staged:
    """Copy ``folder``'s plain files to ``dest`` (default: a new private temporary folder,
    which the caller removes); the entries left out come back with their reasons."""
    folder = Path(folder)
    try:
        info = os.stat(folder)  # the folder named on the command line may be a link
    except OSError as error:
        raise StagingError(f"submission folder not found: {folder} ({error.strerror})") from None
    if not stat.S_ISDIR(info.st_mode):
        raise StagingError(f"not a folder: {folder}")
    if dest is None:
        dest = Path(tempfile.mkdtemp(prefix="staged-")) / "submission"
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    stager = _Stager()
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise StagingError(f"cannot read the submission folder {folder}: {error.strerror}") from None
    try:
        stager.copy_dir(fd, dest, "", 0)
    finally:
        os.close(fd)
    return Staged(dest, stager.left_out)
