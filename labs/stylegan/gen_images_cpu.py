"""NVIDIA's own ``gen_images.py``, unmodified, run on CPU: what the project's images are
compared with.

gen_images.py always asks for ``torch.device('cuda')``. Its module is given a stand-in for
``torch`` that answers ``device(...)`` with the CPU and hands every other name to torch, so
every other step is its own: network loading, latent, label, transform, truncation,
noise_mode, uint8 conversion, PNG writing, file names. It runs on one intra-op thread, as
``labs.stylegan.pipeline`` does.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from labs.stylegan.real_network import import_stylegan3, nvidia_imports
from labs.torch_threads import torch_threads


class _TorchOnCpu:
    """torch, except that every device is the CPU."""

    def __init__(self, torch: Any) -> None:
        self._torch = torch

    def __getattr__(self, name: str) -> Any:
        return getattr(self._torch, name)

    def device(self, *args: Any, **kwargs: Any) -> Any:
        return self._torch.device("cpu")


def run_gen_images(repo: Path, arguments: list[str]) -> None:
    """``python gen_images.py ARGUMENTS`` on CPU, in this process (gen_images.py's click
    command, called without exiting); raises what it raises."""
    import_stylegan3(repo)
    with nvidia_imports():
        import gen_images
    torch = gen_images.torch
    gen_images.torch = _TorchOnCpu(torch)
    try:
        with torch_threads(1):
            gen_images.generate_images.main(arguments, standalone_mode=False)
    finally:
        gen_images.torch = torch
