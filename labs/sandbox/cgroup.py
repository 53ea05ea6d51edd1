"""A control group per submission child: memory and process count for all its processes
together, and one place from which to kill them all.

cgroup v2 where ``/sys/fs/cgroup`` is the unified hierarchy with the ``memory`` and
``pids`` controllers; else cgroup v1's ``memory`` and ``pids`` hierarchies (hybrid hosts).
Creating a group needs write access to the hierarchy (root, or a delegated subtree); where
there is none, ``SubmissionGroup.create`` returns None and the child keeps only the
per-process limits of ``labs.sandbox.child`` (``RLIMIT_AS``, ``RLIMIT_NPROC``): the
documented fallback. Memory written to a tmpfs (``/tmp``, ``/dev/shm``) is charged to the
group of the process that wrote it, so the jail's private tmpfs folders count as well.
"""
from __future__ import annotations

import itertools
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
_COUNTER = itertools.count()


def _own_path(controller: str) -> str | None:
    """This process's group in one v1 hierarchy (or v2's, for controller "")."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(",") or (controller == "" and controllers == ""):
            return path
    return None


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


def _v2_base() -> Path | None:
    controllers = ROOT / "cgroup.controllers"
    if not controllers.exists():
        return None
    path = _own_path("")
    if path is None:
        return None
    base = ROOT / path.lstrip("/")
    try:
        enabled = (base / "cgroup.subtree_control").read_text().split()
    except OSError:
        return None
    return base if {"memory", "pids"} <= set(enabled) and _writable(base) else None


def _v1_bases() -> dict[str, Path] | None:
    bases = {}
    for controller in ("memory", "pids"):
        path = _own_path(controller)
        base = ROOT / controller / (path or "/").lstrip("/")
        if path is None or not _writable(base):
            return None
        bases[controller] = base
    return bases


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep(bases: list[Path], version: int) -> None:
    """Kill and remove the groups of grading processes that died without removing theirs
    (killed from outside): whatever they left running ends here too."""
    for base in bases:
        for folder in base.glob("labs-submission-*-*"):
            pid = folder.name.split("-")[2]
            if pid.isdigit() and not _alive(int(pid)):
                SubmissionGroup([folder], version).kill_and_remove()


def available() -> bool:
    """Whether a group can be made here (one is made and removed at once)."""
    group = SubmissionGroup.create(64, 8)
    if group is None:
        return False
    group.kill_and_remove()
    return True


@dataclass
class SubmissionGroup:
    """One group (a folder per hierarchy) holding every process of one child."""
    folders: list[Path]
    version: int

    @classmethod
    def create(cls, memory_mb: int, max_processes: int) -> "SubmissionGroup | None":
        name = f"labs-submission-{os.getpid()}-{next(_COUNTER)}"
        memory = str(memory_mb * 1024 * 1024)
        made: list[Path] = []
        try:
            base = _v2_base()
            if base is not None:
                _sweep([base], 2)
                folder = base / name
                folder.mkdir()
                made.append(folder)
                (folder / "memory.max").write_text(memory)
                swap = folder / "memory.swap.max"
                if swap.exists():  # no escape into swap
                    swap.write_text("0")
                (folder / "pids.max").write_text(str(max_processes))
                return cls(made, 2)
            bases = _v1_bases()
            if bases is None:
                return None
            _sweep(list(bases.values()), 1)
            for controller in ("memory", "pids"):
                (bases[controller] / name).mkdir()
                made.append(bases[controller] / name)
            memory_folder, pids_folder = made
            (memory_folder / "memory.limit_in_bytes").write_text(memory)
            swap = memory_folder / "memory.memsw.limit_in_bytes"
            if swap.exists():  # no escape into swap: memory + swap capped at the same value
                swap.write_text(memory)
            (pids_folder / "pids.max").write_text(str(max_processes))
            return cls(made, 1)
        except OSError:  # a hierarchy that refuses us: no group, and none left behind
            for folder in made:
                try:
                    folder.rmdir()
                except OSError:
                    pass
            return None

    def enter(self) -> None:
        """Move the calling process into the group (called in the child before exec)."""
        for folder in self.folders:
            with open(folder / "cgroup.procs", "w") as procs:
                procs.write("0")

    def pids(self) -> list[int]:
        found: set[int] = set()
        for folder in self.folders:
            try:
                found.update(int(p) for p in (folder / "cgroup.procs").read_text().split())
            except OSError:
                pass
        return sorted(found)

    def kill_and_remove(self) -> None:
        """SIGKILL every process in the group, then remove its folders."""
        kill = self.folders[0] / "cgroup.kill"
        for _ in range(100):  # a fork between listing and killing is caught next round
            if self.version == 2 and kill.exists():
                try:
                    kill.write_text("1")
                except OSError:
                    pass
            pids = self.pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.01)
        for folder in self.folders:
            for _ in range(100):  # rmdir fails while the last killed processes exit
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.01)
