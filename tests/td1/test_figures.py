"""TD 1's figures against their goldens (matplotlib.testing.compare, with tolerance)."""
from __future__ import annotations

from labs.perceptron import train
from labs.perceptron.figures import (convergence_map_figure, decision_lines_figure,
                                     error_figure, weight_history_figure)
from labs.perceptron.reproduce import MAP_COEFFS, MAP_ITERATIONS, convergence_map


def test_error_figure_and(golden):
    result = train("AND", 0.7, 1000, seed=0)
    golden.check_figure(error_figure(result.errors, "AND"), "td1/errors_AND.png")


def test_weight_history_figure_xor(golden):
    result = train("XOR", 0.7, 1000, seed=0)
    golden.check_figure(weight_history_figure(result.weight_history, "XOR"), "td1/weights_XOR.png")


def test_decision_lines_figure(golden):
    weights = {gate: train(gate, 0.7, 1000, seed=0).weights for gate in ("AND", "OR", "XOR")}
    golden.check_figure(decision_lines_figure(weights), "td1/figure12_decision_lines.png")


def test_convergence_map_figure(golden):
    figure = convergence_map_figure(MAP_COEFFS, MAP_ITERATIONS, convergence_map("AND", 0), "AND")
    golden.check_figure(figure, "td1/convergence_map_AND.png")


def test_reference_runs_match_golden_values(golden):
    values = {f"{gate}_weights": train(gate, 0.7, 1000, seed=0).weights
              for gate in ("AND", "OR", "XOR")}
    golden.check_values("td1/reference_runs.json", values, rtol=1e-9)
