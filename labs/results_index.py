"""``results/README.md``: every file ``reproduce`` wrote, what it shows, and how to read it.

One table of glob patterns (relative to the output folder, first match wins) describes the
files; ``write_index`` lists what is actually there, so the index never names a file that
was not written, and says so for a file no pattern describes.
"""
from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

GAN_POINTS = ("green dots are real samples, purple dots generated ones (crosses on the edge: "
              "generated points outside the unit square); the background is the "
              "discriminator's output, green where it says 'real'")

DESCRIPTIONS: list[tuple[str, str]] = [
    ("README.md", "this index"),
    # TD 1
    ("td1/table.md", "the report's table of runs, reproduced: each row, the report's value, "
                     "ours, the tolerance, and whether it holds"),
    ("td1/table.json", "the same rows as data"),
    ("td1/case*_errors.png", "error (largest abs(delta) of an iteration) per iteration, for the "
                             "case in the name (gate, coeff, iterations): AND and OR fall to "
                             "about 0.01, XOR stays near 0.6"),
    ("td1/case*_weights.png", "w0 (bias weight), w1, w2 after every single-pattern update, one "
                              "panel each: XOR's weights swing within every iteration"),
    ("td1/case*_weights.csv", "the case's final weights, one per line, w0 first (read back with "
                              "`python -m labs perceptron --weights FILE`)"),
    ("td1/figure12_decision_lines.png", "the report's figure 12: each gate's four points (green "
                                        "circle 1, red cross 0) and the learned line "
                                        "w1*x1 + w2*x2 = w0"),
    ("td1/convergence_map_AND.png", "AND's final error over a grid of coeff (rows) and "
                                    "iterations (columns), log colour scale: dark is converged"),
    # TD 2, GAN Lab
    ("td2/gan/summary.md", "every GAN experiment's numbers, and for each of the report's readings "
                           "the specs' own verdict on the reference (shown / NOT shown)"),
    ("td2/gan/noise_kind_inputs.png", "1,500 draws of 2-D uniform and gaussian noise, with the "
                                      "share inside the central box (red)"),
    ("td2/gan/ring_training.gif", f"the ring preset's training, animated; {GAN_POINTS}"),
    ("td2/gan/*_curves.png", "one run's losses per step (left) and KL / JS divergence on GAN "
                             "Lab's 30 x 30 grid, in bits (right; lower is closer to the data)"),
    ("td2/gan/*.png", f"one experiment: the last snapshot of each run side by side ({GAN_POINTS}), "
                      "and their JS curves underneath"),
    # TD 2, StyleGAN
    ("td2/stylegan/seed*.png", "the image of that seed from the project's miniature generator "
                               "(random weights, untrained: the point is that the same seed "
                               "gives the same image, not a face), gen_images.py's naming"),
    # TD 3
    ("td3/table.md", "both models' loss per epoch, the final evaluation loss and perplexity = "
                     "exp(loss), against the exact bound of the built-in corpus and baselines"),
    ("td3/table.json", "the same numbers as data"),
    ("td3/loss_curves.png", "training and validation loss per epoch for both models, with the "
                            "corpus's exact bound (dashed): no model can go below it"),
]


def describe(relative: str) -> str | None:
    for pattern, text in DESCRIPTIONS:
        if fnmatch(relative, pattern):
            return text
    return None


def write_index(out: Path) -> list[str]:
    """Write OUT/README.md for every file under OUT; return the files no pattern describes."""
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    files = [f for f in files if f != "README.md"]
    lines = ["# Results of `python -m labs reproduce`", "",
             "Every file below was written by the last run; each lab's folder is rewritten "
             "when that lab is reproduced again.", "", "| file | what it shows |", "|---|---|"]
    unknown = []
    for relative in files:
        text = describe(relative)
        if text is None:
            unknown.append(relative)
            text = "(not described in labs/results_index.py)"
        lines.append(f"| `{relative}` | {text} |")
    (out / "README.md").write_text("\n".join(lines) + "\n")
    return unknown
