"""Extra isolation for a submission's child process, where the OS allows it.

``command_prefix()`` returns the command words placed before the child's Python (a child
adds its worker tree with ``with_tree``); the strongest level that works here is chosen
once per process:

- ``jail`` (root, Linux, util-linux ``unshare``): private network namespace (no interface
  up: a connect fails with "Network is unreachable"), private PID namespace (its init is
  the jail: when it ends, every process the student started ends with it, ``--kill-child``
  ending it when the grader's process dies), private mount namespace in which
  ``labs.sandbox.jail`` hides the project and the grader's files and gives private /tmp-like
  folders, an unprivileged user id of its own with no capabilities, ``no_new_privs`` and no
  new user namespaces; plus a memory and process-count cgroup (``labs.sandbox.cgroup``) for
  the whole child, where the host lets us create one;
- ``network`` (not root, Linux with unprivileged user namespaces): ``unshare
  --map-root-user --net``, a private network namespace only (a student testing their own
  folder has nothing to hide from themselves);
- ``none``: only the limits of ``labs.sandbox.child`` and the worker's audit hook (network
  sockets refused, grader files refused at ``open``), which code using ``ctypes`` can get
  around.

Set ``LABS_SANDBOX=network`` or ``LABS_SANDBOX=none`` to ask for less (for example when
debugging a submission); ``LABS_SANDBOX_HIDE`` (a JSON list of paths) names more
folders to hide in the jail, such as the grader's output folder.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from labs.sandbox.jail import extra_hidden, jail_uid
from labs.sandbox.worker_tree import PROJECT_LABS

PROJECT_ROOT = PROJECT_LABS.parent
# --ipc: System V objects and POSIX message queues die with the jail (a student's segment
# is never the next student's); --uts: a host name of its own
_NAMESPACES = ["--net", "--mount", "--pid", "--ipc", "--uts", "--fork", "--kill-child",
               "--mount-proc"]


def _works(command: list[str]) -> bool:
    try:
        # a generous guard: on a crowded machine starting Python takes long, and a probe that
        # timed out would silently pick a weaker level
        return subprocess.run(command, capture_output=True, timeout=600).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@lru_cache(maxsize=1)
def level() -> str:
    """The isolation level in force for children started by this process."""
    wanted = os.environ.get("LABS_SANDBOX", "jail")
    unshare = shutil.which("unshare")
    if not sys.platform.startswith("linux") or unshare is None or wanted == "none":
        return "none"
    if wanted == "jail" and os.geteuid() == 0 and _works(
            [unshare, *_NAMESPACES, sys.executable, "-c", "pass"]):
        return "jail"
    if _works([unshare, "--map-root-user", "--net", "true"]):
        return "network"
    return "none"


def command_prefix() -> list[str]:
    """The words before the child's Python, at the level in force."""
    unshare = shutil.which("unshare") or "unshare"
    if level() == "jail":
        hide = [word for path in [str(PROJECT_LABS), *extra_hidden()] for word in ("--hide", path)]
        return [unshare, *_NAMESPACES, sys.executable, "-m", "labs.sandbox.jail", *hide,
                "--project", str(PROJECT_ROOT), "--uid", str(jail_uid()), "--"]
    if level() == "network":
        return [unshare, "--map-root-user", "--net"]
    return []


def is_jail(prefix: list[str]) -> bool:
    return "labs.sandbox.jail" in prefix


def with_tree(prefix: list[str], tree: Path) -> list[str]:
    """A jail prefix that keeps ``tree`` (``labs.sandbox.worker_tree``) reachable in the jail;
    other prefixes as they are."""
    if not is_jail(prefix) or "--keep" in prefix:
        return prefix
    at = prefix.index("labs.sandbox.jail") + 1
    return [*prefix[:at], "--keep", str(tree), *prefix[at:]]


def kill_leftovers(prefix: list[str], grader_pid: int | None = None) -> None:
    """Kill every process of a grading process's jail user (daemons a student left); by
    default this process's, else that of the (dead) pytest ``grader_pid``.

    ``kill(-1)`` from that user reaches exactly its own processes; nothing else runs as it.
    (The PID namespace and the cgroup already end them; this is the third net.)
    """
    if not is_jail(prefix):
        return
    uid = jail_uid(grader_pid)
    pid = os.fork()  # a forked copy of this trusted process becomes that user, briefly
    if pid == 0:
        try:
            os.setuid(uid)
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
