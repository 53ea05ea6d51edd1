"""The real StyleGAN3 network on a CUDA GPU (``[cuda]``, gpu-marked): seeds 2, 674 and 1024
generated twice on the GPU give identical PNG bytes, and match your own golden images, if
present, within a tolerance. Skipped with the reason when NVIDIA's code or CUDA is missing;
it checks the network and the reference pipeline, so --submission skips it too.

The network: ``--stylegan3-pkl PKL`` (for instance NVIDIA's FFHQ pickle; unpickled with
NVIDIA's code from ``--stylegan3-repo DIR`` or $LABS_STYLEGAN3_REPO); without one, a
random-weight pickle of the FFHQ 1024x1024 architecture (StyleGAN3-T) that NVIDIA's own code
builds here (``labs.stylegan.nvidia_network``), since the GPU machine cannot download
NVIDIA's. NVIDIA's custom CUDA ops are compiled first; when they fail, the reference ops run
instead (``labs.stylegan.nvidia_ops``). Each test records the network, the ops and the
seconds per image (``record_property``: ``bash .ci/gpu``'s report).

``[cpu]`` (``labs.suite.devices``, the everyday run): the same tests on a tiny random-weight
network of NVIDIA's (``TINY_CONFIG``, 16x16: 0.06 s per image on one core, against 0.23 s at
32x32) on the CPU, its reference ops, against the golden images
``golden/td2/stylegan/real/stylegan3-tiny-random/`` made on the CPU.

Golden images of yours: golden/td2/stylegan/real/<pickle file stem>/seed0002.png (and 0674,
1024), e.g. the images of your report, or written by a first run with --regen-golden.
Tolerance (not calibrated on a GPU: none was available when it was written; NVIDIA promises
no bit-identical images across GPUs, drivers or CUDA versions): at most 2% of the values
may differ, by at most 8 levels (0-255). On the GPU that made the goldens, expect 0.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from labs.stylegan.conventions import image_filename
from labs.stylegan.images import png_bytes
from labs.torch_threads import torch_threads

REPORT_SEEDS = (2, 674, 1024)


@pytest.fixture(scope="module")
def real_network(request, device, tmp_path_factory):
    """(pickle stem, G on ``device``, what ran: the network and the ops)."""
    from labs.stylegan.nvidia_network import FFHQ_T_CONFIG, TINY_CONFIG, write_pickle
    from labs.stylegan.nvidia_ops import prepare_ops
    from labs.stylegan.nvidia_runs import find_repo
    from labs.stylegan.real_network import device_problem, load_network

    config = request.config
    if config.getoption("--submission"):
        pytest.skip("checks the real network with the reference pipeline, not a submission")
    repo = find_repo(config.getoption("--stylegan3-repo"))
    if repo is None:
        pytest.skip("needs NVIDIA's StyleGAN3 code: --stylegan3-repo DIR (a checkout of "
                    "NVlabs/stylegan3) or $LABS_STYLEGAN3_REPO")
    problem = device_problem(device.name)
    if problem:
        pytest.skip(problem)
    pkl = config.getoption("--stylegan3-pkl") if device.full else None
    if pkl:
        network = f"the pickle {Path(pkl).name}"
    else:
        architecture = device.size(TINY_CONFIG, FFHQ_T_CONFIG)
        name = device.size("stylegan3-tiny-random", "stylegan3-t-1024-random")
        pkl = str(write_pickle(repo, tmp_path_factory.mktemp("stylegan3") / f"{name}.pkl",
                               config=architecture))
        network = (f"random weights, StyleGAN3-T at {architecture['img_resolution']}x"
                   f"{architecture['img_resolution']}, built by NVIDIA's code (no pickle named)")
    ops = prepare_ops(repo, device.name)
    return Path(pkl).stem, load_network(pkl, repo, device.name), {"network": network, "ops": ops}


def _generate_timed(G, seed: int, record_property):
    """generate(G, seed), its seconds recorded (the image is on the host: the GPU is done)."""
    from labs.stylegan.pipeline import generate  # torch loads only where a run needs it

    start = time.perf_counter()
    with torch_threads(1):  # a 16x16 image on the CPU: a second thread only spins
        image = generate(G, seed)
    seconds = time.perf_counter() - start
    record_property("seconds_per_image", round(seconds, 4))
    record_property("images_per_second", round(1 / seconds, 2))
    return image

@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_real_network_same_seed_gives_identical_bytes_twice(real_network, seed, record_property):
    """GPU: the real network gives identical bytes for the same seed, twice.

    Fails on: nothing a submission does (it checks the real network with the reference pipeline,
    skipped with --submission, 0 points); it catches a GPU run whose image changes between two
    calls (noise mode 'random', non-deterministic ops)."""
    from labs.stylegan.pipeline import generate

    _, G, ran = real_network
    for key, value in ran.items():
        record_property(key, value)
    first = png_bytes(_generate_timed(G, seed, record_property))
    with torch_threads(1):
        second = png_bytes(generate(G, seed))
    assert first == second, (f"the same seed ({seed}) and network should give the same image "
                             "twice on the same GPU, to the byte; the two PNGs differ")


@pytest.mark.parametrize("seed", REPORT_SEEDS)
def test_real_network_matches_your_golden_images(real_network, golden, check_golden_image, seed,
                                                 record_property):
    """GPU: the real network matches your golden images.

    Fails on: nothing a submission does (it checks the real network with the reference pipeline,
    skipped with --submission, 0 points); it catches a pipeline or GPU whose images drift from
    your recorded golden ones by more than the tolerance."""
    stem, G, ran = real_network
    for key, value in ran.items():
        record_property(key, value)
    name = f"td2/stylegan/real/{stem}/{image_filename(seed)}"
    if not golden.regenerate and not (Path(golden.root) / name).exists():
        pytest.skip(f"no golden image golden/{name}: put yours there, or run once with "
                    "--regen-golden to record this GPU's")
    check_golden_image(name, _generate_timed(G, seed, record_property), max_step=8,
                       max_fraction=0.02)
