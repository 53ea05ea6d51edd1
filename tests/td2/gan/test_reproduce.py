"""``reproduce td2`` (GAN part) writes its figures and a summary with numbers (short runs)."""
from __future__ import annotations

from labs.gan import reproduce as gan_reproduce


def test_reproduce_writes_figures_gif_and_summary(tmp_path, monkeypatch):
    monkeypatch.setattr(gan_reproduce, "STEPS", 30)
    monkeypatch.setattr(gan_reproduce, "FRAMES", 3)
    monkeypatch.setattr(gan_reproduce, "EXPERIMENTS", {
        name: gan_reproduce.EXPERIMENTS[name] for name in ("noise_kind", "discriminator_strength")})
    results = gan_reproduce.reproduce(tmp_path)
    folder = tmp_path / "gan"
    for name in ("noise_kind.png", "discriminator_strength.png", "noise_kind_inputs.png",
                 "ring_training.gif", "summary.md"):
        assert (folder / name).stat().st_size > 0, name
    summary = (folder / "summary.md").read_text()
    assert "| weak D: no hidden layer |" in summary and "in this run" in summary
    assert set(results["discriminator_strength"]) == {
        "weak D: no hidden layer", "preset D: 3 x 9", "strong D, minimax loss"}
