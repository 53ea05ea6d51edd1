"""Every command rejects a bad argument in one line, exit code 2, before the heavy imports.

All command lines run in one child process (``labs.cli.main`` called in turn), which reports
for each its exit code, its stderr and whether torch, transformers or matplotlib had been
imported by then: proof that the check came first, without timing anything.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("torch", "transformers", "matplotlib")

BAD_COMMANDS = {
    "gan --preset donut": "unknown preset 'donut'",
    "gan --steps x": "invalid int value: 'x'",
    "gan --preset ring --d-lr -1": "--d-lr",
    "gan --frames 0": "--frames must be >= 1, got 0",
    "gan --points nowhere.csv": "points file not found: nowhere.csv",
    "perceptron --gate FOO": "unknown gate 'FOO'",
    "perceptron --coeff -1": "coeff must be a positive number, got -1.0",
    "perceptron --iterations 0": "iterations must be an integer >= 1, got 0",
    "perceptron --weights nowhere.csv": "No such file or directory: 'nowhere.csv'",
    "stylegan --seeds 2,x": "bad seed 'x'",
    "stylegan --resolution 20": "bad --resolution 20",
    "stylegan --trunc nan": "bad --trunc nan",
    "stylegan --network nowhere.pkl": "network pickle not found: nowhere.pkl",
    "lm clm --epochs -1": "epochs must be an integer >= 1, got -1",
    "lm mlm --size gpt2": "unknown size 'gpt2' for mlm",
    "lm clm --block-size 4000": "block size 4000 exceeds the tiny clm model's 128 positions",
    "lm clm --learning-rate -1": "--learning-rate must be a finite number >= 0, got -1.0",
    "lm clm --batch-size 0": "--batch-size must be an integer >= 1, got 0",
    "lm mlm --warmup 2": "--warmup must be a finite number from 0 to 1, got 2.0",
    "lm clm --corpus nowhere": "unknown corpus 'nowhere'",
    "lm gpt": "invalid choice: 'gpt'",
    "reproduce td9": "unknown lab 'td9'",
    "grade {folder} --lab td1 --results /": "--results / is a folder",
    "grade {folder} --lab td9": "unknown lab 'td9'",
    "grade nowhere --lab td1": "student folder not found: nowhere",
    "grade {folder} --lab td1 --call-timeout 0": "--call-timeout must be a positive number",
    "grade-class {root} --lab td1 --csv /": "--csv / is a folder",
    "grade-class {root} --lab td1 --jobs 0": "--jobs must be at least 1, got 0",
    "mutation td1 --sample 0": "--sample must be at least 1, got 0",
    "mutation td1 --fail-under 120": "--fail-under must be a percentage from 0 to 100, got 120.0",
    "mutation td9": "invalid choice: 'td9'",
    "mutation td1 --rerun nowhere.json": "--rerun nowhere.json: not a --json report of this command",
}

CHILD = textwrap.dedent("""
    import contextlib, io, json, shlex, sys
    from labs.cli import main

    report = []
    for line in json.loads(sys.argv[1]):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = main(shlex.split(line))
            except SystemExit as exit_:
                code = exit_.code
        heavy = [name for name in {heavy!r} if name in sys.modules]
        report.append({{"line": line, "code": code, "stderr": err.getvalue(), "heavy": heavy}})
    print(json.dumps(report))
""").format(heavy=HEAVY)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("class")
    folder = root / "student"
    folder.mkdir()
    (folder / "perceptron.py").write_text("def train(*args):\n    return None\n")
    lines = [line.format(folder=folder, root=root) for line in BAD_COMMANDS]
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(lines)], capture_output=True,
                          text=True, cwd=tmp_path_factory.mktemp("cwd"), timeout=600)
    assert done.returncode == 0, done.stderr
    return {template: report for template, report in zip(BAD_COMMANDS, json.loads(done.stdout))}


@pytest.mark.parametrize("line", list(BAD_COMMANDS))
def test_bad_argument_is_one_line_exit_2_before_heavy_imports(reports, line):
    report = reports[line]
    assert report["code"] == 2, report
    lines = report["stderr"].strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in report["stderr"], report["stderr"]
    assert BAD_COMMANDS[line] in lines[0]
    assert report["heavy"] == [], f"{line!r} imported {report['heavy']} before failing"


def test_bad_results_path_fails_before_grading(tmp_path):
    """The grade command checks --results before it starts the spec run (minutes)."""
    from labs.cli import UsageError, writable_file

    blocked = tmp_path / "blocked"
    blocked.write_text("a file, so nothing can be created below it")
    with pytest.raises(UsageError, match="is not a writable folder"):
        writable_file(blocked / "out" / "results.json", "--results")
    assert writable_file(tmp_path / "new" / "results.json", "--results")
    assert not (tmp_path / "new").exists()  # checking creates nothing
