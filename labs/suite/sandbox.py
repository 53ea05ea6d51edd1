"""Extra isolation for a submission's child process, where the OS allows it.

``command_prefix()`` returns the command words placed before the child's Python (for
example ``unshare -n`` for a private network namespace with no interface up). An empty
list means only the limits in ``labs.suite.child`` apply.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache


@lru_cache(maxsize=1)
def command_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and hasattr(os, "geteuid"):
        probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
        if probe.returncode == 0:
            return [unshare, "-n"]
    return []
