"""An attack: look for the grader's paths and the answer pipe in the process's arguments and
environment, and raise them in the error message for the student to read."""
import os
import sys


def train(desired, coeff=0.7, iterations=1000, seed=None):
    seen = {key: value for key, value in os.environ.items()}
    raise RuntimeError(f"ARGV {sys.argv[1:]} ENV {seen}")
