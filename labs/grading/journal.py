"""The results folder as the journal of a class grading: ``grade-class --resume``.

Each student's grade is written to ``results/<student>/grade.json`` the moment it comes
back (a private file, never written through a link: ``labs.grading.outputs``; one cut
short by an interruption does not parse, and that student is graded again), with what it
was graded against: the lab, the grading settings
(limits, ``--only``, the rubric's points, a ``--spec-seed`` given) and a fingerprint of the
student's files. After an interruption (Ctrl-C, a lost node, a killed scheduler) ``--resume``
takes every entry whose lab, settings and fingerprint still match, and grades the others:
a student who handed in again since, or a change of limits or points, is graded anew. A
folder the grader could not grade has no entry, so it is tried again.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from labs.grading.grade import Grade
from labs.grading.outputs import private_folder, read_regular, write_private
from labs.grading.plain import MAX_CHARS, NotAGrade, from_text, to_text
from labs.grading.points import Rubric
from labs.sandbox.limits import Limits

ENTRY = "grade.json"
HASHED_FILE_BYTES = 20 * 2**20  # larger files count by size and time (staging leaves them out)
SKIPPED = {"__pycache__", ".git", ".ipynb_checkpoints"}
MAX_ENTRIES = 5000


def settings_key(lab: str, limits: Limits, select: str | None, rubric: Rubric,
                 spec_seed: int | None) -> str:
    """A digest of everything besides the folder that decides a grade."""
    points = {table: {key: dataclasses.asdict(p) for key, p in entries.items()}
              for table, entries in rubric.items()}
    settings = {"lab": lab, "limits": dataclasses.asdict(limits), "only": select,
                "points": points, "spec_seed": spec_seed}
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


def _hash_file(path: Path, digest: Any) -> None:
    """Feed a regular file's bytes to ``digest``, never following a link or opening a FIFO."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return
        if info.st_size > HASHED_FILE_BYTES:
            digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
            return
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
    finally:
        os.close(fd)


def folder_fingerprint(folder: Path) -> str:
    """A digest of the folder's regular files (names and contents), its first
    ``MAX_ENTRIES`` files (staging copies no more); links are not followed."""
    digest = hashlib.sha256()
    entries = 0
    for top, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if f not in SKIPPED)
        for name in sorted(files):
            entries += 1
            if entries > MAX_ENTRIES:
                return digest.hexdigest()
            path = Path(top) / name
            digest.update(os.fsencode(path.relative_to(folder)) + b"\0")  # any bytes
            try:
                if stat.S_ISREG(os.lstat(path).st_mode):
                    _hash_file(path, digest)
            except OSError as error:  # unreadable: it counts as such
                digest.update(f"error {error.errno}".encode())
    return digest.hexdigest()


class Journal:
    """``results/<student>/grade.json`` entries for one class grading's settings."""

    def __init__(self, results: Path, settings: str) -> None:
        self.results = results
        self.settings = settings

    def record(self, folder: Path, grade: Grade, fingerprint: str) -> None:
        """Keep ``grade`` of ``folder`` (whose files had ``fingerprint`` when it was sent)."""
        entry = private_folder(self.results / folder.name)
        write_private(entry / ENTRY, json.dumps(
            {"settings": self.settings, "fingerprint": fingerprint, "grade": to_text(grade)}))

    def graded(self, folder: Path, fingerprint: str) -> Grade | None:
        """The journal's grade of ``folder`` if it was graded with these settings on these
        very files; None otherwise (never graded, other settings, changed, unreadable)."""
        data = read_regular(self.results / folder.name / ENTRY, MAX_CHARS)
        if data is None:
            return None
        try:
            entry = json.loads(data.decode("utf-8"))
            if not isinstance(entry, dict) or entry.get("settings") != self.settings \
                    or entry.get("fingerprint") != fingerprint \
                    or not isinstance(entry.get("grade"), str):
                return None
            return from_text(entry["grade"])
        except (ValueError, NotAGrade):  # UnicodeDecodeError is a ValueError
            return None
