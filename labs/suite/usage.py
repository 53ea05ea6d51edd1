"""What a spec run's child processes cost: CPU seconds per spec, and the peak memory.

Used by ``labs.suite.outcomes`` when the grader asks for it (``--spec-usage``). The
student's code runs in child processes of the pytest process (``labs.suite.child``, with
the jail's processes around it), which live across specs and may be killed in the middle of
one (a timeout, the memory limit). The operating system only adds a child's CPU time to its
parent's once the parent waits for it, which a killed jail never does; so the process tree
is sampled instead, with psutil:

- every ``interval`` seconds a thread lists the pytest process's descendants and reads each
  one's own CPU time (user + system) and, on Linux, its resident-memory high-water mark
  (``VmHWM`` in ``/proc/PID/status``, which psutil does not expose; elsewhere the current
  resident size);
- at the start and the end of each spec the processes already known are read again (cheap:
  listing the descendants scans every process of the machine, 4 ms here, so it happens at
  a spec's end only when the spec lasted long enough to have started one).

The tree's CPU time is this process's own plus the last value seen for every descendant
ever seen; a spec's is its growth over the spec. What it misses: a process that lived less
than ``interval`` seconds unseen, and the last ``interval`` seconds of a process killed
between two samples. Processes a spec itself starts (only TD 2 StyleGAN's two-process spec
does) count as the run's children too.
"""
from __future__ import annotations

import sys
import threading
import time

import psutil

SAMPLE_SECONDS = 0.5
DISCOVER_AFTER_SECONDS = 0.1  # a spec this long may have started a child: list them again


def _peak_kb(process: psutil.Process) -> int:
    """The process's resident-memory high-water mark in kB (Linux), else its current size."""
    if sys.platform.startswith("linux"):
        with open(f"/proc/{process.pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0
    return process.memory_info().rss // 1024


class TreeUsage:
    """The CPU time and peak memory of this process's tree of children, sampled."""

    def __init__(self, interval: float = SAMPLE_SECONDS) -> None:
        self.root = psutil.Process()
        self.cpu: dict[tuple[int, float], float] = {}  # (pid, start time) -> CPU seconds
        self.processes: dict[tuple[int, float], psutil.Process] = {}
        self.peak_kb = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._every, args=(interval,), daemon=True,
                                        name="labs-spec-usage")
        self._thread.start()

    def _every(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.total(discover=True)

    def _discover(self) -> None:
        try:
            children = self.root.children(recursive=True)
        except psutil.Error:
            return
        for process in children:
            try:
                key = (process.pid, process.create_time())
            except psutil.Error:
                continue
            self.processes.setdefault(key, process)

    def total(self, discover: bool = False) -> float:
        """CPU seconds of this process and of every descendant seen so far."""
        with self._lock:
            if discover:
                self._discover()
            for key, process in list(self.processes.items()):
                try:
                    times = process.cpu_times()
                    self.cpu[key] = times.user + times.system
                    self.peak_kb = max(self.peak_kb, _peak_kb(process))
                except (psutil.Error, OSError, ValueError):  # ended: its last value stays
                    del self.processes[key]
            return time.process_time() + sum(self.cpu.values())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class SpecClock:
    """Per spec: call ``start`` when it begins and ``seconds`` when it ends."""

    def __init__(self, usage: TreeUsage) -> None:
        self.usage = usage
        self.began: dict[str, tuple[float, float]] = {}  # nodeid -> (wall, CPU) at its start

    def start(self, nodeid: str) -> None:
        self.began[nodeid] = (time.monotonic(), self.usage.total())

    def seconds(self, nodeid: str) -> float:
        """CPU seconds the spec cost, its children's included."""
        wall, cpu = self.began.pop(nodeid, (time.monotonic(), None))
        now = self.usage.total(discover=time.monotonic() - wall >= DISCOVER_AFTER_SECONDS)
        return max(0.0, now - cpu) if cpu is not None else 0.0
