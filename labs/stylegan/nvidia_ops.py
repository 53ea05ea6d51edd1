"""NVIDIA's custom CUDA ops for StyleGAN3, or its reference ops when they fail to compile.

NVIDIA's ``torch_utils.ops`` (``bias_act``, ``upfirdn2d``, ``filtered_lrelu``) compile their
CUDA plugins at first use (``torch_utils.custom_ops``: nvcc and ninja, cached under dnnlib's
cache folder) and raise when that fails. Each op falls back to its reference
implementation, in NVIDIA's own code, when its ``_init()`` returns False (``impl == 'cuda'
and x.device.type == 'cuda' and _init()``): ``prepare_ops`` tries to compile them once and,
on failure, makes ``_init`` say False, so the network runs on the reference ops. Either way
it says which ran. On the CPU the reference ops always run.
"""
from __future__ import annotations

import importlib
import os
import time
from pathlib import Path

from labs.stylegan.real_network import import_stylegan3, nvidia_imports

OPS = ("bias_act", "upfirdn2d", "filtered_lrelu")
# set to "reference" to skip the compilation (it can take minutes on a first run)
OPS_VARIABLE = "LABS_STYLEGAN3_OPS"


def prepare_ops(repo: Path | None, device: str) -> str:
    """Which ops NVIDIA's network will run on ``device``, after compiling the custom ones
    where they can run: 'custom CUDA ops (compiled or loaded in N s)', or 'reference ops
    (...why...)'."""
    if device != "cuda":
        return "reference ops (NVIDIA's non-CUDA implementations: the CPU)"
    import_stylegan3(repo)
    with nvidia_imports():
        modules = [importlib.import_module(f"torch_utils.ops.{name}") for name in OPS]
    if os.environ.get(OPS_VARIABLE) == "reference":
        why = f"{OPS_VARIABLE}=reference"
    else:
        start = time.perf_counter()
        try:
            for module in modules:
                module._init()
            return f"custom CUDA ops (compiled or loaded in {time.perf_counter() - start:.0f} s)"
        except Exception as error:  # nvcc, ninja or the sources: any failure means the same
            first_line = (str(error).strip().splitlines() or [""])[0][:300]
            why = f"the custom CUDA ops failed to compile: {type(error).__name__}: {first_line}"
    for module in modules:
        module._init = _reference_only
    return f"reference ops ({why})"


def _reference_only() -> bool:
    return False
