"""Calls sys.exit() at the end of training, as a script would."""
import sys


def train(desired, coeff=0.7, iterations=1000, seed=None):
    print("done")
    sys.exit(0)
