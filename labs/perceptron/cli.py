"""``python -m labs perceptron``: train one neuron on a gate, write weights.csv and figures."""
from __future__ import annotations

import argparse
from pathlib import Path

from labs.perceptron.gates import COEFF, GATES, ITERATIONS


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("perceptron", help="TD 1: train one neuron on a logic gate")
    parser.add_argument("--gate", default="AND", help=f"one of {', '.join(GATES)} (default AND)")
    parser.add_argument("--coeff", type=float, default=COEFF, help=f"learning rate (default {COEFF:g})")
    parser.add_argument("--iterations", type=int, default=ITERATIONS, help=f"default {ITERATIONS}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the initial weights (default 0)")
    parser.add_argument("--out", type=Path, default=Path("results/perceptron"),
                        help="folder for weights.csv and the figures (default "
                             "results/perceptron)")
    parser.add_argument("--weights", type=Path, metavar="CSV",
                        help="instead of training: read a weights.csv and print the truth table "
                             "its neuron computes")
    parser.set_defaults(func=run)


def truth_table(weights) -> str:
    """The neuron's output for the four inputs, as a plain-text table."""
    from labs.perceptron.gates import INPUTS
    from labs.perceptron.train import predict

    lines = ["x1 x2 | sigmoid output | rounded"]
    for (x1, x2), out in zip(INPUTS, predict(weights, INPUTS)):
        lines.append(f" {x1:.0f}  {x2:.0f} | {out:14.4f} | {int(out >= 0.5)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from labs.cli import UsageError, bad_input, output_folder
    from labs.perceptron.train import check_hyperparameters, train

    if args.weights is not None:
        from labs.perceptron.weights_csv import read_weights_csv

        with bad_input():  # a file that cannot be read, or not a weights.csv
            weights = read_weights_csv(args.weights)
        w0, w1, w2 = weights
        print(f"{args.weights}: w0 = {w0:.4f}, w1 = {w1:.4f}, w2 = {w2:.4f}")
        print(truth_table(weights))
        return 0
    gate = args.gate.upper()
    if gate not in GATES:
        raise UsageError(f"unknown gate {args.gate!r}; choose one of {', '.join(GATES)}")
    with bad_input(ValueError):
        check_hyperparameters(args.coeff, args.iterations)
    output_folder(args.out)
    # matplotlib only once the arguments are known to be good
    from labs.perceptron.figures import decision_lines_figure, error_figure, weight_history_figure
    from labs.perceptron.weights_csv import write_weights_csv
    from labs.suite.golden import save_figure

    result = train(gate, args.coeff, args.iterations, args.seed)
    write_weights_csv(args.out / "weights.csv", result.weights)
    title = f"{gate}, coeff {args.coeff:g}, {args.iterations} iterations"
    save_figure(error_figure(result.errors, title), args.out / "errors.png")
    save_figure(weight_history_figure(result.weight_history, title), args.out / "weights.png")
    save_figure(decision_lines_figure({gate: result.weights}), args.out / "decision_line.png")
    w0, w1, w2 = result.weights
    print(f"{title}: w0 = {w0:.4f}, w1 = {w1:.4f}, w2 = {w2:.4f}; "
          f"final error {result.errors[-1]:.4f}")
    print(f"wrote {args.out}/weights.csv, errors.png, weights.png, decision_line.png")
    return 0
