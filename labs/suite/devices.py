"""Where the gpu-marked checks run: the ``device`` fixture (a pytest plugin, loaded by the
project's ``conftest.py``).

A test that takes ``device`` runs twice, the same function with two sizes:

- ``[cpu]``: tiny sizes, in the everyday run (``pytest -m "not gpu"``), so CI executes the
  test's own code on every run and a bug in it fails there;
- ``[cuda]``: marked ``gpu`` (skipped without CUDA, run by ``bash .ci/gpu``), at the sizes
  the test documents for a GPU.

A test says its two sizes with ``device.size(tiny=..., full=...)``. A benchmark among them
runs its measured function once, unmeasured, in the everyday run (pytest-benchmark's
"disabled" mode, set by ``labs.suite.benchmarking``): ``best_seconds`` is then None.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

import pytest

T = TypeVar("T")


@dataclass(frozen=True)
class Device:
    """One variant of a test: the torch device it runs on, and so the sizes it uses."""
    name: str  # "cpu" (tiny sizes) or "cuda" (the sizes documented for a GPU)

    @property
    def full(self) -> bool:
        return self.name == "cuda"

    def size(self, tiny: T, full: T) -> T:
        """``full`` on the GPU, ``tiny`` on the CPU."""
        return full if self.full else tiny

    def synchronize(self) -> None:
        """Wait for the work queued on the device (a GPU runs asynchronously): call it
        before reading a clock or returning from a benchmarked function."""
        if self.name == "cuda":
            import torch

            torch.cuda.synchronize()


@pytest.fixture(scope="session", params=[pytest.param("cpu", id="cpu"),
                                         pytest.param("cuda", id="cuda", marks=pytest.mark.gpu)])
def device(request: pytest.FixtureRequest) -> Device:
    """``[cpu]`` with tiny sizes (everyday run) and ``[cuda]``, gpu-marked, at full sizes."""
    return Device(request.param)


def best_seconds(benchmark: Any) -> float | None:
    """The fastest measured round of a pytest-benchmark fixture; None where the function ran
    once unmeasured (the everyday run)."""
    return benchmark.stats.stats.min if benchmark.stats else None


def per(count: float, seconds: float | None) -> float | None:
    """``count`` per second (tokens, images, runs), or None without a measured time."""
    return count / seconds if seconds else None
