"""A ValueError or OSError raised by the work itself (a bug in the reference code, not bad
input) is not turned into a one-line exit 2: it surfaces, with its traceback, exit code 1."""
from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from labs.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_a_bug_in_the_work_shows_its_traceback_and_exits_1(tmp_path):
    script = textwrap.dedent(f"""
        import importlib, sys

        def train(*args, **kwargs):
            raise ValueError("a bug in the reference's training loop")

        # the module (labs.perceptron.train is also the name of the function it exports)
        importlib.import_module("labs.perceptron.train").train = train
        from labs.cli import main
        sys.exit(main(["perceptron", "--out", {str(tmp_path)!r}]))
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "Traceback" in run.stderr and "in train" in run.stderr
    assert "ValueError: a bug in the reference's training loop" in run.stderr


@pytest.mark.parametrize("error", [ValueError("bad shape"), OSError("disk on fire")])
def test_the_same_errors_from_the_work_are_not_bad_input(monkeypatch, tmp_path, error):
    def train_gan(config):
        raise error

    monkeypatch.setattr(importlib.import_module("labs.gan.train"), "train_gan", train_gan)
    with pytest.raises(type(error), match=str(error)):
        main(["gan", "--steps", "1", "--no-gif", "--out", str(tmp_path)])


def test_the_input_that_gives_the_same_error_is_still_bad_input(tmp_path, capsys):
    """The weights file's own ValueError is bad input: one line, exit 2."""
    weights = tmp_path / "weights.csv"
    weights.write_text("not,a,weights file\n")
    assert main(["perceptron", "--weights", str(weights)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and len(error.strip().splitlines()) == 1


def test_a_reader_that_goes_away_ends_the_output_quietly():
    # `python -m labs handout td1 | head -1`: the pipe closes after one line
    process = subprocess.Popen([sys.executable, "-m", "labs", "handout", "td1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait() in (0, 141) and "Traceback" not in error and "BrokenPipe" not in error
