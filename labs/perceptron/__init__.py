"""TD 1: a one-neuron perceptron learning logic gates (AND and OR converge, XOR stalls)."""
from labs.perceptron.batched import BatchResult, train_many
from labs.perceptron.gates import GATES, INPUTS
from labs.perceptron.mlp import MLPResult, train_mlp
from labs.perceptron.train import TrainResult, predict, train
from labs.perceptron.weights_csv import read_weights_csv, write_weights_csv

__all__ = ["GATES", "INPUTS", "BatchResult", "MLPResult", "TrainResult", "predict",
           "read_weights_csv", "train", "train_many", "train_mlp", "write_weights_csv"]
