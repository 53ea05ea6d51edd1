"""The class summary figure: the score histogram and the pass rate of every spec."""
from __future__ import annotations

from pathlib import Path

from labs.grading.grade import Grade


def summary_figure(grades: dict[str, Grade | str], lab: str, path: Path) -> None:
    import matplotlib.pyplot as plt

    graded = [g for g in grades.values() if isinstance(g, Grade)]
    percents = [100 * g.score / g.max_score if g.max_score else 0.0 for g in graded]
    titles: list[str] = []
    passed: dict[str, int] = {}
    for grade in graded:
        for spec in grade.specs:
            if spec.title not in passed:
                titles.append(spec.title)
                passed[spec.title] = 0
            passed[spec.title] += spec.status == "passed"
    height = max(4.0, 0.22 * len(titles) + 1.5)
    figure, (scores, rates) = plt.subplots(1, 2, figsize=(13, height),
                                           gridspec_kw={"width_ratios": [1, 1.6]})
    scores.hist(percents, bins=range(0, 105, 5), color="tab:blue", edgecolor="white")
    scores.set(xlabel="score (% of the maximum)", ylabel="students", xlim=(0, 100),
               title=f"{lab}: {len(graded)} students graded")
    rates.barh(range(len(titles)), [100 * passed[t] / max(1, len(graded)) for t in titles],
               color="tab:green")
    rates.set_yticks(range(len(titles)), titles, fontsize=7)
    rates.invert_yaxis()
    rates.set(xlabel="students passing (%)", xlim=(0, 100), title="pass rate per spec")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=80)
    plt.close(figure)
