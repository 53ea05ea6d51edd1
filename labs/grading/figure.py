"""The class summary figure: the score histogram and the pass rate of every spec.

Every student counts: one the grader could not grade, or whose code failed to import,
fails every spec; the histogram counts whole students.
"""
from __future__ import annotations

from pathlib import Path

from labs.grading.grade import Grade
from labs.grading.outputs import open_private

FONT = 10  # points, at the saved size: readable without zooming


def pass_rates(grades: dict[str, Grade | str]) -> dict[str, float]:
    """Spec title -> percent of all students passing it (a string grade fails every spec)."""
    passed: dict[str, int] = {}
    for grade in grades.values():
        for spec in grade.specs if isinstance(grade, Grade) else ():
            if spec.status == "not graded":
                continue
            passed[spec.title] = passed.get(spec.title, 0) + (spec.status == "passed")
    return {title: 100 * count / max(1, len(grades)) for title, count in passed.items()}


def summary_figure(grades: dict[str, Grade | str], lab: str, path: Path) -> None:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    percents = [100 * g.score / g.max_score if isinstance(g, Grade) and g.max_score else 0.0
                for g in grades.values()]
    rates = pass_rates(grades)
    titles = list(rates)
    height = max(4.5, 0.3 * len(titles) + 1.8)
    with plt.rc_context({"font.size": FONT}):
        figure, (scores, bars) = plt.subplots(1, 2, figsize=(15, height),
                                              gridspec_kw={"width_ratios": [1, 1.8]})
        scores.hist(percents, bins=range(0, 105, 5), color="tab:blue", edgecolor="white")
        scores.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole students
        scores.set(xlabel="score (% of the points asked; bonus may pass 100)",
                   ylabel="students", xlim=(0, max(100, *percents, 0) + 5),
                   title=f"{lab}: {len(grades)} students")
        bars.barh(range(len(titles)), [rates[t] for t in titles], color="tab:green")
        bars.set_yticks(range(len(titles)), [t if len(t) <= 70 else t[:67] + "..."
                                              for t in titles])
        bars.invert_yaxis()
        bars.set(xlabel="students passing (%)", xlim=(0, 100),
                 title="pass rate per spec (every student counted)")
        figure.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        with open_private(path, "wb") as file:  # never through a link
            figure.savefig(file, dpi=100, format="png")
        plt.close(figure)
