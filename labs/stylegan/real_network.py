"""The real StyleGAN3 network: unpickled with NVIDIA's own code, on a CUDA device, exactly as
gen_images.py loads it (``legacy.load_network_pkl(f)['G_ema'].to('cuda')``). Not run on CPU."""
from __future__ import annotations

import sys
from pathlib import Path

import torch


def cuda_problem() -> str | None:
    """Why the real network cannot run here, or None when a CUDA device is present."""
    if torch.cuda.is_available():
        return None
    return ("the real StyleGAN3 network needs a CUDA GPU (gen_images.py loads it on "
            "'cuda') and torch finds none; without --network the miniature generator "
            "runs on CPU")


def import_stylegan3(repo: Path | None) -> tuple:
    """NVIDIA's ``dnnlib`` and ``legacy`` modules, from a checkout of NVlabs/stylegan3."""
    if repo is not None:
        repo = Path(repo)
        if not (repo / "legacy.py").is_file() or not (repo / "dnnlib").is_dir():
            raise ValueError(f"{repo} is not a checkout of NVlabs/stylegan3 "
                             "(it has no legacy.py and dnnlib/)")
        sys.path.insert(0, str(repo.resolve()))
    try:
        import dnnlib
        import legacy
    except ImportError as error:
        raise ValueError(f"cannot import NVlabs/stylegan3's code ({error}); give "
                         "--stylegan3-repo DIR, a checkout of NVlabs/stylegan3") from None
    return dnnlib, legacy


def load_network(network_pkl: str, repo: Path | None = None) -> torch.nn.Module:
    """G_ema of a StyleGAN3 pickle (a path or a URL), on the CUDA device."""
    problem = cuda_problem()
    if problem:
        raise RuntimeError(problem)
    dnnlib, legacy = import_stylegan3(repo)
    if "://" not in network_pkl and not Path(network_pkl).is_file():
        raise ValueError(f"network pickle not found: {network_pkl}")
    with dnnlib.util.open_url(network_pkl) as file:
        return legacy.load_network_pkl(file)["G_ema"].to(torch.device("cuda"))
