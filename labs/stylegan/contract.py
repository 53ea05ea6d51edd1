"""TD 2 part 2's contract: what a student's ``stylegan.py`` provides, and how specs call it.

Required: ``seed_to_z(seed, z_dim=512)``, returning the latent of a seed as an array of
shape (1, z_dim) (numpy, or a torch tensor). Asked too (graded; a folder without it loses
its specs' points but keeps its latents' grade): ``generate(G, seed, truncation_psi)``,
returning the seed's image as HxWx3 uint8 (numpy, torch or PIL; a leading batch of 1 is
accepted) for a network G with gen_images.py's interface. The specs call it on the
project's miniature generator, built inside the probe, on a stand-in network that returns
fixed values (to check the uint8 conversion), and, where a checkout of NVlabs/stylegan3 is
at hand, on NVIDIA's own StyleGAN3 generator (small, random weights), built inside the
probe with that code. The client ``StyleGAN`` (the specs' ``stylegan`` fixture) checks the
latent and the image each when a spec reads it.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from labs.suite.client import ContractClient, Fields
from labs.suite.contract import ContractViolation, field_or_why, probe

MODULE = "stylegan"
REFERENCE = "labs.stylegan"
REQUIRED = {"seed_to_z"}
ASKED = {"generate"}  # what the lab does (the report's faces): graded, may be missing
BONUS: set[str] = set()
FUNCTIONS = {  # the handout's words for each name (python -m labs handout td2/stylegan)
    "seed_to_z": ("seed_to_z(seed, z_dim=512)",
                  "NVIDIA's convention: `numpy.random.RandomState(seed).randn(1, z_dim)`, "
                  "float64 of shape (1, z_dim), leaving numpy's global random state alone."),
    "generate": ("generate(G, seed, truncation_psi=1.0)",
                 "gen_images.py's steps: `G(z, label, truncation_psi=psi, noise_mode='const')` "
                 "with the seed's latent and a zero label of shape (1, G.c_dim), then "
                 "`(x * 127.5 + 128).clamp(0, 255)` to uint8, NCHW to HWC. Returns one "
                 "H x W x 3 uint8 image (numpy, torch or PIL; a leading batch of 1 is accepted)."),
}
SKELETON = '''import numpy as np
import torch


def seed_to_z(seed, z_dim=512):
    ...  # (1, z_dim) float64, NVIDIA's convention


def generate(G, seed, truncation_psi=1.0):
    z = torch.from_numpy(seed_to_z(seed, G.z_dim))
    label = torch.zeros([1, G.c_dim])
    ...  # G(z, label, truncation_psi=..., noise_mode="const"), then the uint8 conversion
'''
# what the probes build in the child: the miniature network, the fixed-value stand-in, and
# NVIDIA's small StyleGAN3 generator (built from NVIDIA's checkout by nvidia_network)
CHILD_MODULES = ("labs.stylegan.network_constants", "labs.stylegan.layers",
                 "labs.stylegan.mapping", "labs.stylegan.synthesis", "labs.stylegan.miniature",
                 "labs.stylegan.fixed_image", "labs.torch_threads",
                 "labs.stylegan.nvidia_network", "labs.stylegan.real_network")

_GENERATORS: dict[tuple[int, int], Any] = {}  # the miniature, built once per process


def miniature(resolution: int, model_seed: int) -> Any:
    from labs.stylegan.miniature import miniature_generator

    key = (resolution, model_seed)
    if key not in _GENERATORS:
        _GENERATORS[key] = miniature_generator(resolution, model_seed)
    return _GENERATORS[key]


def _array(value: Any, what: str) -> np.ndarray:
    """An ndarray of the value, keeping its dtype (the specs check it)."""
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        raise ContractViolation(f"{what} is not an array (got {type(value).__name__})") from None
    if array.dtype.kind not in "biuf":
        raise ContractViolation(f"{what} is not an array of numbers (dtype {array.dtype})")
    return array


def _same_state(a: tuple, b: tuple) -> bool:
    return all(np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y for x, y in zip(a, b))


@probe
def probe_seed_to_z(impl, seed: int, z_dim: int | None = None) -> dict:
    """The latent, and whether drawing it changed numpy's global random state."""
    before = np.random.get_state()
    z = impl.seed_to_z(seed) if z_dim is None else impl.seed_to_z(seed, z_dim)
    changed = not _same_state(before, np.random.get_state())
    np.random.set_state(before)
    return {"z": field_or_why(lambda: _array(z, "seed_to_z's result")),
            "global_state_changed": changed}


def _image(value: Any) -> np.ndarray:
    array = _array(value, "generate's result")
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 3 or array.shape[2] != 3:
        raise ContractViolation(f"generate returned an array of shape {array.shape}; the "
                                "contract says one HxWx3 image (height, width, RGB)")
    return array


@probe
def probe_generate(impl, seed: int, truncation_psi: float, resolution: int = 64,
                   model_seed: int = 0) -> dict:
    """The student's image on the miniature (the specs compute gen_images.py's pipeline's
    image of the same network on their side: the reference never runs in the child)."""
    image = impl.generate(miniature(resolution, model_seed), seed, truncation_psi)
    return {"image": field_or_why(lambda: _image(image))}


@probe(calls="generate")
def probe_generate_fresh(impl, seed: int, truncation_psi: float, resolution: int = 64,
                         model_seed: int = 0) -> np.ndarray:
    """The student's image on a freshly built miniature with the same weights seed."""
    student_generate = impl.generate
    from labs.stylegan.miniature import miniature_generator

    return _image(student_generate(miniature_generator(resolution, model_seed), seed, truncation_psi))


@probe(calls="generate")
def probe_generate_fixed(impl, seed: int) -> dict:
    """The student's image from a network whose output is fixed edge values."""
    student_generate = impl.generate  # a missing generate is reported before torch loads
    from labs.stylegan.fixed_image import FixedImageGenerator, edge_values

    source = edge_values()
    image = student_generate(FixedImageGenerator(source), seed, 1.0)
    return {"image": field_or_why(lambda: _image(image)), "source": source}


@probe(calls="generate")
def probe_generate_stylegan3(impl, seed: int, truncation_psi: float, repo: str,
                             model_seed: int = 0) -> np.ndarray:
    """The student's image on NVIDIA's StyleGAN3 generator in its small configuration,
    weights from ``model_seed`` (``labs.stylegan.nvidia_network``), built afresh for the
    call, on CPU, from the checkout at ``repo``. The specs compare it with gen_images.py's
    image of the pickle of that same network."""
    student_generate = impl.generate
    from pathlib import Path

    from labs.stylegan.nvidia_network import build_generator

    return _image(student_generate(build_generator(Path(repo), model_seed), seed, truncation_psi))


RESOLUTION = 64  # the miniature generator the specs run a submission's generate on


class StyleGAN(ContractClient):
    """Calls into the submission (reference or student) with shape checks in plain words."""

    def latent(self, seed: int, z_dim: int | None = None) -> Fields:
        """The latent ``z`` and ``global_state_changed``, each checked when read."""
        where = f"seed_to_z({seed}{'' if z_dim is None else f', {z_dim}'})"
        return Fields(self.call(probe_seed_to_z, seed, z_dim), where, {})

    def image(self, seed: int, truncation_psi: float = 1.0) -> Fields:
        """The submission's image of a seed on the miniature (checked when read), and the
        pipeline's."""
        where = f"generate(G, {seed}, {truncation_psi:g})"
        result = self.call(probe_generate, seed, truncation_psi, RESOLUTION)
        return Fields({**result, "pipeline": _pipeline(seed, truncation_psi)}, where,
                      {"image": lambda image: _check_image(image, where, (RESOLUTION, RESOLUTION, 3))})

    def fixed_image(self, seed: int) -> Fields:
        """The submission's image from a network whose output is fixed edge values, and
        those values (``source``)."""
        return Fields(self.call(probe_generate_fixed, seed), f"generate(fixed G, {seed}, 1)", {})

    def image_on_stylegan3(self, seed: int, truncation_psi: float, repo: Any) -> np.ndarray:
        """The submission's image of a seed on NVIDIA's small StyleGAN3 generator (the
        network of the ``stylegan3_pickle``), built in the submission's process."""
        from labs.stylegan.nvidia_network import SMALL_CONFIG

        image = self.call(probe_generate_stylegan3, seed, truncation_psi, str(repo))
        size = SMALL_CONFIG["img_resolution"]
        _check_image(image, f"generate(G, {seed}, {truncation_psi:g}) on NVIDIA's StyleGAN3",
                     (size, size, 3))
        return image

    def image_again(self, seed: int, truncation_psi: float = 1.0) -> np.ndarray:
        """The same call on a freshly built copy of the network (same weights seed)."""
        image = self.call(probe_generate_fresh, seed, truncation_psi, RESOLUTION)
        _check_image(image, f"generate(G, {seed}, {truncation_psi:g}) on a rebuilt G",
                     (RESOLUTION, RESOLUTION, 3))
        return image


def _pipeline(seed: int, truncation_psi: float) -> np.ndarray:
    """gen_images.py's pipeline on the same miniature, computed here (trusted side: the
    client runs in the grader's process, never in the child)."""
    from labs.stylegan.pipeline import generate

    return generate(miniature(RESOLUTION, 0), seed, truncation_psi)


def _check_image(image: np.ndarray, where: str, shape: tuple) -> None:
    assert image.dtype == np.uint8, (
        f"{where} returned pixels of dtype {image.dtype}; the contract says uint8, "
        "gen_images.py's conversion (x * 127.5 + 128, clamped to 0..255, truncated)")
    assert image.shape == shape, (
        f"{where} returned an image of shape {image.shape}; the network makes "
        f"{shape} (height, width, RGB)")
