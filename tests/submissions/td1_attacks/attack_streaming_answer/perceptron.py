"""An attack: keep the answer pipe busy forever (slowly, far under any size cap) so that
the call never reaches its deadline."""
import os
import sys
import time


def train(desired, coeff=0.7, iterations=1000, seed=None):
    answers = int(sys.argv[-1])  # the worker's response pipe
    while True:
        os.write(answers, b" " * 4096)  # never a newline: the answer never ends
        time.sleep(0.01)
