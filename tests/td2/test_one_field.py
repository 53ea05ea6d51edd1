"""One field, its specs only (issue 23), in TD 2: a folder that differs from a correct one in
one field of a result fails only the specs that read that field.

Each folder is an example correct folder with one function wrapped to spoil one field.
Marked slow: a pytest process and a sandboxed child (torch) per folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.suite import spec_runs

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = ROOT / "tests" / "submissions"
SPECS = ROOT / "specs" / "td2"


def spoiled(tmp_path: Path, lab: str, module: str, wrapper: str) -> Path:
    """The correct folder of ``lab`` with ``wrapper`` appended to its module."""
    folder = tmp_path / f"{lab}_one_field"
    folder.mkdir()
    source = (SUBMISSIONS / lab / "correct" / f"{module}.py").read_text()
    (folder / f"{module}.py").write_text(source + "\n\n" + wrapper)
    return folder


@pytest.mark.slow
def test_a_gan_history_without_g_loss_costs_only_the_specs_reading_it(tmp_path):
    folder = spoiled(tmp_path, "td2_gan", "gan", (
        "_train_gan = train_gan\n\n\n"
        "def train_gan(config):\n"
        "    run = _train_gan(config)\n"
        "    for row in run.history:\n"
        "        row.pop('g_loss', None)\n"
        "    return run\n"))
    outcomes = spec_runs.run_specs([str(SPECS / "gan" / "test_determinism.py"),
                                    str(SPECS / "gan" / "test_presets.py")], folder)
    assert outcomes["test_same_seed_gives_the_same_run_to_the_bit"] == "failed"  # reads g_loss
    assert outcomes["test_different_seeds_give_different_runs"] == "passed"  # samples only
    assert outcomes["test_training_with_a_preset_lowers_the_js_divergence[ring]"] == "passed"


@pytest.mark.slow
def test_a_latent_that_is_not_numbers_costs_only_the_specs_reading_it(tmp_path):
    # generate keeps drawing the right latent; only seed_to_z's answer is spoiled
    folder = spoiled(tmp_path, "td2_stylegan", "stylegan", (
        "_seed_to_z = seed_to_z\n\n\n"
        "def seed_to_z(seed, z_dim=512):\n"
        "    return 'z of seed %d' % seed\n\n\n"
        "def generate(G, seed, truncation_psi=1.0, _draw=_seed_to_z):\n"
        "    z = torch.from_numpy(_draw(seed, G.z_dim))\n"
        "    label = torch.zeros([1, G.c_dim])\n"
        "    with torch.no_grad():\n"
        "        img = G(z, label, truncation_psi=truncation_psi, noise_mode='const')\n"
        "    img = (img.permute(0, 2, 3, 1) * 127.5 + 128).clamp(0, 255).to(torch.uint8)\n"
        "    return img[0].numpy()\n"))
    outcomes = spec_runs.run_specs([str(SPECS / "stylegan" / "test_stylegan_latents.py"),
                                    str(SPECS / "stylegan" / "test_stylegan_uint8.py")], folder)
    assert outcomes["test_report_seed_latents_match_golden"] == "failed"
    assert outcomes["test_default_z_dim_is_512"] == "failed"
    # the same answer's other field, and the images, are graded on their own
    assert outcomes["test_drawing_a_latent_leaves_numpy_global_state_alone"] == "passed"
    assert outcomes["test_uint8_conversion_matches_the_formula"] == "passed"
