"""Crashes the interpreter (a segmentation fault, as a bad C extension would)."""
import ctypes


def train(desired, coeff=0.7, iterations=1000, seed=None):
    ctypes.string_at(0)  # reads address 0: SIGSEGV
