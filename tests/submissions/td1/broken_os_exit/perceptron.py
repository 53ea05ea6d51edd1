"""Calls os._exit(), which ends the process at once (no exception to catch)."""
import os


def train(desired, coeff=0.7, iterations=1000, seed=None):
    os._exit(0)
