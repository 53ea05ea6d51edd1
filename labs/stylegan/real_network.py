"""The real StyleGAN3 network, unpickled with NVIDIA's own code exactly as gen_images.py loads
it (``legacy.load_network_pkl(f)['G_ema'].to(device)``), on a CUDA device or on CPU.

gen_images.py itself always asks for ``cuda``; on CPU NVIDIA's custom CUDA ops fall back to
their reference implementations and every layer runs in float32, so the arithmetic is the
same pipeline but CPU images are not promised to equal GPU images, bit for bit.
"""
from __future__ import annotations

import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import torch

DEVICES = ("cpu", "cuda")
CPU_NOTE = ("note: running NVIDIA's StyleGAN3 code on CPU (its reference ops, float32); "
            "CPU images are not promised to equal GPU images")


def default_device() -> str:
    """'cuda' when torch finds a CUDA device, else 'cpu'."""
    return "cuda" if torch.cuda.is_available() else "cpu"


def device_problem(device: str) -> str | None:
    """Why the real network cannot run on ``device`` here, or None."""
    if device not in DEVICES:
        return f"bad --device {device!r}: choose one of {', '.join(DEVICES)}"
    if device == "cuda" and not torch.cuda.is_available():
        return ("--device cuda: torch finds no CUDA device; --device cpu runs the real "
                "network on CPU (slower, images not promised to equal a GPU's)")
    return None


def check_checkout(repo: Path) -> Path:
    """``repo`` as a Path; ValueError when it does not look like NVlabs/stylegan3."""
    repo = Path(repo)
    if not (repo / "legacy.py").is_file() or not (repo / "dnnlib").is_dir():
        raise ValueError(f"{repo} is not a checkout of NVlabs/stylegan3 "
                         "(it has no legacy.py and dnnlib/)")
    return repo


def import_stylegan3(repo: Path | None) -> tuple:
    """NVIDIA's ``dnnlib`` and ``legacy`` modules, from a checkout of NVlabs/stylegan3."""
    if repo is not None:
        repo = check_checkout(repo)
        if str(repo.resolve()) not in sys.path:
            sys.path.insert(0, str(repo.resolve()))
    # no __pycache__ written into someone else's checkout (it may be shared or read-only)
    with nvidia_imports():
        try:
            import dnnlib
            import legacy
        except ImportError as error:
            raise ValueError(f"cannot import NVlabs/stylegan3's code ({error}); give "
                             "--stylegan3-repo DIR, a checkout of NVlabs/stylegan3") from None
    return dnnlib, legacy


@contextmanager
def nvidia_imports() -> Iterator[None]:
    """Import NVIDIA's modules without writing __pycache__ into their checkout (it may be
    shared or read-only) and without the warning its ``pkg_resources`` import raises."""
    writing, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
            yield
    finally:
        sys.dont_write_bytecode = writing


def load_network(network_pkl: str, repo: Path | None = None, device: str = "cuda") -> torch.nn.Module:
    """G_ema of a StyleGAN3 pickle (a path or a URL), on ``device``."""
    problem = device_problem(device)
    if problem:
        raise RuntimeError(problem)
    dnnlib, legacy = import_stylegan3(repo)
    if "://" not in network_pkl and not Path(network_pkl).is_file():
        raise ValueError(f"network pickle not found: {network_pkl}")
    with dnnlib.util.open_url(network_pkl) as file, nvidia_imports():
        # unpickling runs the networks' source that the pickle holds, and its imports
        return legacy.load_network_pkl(file)["G_ema"].to(torch.device(device))
