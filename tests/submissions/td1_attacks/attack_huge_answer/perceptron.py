"""An attack: one answer of 100 MB, to blow up the grader's memory."""
import os
import sys


def train(desired, coeff=0.7, iterations=1000, seed=None):
    answers = int(sys.argv[-1])  # the worker's response pipe
    chunk = b"9" * (1 << 20)
    os.write(answers, b'{"ok": {"weights": [')
    for _ in range(100):
        os.write(answers, chunk)
    os.write(answers, b"]}}\n")
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
