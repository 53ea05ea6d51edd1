"""Downloads its initial weights from the internet (the grader allows no network)."""
import socket

import numpy as np


def train(desired, coeff=0.7, iterations=1000, seed=None):
    with socket.create_connection(("example.com", 80), timeout=5) as connection:
        connection.sendall(b"GET /weights HTTP/1.0\r\n\r\n")
    return np.zeros(3), np.zeros(iterations)
