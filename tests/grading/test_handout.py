"""The student handouts (``python -m labs handout LAB``) tell the rubric's story: the committed
ones are the command's output, every scored spec is in its lab's handout with its points and
what it checks, the docs link them, and the limits the docs give are those of
``labs/sandbox/limits.py`` (issue 23)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from labs.cli import main
from labs.grading.handout import CONTRACTS, handout, spec_titles
from labs.grading.points import POINTS
from labs.sandbox.limits import limits_for
from tests.grading.test_grading_points import collected_specs

ROOT = Path(__file__).resolve().parents[2]
HANDOUTS = ROOT / "docs" / "handouts"


def committed(lab: str) -> str:
    return (HANDOUTS / f"{lab.replace('/', '-')}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lab", sorted(CONTRACTS))
def test_the_committed_handout_is_the_commands_output(lab, collected_spec_ids):
    generated = handout(lab, POINTS, collected_specs(lab, collected_spec_ids))
    assert committed(lab) == generated + "\n", (
        f"docs/handouts/ is stale: python -m labs handout {lab} > docs/handouts/"
        f"{lab.replace('/', '-')}.md")


@pytest.mark.parametrize("lab", sorted(CONTRACTS))
def test_every_scored_spec_is_in_the_handout_with_its_points_and_what_it_checks(lab):
    text, titles = committed(lab), spec_titles(lab)
    for key, points in POINTS[lab].items():
        if points.points == 0:
            continue
        row = next((line for line in text.splitlines() if f"| `{key}` |" in line), None)
        assert row is not None, f"{key} is not in the {lab} handout"
        assert titles[key.split("[")[0]] in row and f"| {points.points:g} |" in row, row


@pytest.mark.slow  # a run end to end in processes of its own: seconds
def test_a_rubric_changes_the_handout(tmp_path, capsys):
    rubric = tmp_path / "rubric.toml"
    rubric.write_text('lab = "td1"\n["test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron"]\n'
                      'part = "asked"\npoints = 4\n')
    assert main(["handout", "td1", "--rubric", str(rubric)]) == 0
    text = capsys.readouterr().out
    row = next(line for line in text.splitlines() if "test_predict_is_the_sigmoid" in line)
    assert "| 4 |" in row
    asked = text.split("Bonus (on top", 1)[0]
    assert "test_predict_is_the_sigmoid" in asked  # now in the asked table


@pytest.mark.parametrize("argv, message", [
    (["handout", "td9"], "unknown lab 'td9'"),
    (["handout", "td1", "--rubric", "no/such/rubric.toml"], "cannot read the rubric"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert message in captured.err and captured.err.count("\n") == 1


def test_the_docs_link_every_handout():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    grading = (ROOT / "docs" / "grading.md").read_text(encoding="utf-8")
    for lab in CONTRACTS:
        name = f"handouts/{lab.replace('/', '-')}.md"
        assert f"docs/{name}" in readme or f"(docs/{name})" in readme, name
        assert f"({name})" in grading, name


def test_the_memory_limits_the_docs_give_are_those_of_limits_py():
    """Every "TD n <number> MB" the docs state is that lab's limit (TD 3's was once 3 GiB)."""
    stated = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        stated += [(path.name, lab, int(mb)) for lab, mb in re.findall(r"TD (\d) (\d+) MB", text)]
        assert not re.search(r"TD \d \d+ GiB", text), f"{path.name} gives a lab's limit in GiB"
    assert stated
    for name, lab, mb in stated:
        assert mb == limits_for(f"td{lab}").memory_mb, (name, lab, mb)


def test_the_gan_docs_numbers_are_the_codes():
    """Adam's epsilon and the presets' seeds, as docs/td2-gan.md and the README state them, are
    those of labs/gan (the presets spec was once "the median of 3" and "the mean of 2 seeds")."""
    from labs.gan.optimizers import BETA1, BETA2, EPSILON
    from labs.gan.spec_cases import PRESET_SEEDS

    text = "\n".join(path.read_text(encoding="utf-8")
                     for path in (ROOT / "docs" / "td2-gan.md", ROOT / "README.md"))
    adam = [float(x) for x in re.findall(r"epsilon (\d(?:\.\d+)?e-\d+) \(`EPSILON`", text)]
    assert adam == [EPSILON] and f"betas ({BETA1:g}, {BETA2:g})" in text
    stated = [int(n) for n in re.findall(r"largest drop (?:of JS )?over\s+(\d+)\s+seeds",
                                         text)]
    assert len(stated) >= 3 and set(stated) == {PRESET_SEEDS}, stated
    assert "preset run (median of" not in text
