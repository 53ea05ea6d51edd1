"""The sampler of a spec run's child processes (labs.suite.usage): the CPU time and the
peak memory of a child that is killed, which the operating system never hands back.

The child burns a fixed amount of its own CPU time and touches a fixed amount of memory,
says so, then waits to be killed: the figures do not depend on how busy the machine is.
"""
from __future__ import annotations

import subprocess
import sys

from labs.suite.usage import SpecClock, TreeUsage

BURN_SECONDS = 0.3
TICKS = 0.02  # /proc counts CPU time in clock ticks of 10 ms: two of them, rounded down
MEMORY_MB = 100
CHILD = f"""
import sys, time
block = bytearray({MEMORY_MB} * 2**20)
for i in range(0, len(block), 4096):
    block[i] = 1  # resident, not only reserved
while time.process_time() < {BURN_SECONDS}:
    pass
print("done", flush=True)
time.sleep(600)
"""


def test_a_killed_child_keeps_its_cpu_time_and_peak_memory():
    usage = TreeUsage(interval=600)  # sampled by hand below, where its thread would
    clock = SpecClock(usage)
    try:
        clock.start("spec")
        child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "done"
        seen = usage.total(discover=True)
        child.kill()
        child.wait()
        after = usage.total(discover=True)
        spent = clock.seconds("spec")
    finally:
        usage.stop()
    assert after >= seen  # the killed child's CPU time stays counted
    assert spent >= BURN_SECONDS - TICKS, spent
    assert usage.peak_kb >= MEMORY_MB * 1024, usage.peak_kb


def test_without_children_only_this_process_counts():
    usage = TreeUsage(interval=600)
    try:
        clock = SpecClock(usage)
        clock.start("spec")
        spent = clock.seconds("spec")
    finally:
        usage.stop()
    assert 0 <= spent < 0.5 and usage.peak_kb == 0
