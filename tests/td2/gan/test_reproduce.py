"""``reproduce td2`` (GAN part) writes its figures and a summary with numbers (short runs)."""
from __future__ import annotations

import pytest

from labs.gan import reproduce as gan_reproduce


@pytest.mark.slow  # a grading end to end: seconds
def test_reproduce_writes_figures_gif_and_summary(tmp_path, monkeypatch):
    monkeypatch.setattr(gan_reproduce, "STEPS", 30)
    monkeypatch.setattr(gan_reproduce, "FRAMES", 3)
    monkeypatch.setattr(gan_reproduce, "SECTIONS", {
        name: gan_reproduce.SECTIONS[name] for name in ("noise_kind", "discriminator_strength")})
    monkeypatch.setattr(gan_reproduce, "other_specs", lambda: ("losses_log",))
    results = gan_reproduce.reproduce(tmp_path)
    folder = tmp_path / "gan"
    for name in ("noise_kind.png", "discriminator_strength.png", "noise_kind_inputs.png",
                 "ring_training.gif", "summary.md"):
        assert (folder / name).stat().st_size > 0, name
    summary = (folder / "summary.md").read_text()
    assert "| weak D: no hidden layer |" in summary and "## Other specs" in summary
    assert set(results.numbers["discriminator_strength"]) == {
        "weak D: no hidden layer", "preset D: 3 x 9", "strong D, minimax loss"}
    assert set(results.verdicts) == {"noise_centre[1]", "noise_centre[2]", "weak_fooled",
                                     "weak_poor", "strong_discriminator", "losses_log"}
    for verdict in results.verdicts.values():  # a row per verdict, with its spec's name
        assert f"| `{verdict.experiment.spec}` |" in summary and verdict.words == "shown"
