"""What every benchmark reports beside its numbers: the machine they were measured on."""
from __future__ import annotations

import os
import platform

import pytest

# instruction sets that change the compiled perceptron loop's and torch's speed
SPEED_FLAGS = ("avx512f", "avx2", "fma", "neon", "asimd")


def cpu_description() -> str:
    """CPU model, cores this process may use, and its vector instruction sets."""
    model, flags = platform.processor() or platform.machine(), set()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    model = value.strip()
                elif key.strip() in ("flags", "Features"):
                    flags = set(value.split())
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    present = [flag for flag in SPEED_FLAGS if flag in flags]
    return f"{model}, {cores} cores, {' '.join(present) or 'no AVX2/AVX-512'}"


@pytest.fixture(scope="session")
def machine() -> str:
    return cpu_description()
