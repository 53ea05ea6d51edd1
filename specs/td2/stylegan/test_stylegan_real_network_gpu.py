"""The real StyleGAN3 network on a CUDA GPU (gpu-marked): given the suite's --stylegan3-pkl
PKL and --stylegan3-repo DIR (a network pickle and a checkout of NVlabs/stylegan3), seeds 2,
674 and 1024 generated twice on the GPU give identical PNG bytes, and match your own golden
images, if present, within a tolerance. Skipped with the reason when an option or CUDA is
missing; it checks the network and the reference pipeline, so --submission skips it too.

Golden images of yours: golden/td2/stylegan/real/<pickle file stem>/seed0002.png (and 0674,
1024), e.g. the images of your report, or written by a first run with --regen-golden.
Tolerance (not calibrated: no GPU was available when it was written; NVIDIA promises no
bit-identical images across GPUs, drivers or CUDA versions): at most 2% of the values may
differ, by at most 8 levels (0-255). On the GPU that made the goldens, expect 0.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.stylegan.conventions import image_filename
from labs.stylegan.images import png_bytes

REPORT_SEEDS = (2, 674, 1024)


@pytest.fixture(scope="module")
def real_network(request):
    from labs.stylegan.real_network import device_problem, load_network

    config = request.config
    if config.getoption("--submission"):
        pytest.skip("checks the real network with the reference pipeline, not a submission")
    pkl, repo = config.getoption("--stylegan3-pkl"), config.getoption("--stylegan3-repo")
    if not pkl or not repo:
        pytest.skip("needs --stylegan3-pkl PKL and --stylegan3-repo DIR (a StyleGAN3 network "
                    "pickle and a checkout of NVlabs/stylegan3)")
    problem = device_problem("cuda")
    if problem:
        pytest.skip(problem)
    return Path(pkl).stem, load_network(pkl, Path(repo), "cuda")


@pytest.mark.gpu
@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_real_network_same_seed_gives_identical_bytes_twice(real_network, seed):
    """GPU: the real network gives identical bytes for the same seed, twice."""
    from labs.stylegan.pipeline import generate  # torch loads only where a GPU run needs it

    _, G = real_network
    first, second = png_bytes(generate(G, seed)), png_bytes(generate(G, seed))
    assert first == second, (f"the same seed ({seed}) and network should give the same image "
                             "twice on the same GPU, to the byte; the two PNGs differ")


@pytest.mark.gpu
@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_real_network_matches_your_golden_images(real_network, golden, check_golden_image, seed):
    """GPU: the real network matches your golden images."""
    from labs.stylegan.pipeline import generate

    stem, G = real_network
    name = f"td2/stylegan/real/{stem}/{image_filename(seed)}"
    if not golden.regenerate and not (Path(golden.root) / name).exists():
        pytest.skip(f"no golden image golden/{name}: put yours there, or run once with "
                    "--regen-golden to record this GPU's")
    check_golden_image(name, generate(G, seed), max_step=8, max_fraction=0.02)
