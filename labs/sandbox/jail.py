"""``python -m labs.sandbox.jail [--hide PATH]... [--keep PATH]... --uid N -- COMMAND...``.

Lock a child in, then run it. Started as root by ``unshare`` in fresh network, mount and PID
namespaces (see ``labs.sandbox.isolation``; this process is the PID namespace's init, so every
process the student starts dies with it), with the working directory set to the staged copy
of the submission and ``PYTHONPATH`` set to the worker tree (``labs.sandbox.worker_tree``),
whose copy of this module runs here. Trusted code only; before any of the student's code it:

- hides the grader's files: every entry of the project root (the reference package
  ``labs`` included; the venv, if it sits there, stays) and each ``--hide`` path, under an
  empty read-only tmpfs (a directory) or ``/dev/null`` (a file);
- gives the child private, empty, size-bounded ``/tmp``, ``/var/tmp``, ``/dev/shm`` and
  ``/run/lock`` (other students' copies and the grader's temporary files live there), then
  puts the copy and each ``--keep`` path (the worker tree) back at their paths;
- where the interpreter sits under a folder others cannot enter (pyenv under ``/root``),
  replaces that folder by an empty one holding only the interpreter;
- hands the copy to the unprivileged user id ``--uid`` (one per grading process, so two
  students graded at once cannot read or signal each other), caps that user's processes
  (``RLIMIT_NPROC``), drops root for good, sets ``no_new_privs`` and refuses new user
  namespaces (``labs.sandbox.seccomp``);

then runs COMMAND (the worker, in this same interpreter when it is ``-m labs.sandbox.worker``).
Mount and ``prctl`` calls go through libc with ``ctypes``: the standard library has no
binding for them before Python 3.12.
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import resource
import runpy
import signal
import sys
import tempfile
from pathlib import Path

UID_BASE = 2_000_000_000  # above any real account; plus the grading process's pid
MAX_PROCESSES = 64  # per jail user: room for a DataLoader, not for a fork bomb
TMP_MB = 128  # each private tmpfs; in a memory cgroup, what is written there counts too
TMP_SIZE = f"size={TMP_MB}m"
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm", "/run/lock")

_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_BIND, _MS_REC, _MS_PRIVATE = 1, 2, 4, 4096, 16384, 1 << 18
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_PDEATHSIG = 1


def die_with_parent(libc: ctypes.CDLL | None = None) -> None:
    """SIGKILL this process when its parent (the pytest that runs the specs) dies."""
    libc = libc or _libc()
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def jail_uid(grader_pid: int | None = None) -> int:
    """The user id a grading process's children run as (passed to the jail as ``--uid``)."""
    return UID_BASE + (os.getpid() if grader_pid is None else grader_pid)


class JailError(OSError):
    pass


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _mount(libc: ctypes.CDLL, source: str | None, target: str, fstype: str | None,
           flags: int, data: str | None = None) -> None:
    encode = lambda text: None if text is None else os.fsencode(text)  # noqa: E731
    if libc.mount(encode(source), encode(target), encode(fstype), ctypes.c_ulong(flags),
                  encode(data)) != 0:
        errno = ctypes.get_errno()
        raise JailError(errno, f"mount {fstype or source} on {target}: {os.strerror(errno)}")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except OSError:  # under a folder already hidden from this process: hidden all the same
        return True


def extra_hidden(environ: dict[str, str] | None = None) -> list[str]:
    """The paths ``LABS_SANDBOX_HIDE`` names to hide as well: a JSON list of strings (a path
    may hold any character, ``:`` included), each of which must exist."""
    value = (os.environ if environ is None else environ).get("LABS_SANDBOX_HIDE", "")
    return hide_list(json.loads(value)) if value else []


def hide_list(paths: list) -> list[str]:
    """Paths to hide, checked: a path that does not exist is an error, never dropped (a
    misspelt one would leave what it meant to hide in sight)."""
    if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
        raise ValueError(f"paths to hide must be a list of paths, got {paths!r}")
    missing = [p for p in paths if not _exists(p)]
    if missing:
        raise FileNotFoundError(f"a path to hide from the submission does not exist: {missing[0]}")
    return list(paths)


def hidden_paths(project_root: Path | None, extra: list[str],
                 keep: list[Path] = ()) -> list[Path]:
    """Every entry of the project root and each extra path, except what the child itself
    needs (its working directory, the interpreter, the venv, the ``keep`` paths)."""
    needed = [Path(p).resolve() for p in (os.getcwd(), sys.prefix, sys.base_prefix, *keep)]
    paths = []
    if project_root is not None and (project_root / "specs").is_dir():  # a source checkout
        # resolved: a link in the project (to a venv, to data) is hidden at its target, or
        # kept when the child needs that target
        paths = [entry.resolve() for entry in project_root.iterdir()]
    # checked where they were named (``extra_hidden``); here, in the jail or the child, a path
    # may be out of sight already (under a hidden folder, in the host's /tmp)
    paths += [Path(p).resolve() for p in extra if _exists(p)]
    return [p for p in paths if not any(_inside(n, p) for n in needed)]


def _hide(libc: ctypes.CDLL, path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        _mount(libc, "none", str(path), "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV,
               "size=4k,mode=000")
    elif path.exists():
        _mount(libc, "/dev/null", str(path), None, _MS_BIND)


def _needed(keep: list[Path]) -> set[Path]:
    """What the child must still reach: the interpreter, the venv, the worker tree."""
    return {Path(p).resolve() for p in (sys.base_prefix, sys.prefix, *keep)}


def _private_tmp(libc: ctypes.CDLL, folder: Path, needed: set[Path]) -> None:
    """Empty /tmp-like folders; the copy, and whatever else the child needs that lives in
    one of them (the worker tree, a project unpacked under /tmp), are bound back."""
    roots = {Path(p).resolve() for p in (*PRIVATE_TMP, tempfile.gettempdir())}
    roots = sorted(r for r in roots if r.is_dir())
    keep = [p for p in [folder, *needed] if any(_inside(p, root) for root in roots)]
    handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in keep}
    for root in roots:
        _mount(libc, "none", str(root), "tmpfs", _MS_NOSUID | _MS_NODEV, TMP_SIZE + ",mode=1777")
    for path, handle in handles.items():
        path.mkdir(parents=True, exist_ok=True)
        _mount(libc, f"/proc/self/fd/{handle}", str(path), None, _MS_BIND | _MS_REC)
        os.close(handle)


def _locked_ancestor(path: Path) -> Path | None:
    """The highest folder above ``path`` that others cannot enter (``/root`` is 0700)."""
    for ancestor in reversed(path.parents):
        if not os.stat(ancestor).st_mode & 0o001:
            return ancestor
    return None


def _open_the_way(libc: ctypes.CDLL, needed: set[Path]) -> None:
    """Let the jail user reach the interpreter and the worker tree where they sit under a
    locked folder (pyenv under /root): an empty tmpfs over that folder, those bound back."""
    locked: dict[Path, list[Path]] = {}
    for path in needed:
        ancestor = _locked_ancestor(path)
        if ancestor is not None:
            locked.setdefault(ancestor, []).append(path)
    for ancestor, paths in locked.items():
        handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in paths}
        _mount(libc, "none", str(ancestor), "tmpfs", _MS_NOSUID | _MS_NODEV, "size=4k,mode=755")
        for path, handle in handles.items():
            path.mkdir(parents=True, exist_ok=True)
            _mount(libc, f"/proc/self/fd/{handle}", str(path), None, _MS_BIND | _MS_REC)
            os.close(handle)


def _give_away(folder: Path, uid: int) -> None:
    for root, dirs, files in os.walk(folder):
        for name in [root, *(os.path.join(root, n) for n in dirs + files)]:
            os.lchown(name, uid, uid)


def lock_in(hide: list[str], keep: list[Path], folder: Path, uid: int,
            project_root: Path | None) -> None:
    """Everything above, in this process."""
    from labs.sandbox.seccomp import refuse_user_namespaces

    libc = _libc()
    needed = _needed(keep)
    _mount(libc, None, "/", None, _MS_REC | _MS_PRIVATE)
    for path in hidden_paths(project_root, hide, keep):
        _hide(libc, path)
    _private_tmp(libc, folder, needed)
    _open_the_way(libc, needed)
    os.chdir(folder)  # re-enter through the bound copy
    _give_away(folder, uid)
    resource.setrlimit(resource.RLIMIT_NPROC, (MAX_PROCESSES, MAX_PROCESSES))
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)  # from root: real, effective and saved ids, and every capability, gone
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise JailError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    refuse_user_namespaces(libc)
    die_with_parent(libc)  # changing user cleared it (unshare --kill-child had set it)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m labs.sandbox.jail")
    parser.add_argument("--hide", action="append", default=[], metavar="PATH")
    parser.add_argument("--keep", action="append", default=[], type=Path, metavar="PATH")
    parser.add_argument("--project", type=Path, metavar="DIR")
    parser.add_argument("--uid", type=int, required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER, metavar="-- COMMAND...")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    options = parser.parse_args(argv)  # a bad call: usage, exit code 2
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("no COMMAND after --")
    try:
        lock_in(options.hide, options.keep, Path.cwd(), options.uid, options.project)
    except OSError as error:
        print(f"labs.sandbox.jail: cannot lock the child in: {error}", file=sys.stderr)
        return 70  # EX_SOFTWARE: Child reports "exited with status 70 before returning"
    if len(command) >= 3 and command[1:3] == ["-m", "labs.sandbox.worker"]:
        sys.argv = [command[0], *command[3:]]
        runpy.run_module("labs.sandbox.worker", run_name="__main__", alter_sys=True)
        return 0
    os.execv(command[0], command)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
