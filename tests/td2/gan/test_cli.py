"""``python -m labs gan``: files written, and bad input refused in one line with exit code 2."""
from __future__ import annotations

import pytest

from labs.cli import main


def test_preset_run_writes_figures_history_and_gif(tmp_path, capsys):
    out = tmp_path / "ring"
    code = main(["gan", "--preset", "ring", "--noise", "2d-uniform", "--steps", "20",
                 "--frames", "4", "--seed", "3", "--out", str(out)])
    assert code == 0
    for name in ("gan_snapshots.png", "gan_curves.png", "gan_history.csv", "gan_training.gif"):
        assert (out / name).stat().st_size > 0, name
    assert len((out / "gan_history.csv").read_text().splitlines()) == 21
    assert "JS" in capsys.readouterr().out


def test_user_points_from_csv(tmp_path):
    points = tmp_path / "points.csv"
    points.write_text("x,y\n0.2,0.2\n0.8,0.8\n")
    assert main(["gan", "--points", str(points), "--steps", "5", "--no-gif",
                 "--out", str(tmp_path / "drawn")]) == 0


@pytest.mark.parametrize("argv, message", [
    (["--distribution", "moon"], "argument --distribution: invalid choice: 'moon'"),
    (["--noise-dim", "3"], "--noise-dim must be an integer from 1 to 2, got 3"),
    (["--k", "11"], "--k-d must be an integer from 0 to 10, got 11"),
    (["--g-layers", "7"], "--g-layers must be an integer from 0 to 5, got 7"),
    (["--d-lr", "-0.1"], "--d-lr must be a positive number, got -0.1"),
    (["--noise", "3d-uniform"], "unknown noise '3d-uniform'"),
    (["--preset", "spiral"], "unknown preset 'spiral'"),
    (["--points", "missing.csv"], "points file not found"),
])
def test_bad_values_exit_2_with_one_line(tmp_path, capsys, argv, message):
    try:
        code = main(["gan", *argv, "--steps", "1", "--out", str(tmp_path)])
    except SystemExit as exit_:  # refused by argparse itself (a choice)
        code = exit_.code
    assert code == 2
    error = capsys.readouterr().err
    assert message in error and len(error.strip().splitlines()) == 1


def test_malformed_csv_exits_2(tmp_path, capsys):
    points = tmp_path / "points.csv"
    points.write_text("0.1,0.2\n0.3;0.4\n")
    assert main(["gan", "--points", str(points), "--out", str(tmp_path)]) == 2
    assert "points.csv line 2: expected two numbers x,y" in capsys.readouterr().err

