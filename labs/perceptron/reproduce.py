"""``python -m labs reproduce td1``: every figure of the report's TD 1 and its table."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import numpy as np

from labs.perceptron.batched import train_many
from labs.perceptron.figures import (convergence_map_figure, decision_lines_figure,
                                     error_figure, weight_history_figure)
from labs.perceptron.report import CASES, check_case, markdown_table
from labs.perceptron.report_slips import slips
from labs.perceptron.train import train
from labs.perceptron.weights_csv import write_weights_csv
from labs.suite.golden import save_figure

MAP_COEFFS = np.geomspace(0.01, 10.0, 13)
MAP_ITERATIONS = np.unique(np.geomspace(1, 1000, 16).round().astype(int))


def convergence_map(gate: str = "AND", seed: int = 0) -> np.ndarray:
    """Final error for each coeff (rows) after each number of iterations (columns)."""
    batch = train_many(gate, MAP_COEFFS, int(MAP_ITERATIONS[-1]), [seed] * len(MAP_COEFFS))
    return batch.errors[:, MAP_ITERATIONS - 1]


def reproduce(out: Path, seed: int = 0) -> list:
    rows = []
    for number, case in enumerate(CASES, start=1):
        result = train(case.gate, case.coeff, case.iterations, seed)
        rows += check_case(case, result.weights, result.errors)
        stem = f"case{number}_{case.gate}_coeff{case.coeff:g}_it{case.iterations}"
        write_weights_csv(out / f"{stem}_weights.csv", result.weights)
        save_figure(error_figure(result.errors, case.name), out / f"{stem}_errors.png")
        save_figure(weight_history_figure(result.weight_history, case.name),
                    out / f"{stem}_weights.png")
    final = {gate: train(gate, 0.7, 1000, seed).weights for gate in ("AND", "OR", "XOR")}
    save_figure(decision_lines_figure(final), out / "figure12_decision_lines.png")
    save_figure(convergence_map_figure(MAP_COEFFS, MAP_ITERATIONS, convergence_map("AND", seed),
                                       "AND"), out / "convergence_map_AND.png")
    (out / "table.md").write_text("# TD 1: the report's table, reproduced\n\n"
                                  f"Seed {seed}. Every row is checked; 'NO' marks a value the "
                                  "reference does not reproduce.\n\n" + markdown_table(rows)
                                  + "\n## The report's own slips\n\nNumbers and signs that the "
                                  "report's own weights contradict:\n\n"
                                  + "".join(f"- {slip}\n" for slip in slips()))
    (out / "table.json").write_text(json.dumps([asdict(r) for r in rows], indent=1) + "\n")
    print(markdown_table(rows))
    return rows
