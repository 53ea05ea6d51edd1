"""What a run leaves behind: results/README.md lists exactly the files written (and flags one
it cannot describe); a passing golden comparison leaves no empty golden-failures/ folder."""
from __future__ import annotations

import pytest

from labs.results_index import write_index


def test_the_index_lists_what_is_there_and_flags_the_unknown(tmp_path):
    for name in ("td1/table.md", "td2/stylegan/seed0002.png", "td2/gan/mystery.bin"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert write_index(tmp_path) == ["td2/gan/mystery.bin"]
    index = (tmp_path / "README.md").read_text()
    assert "| `td1/table.md` | the report's table of runs" in index
    assert "| `td2/stylegan/seed0002.png` | the image of that seed" in index
    assert "| `td2/gan/mystery.bin` | (not described" in index
    assert "td3" not in index  # nothing is named that was not written


def test_a_passing_golden_figure_leaves_no_empty_failure_folder(tmp_path):
    from matplotlib.figure import Figure

    from labs.suite.golden import Golden

    def figure() -> Figure:
        made = Figure(figsize=(2, 2))
        made.subplots().plot([0, 1], [1, 0])
        return made

    failures = tmp_path / "golden-failures"
    with_regen = Golden(tmp_path / "golden", failures, regenerate=True)
    with pytest.raises(pytest.skip.Exception, match="golden regenerated"):
        with_regen.check_figure(figure(), "lab/part/line.png")
    Golden(tmp_path / "golden", failures, regenerate=False).check_figure(figure(), "lab/part/line.png")
    assert not failures.exists()
