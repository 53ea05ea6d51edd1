"""weights.csv: one weight per line, w0 first; written and read back unchanged."""
from __future__ import annotations

import re

import numpy as np

from labs.perceptron.contract import probe_read_weights_csv, probe_weights_csv
from labs.perceptron.weights_csv import read_weights_csv

WEIGHTS = [14.508124567, -9.5691, 9.5633e-3]


def test_weights_csv_round_trips(perceptron):
    """weights.csv written then read gives the same weights.

    Fails on: a writer that rounds the weights (e.g. '%.3f': 9.5633e-3 comes back as 0.010)."""
    result = perceptron.call(probe_weights_csv, WEIGHTS)
    assert np.allclose(result["read_back"], WEIGHTS, rtol=1e-9, atol=0), (
        f"weights written to weights.csv and read back should be unchanged; wrote {WEIGHTS}, "
        f"read back {result['read_back'].tolist()}")


def test_weights_csv_has_one_weight_per_line_w0_first(perceptron, tmp_path):
    """weights.csv holds one weight per line, w0 first.

    Fails on: the weights written on one comma-separated row, or in reverse order (w2 first)."""
    text = perceptron.call(probe_weights_csv, WEIGHTS)["text"]
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 3, (f"weights.csv should hold one weight per line (3 lines), found "
                             f"{len(lines)} line(s): {text[:200]!r}")
    path = tmp_path / "weights.csv"
    path.write_text(text)
    assert np.allclose(read_weights_csv(path), WEIGHTS, rtol=1e-6), (
        f"weights.csv should list w0, w1, w2 in that order; found {text[:200]!r}")


def test_reader_rejects_a_malformed_file_clearly(perceptron):
    """Reading a malformed weights.csv fails with a clear error.

    Fails on: a reader that skips or zeroes a bad line; an error naming the wrong line
    (tests/mutation/test_new_specs_fail.py)."""
    result = perceptron.call(probe_read_weights_csv, "1.5\nabc\n2.5\n")
    assert result["error"] is not None, (
        "reading a weights.csv whose line 2 is 'abc' should fail with a clear error, "
        f"but it returned {result['weights']}")
    # the bad value itself, or "line 2" (not any "2": "[Errno 2]" names nothing)
    assert "abc" in result["error"] or re.search(r"\bline 2\b", result["error"], re.I), (
        "the error for a malformed weights.csv should say which line or what was found; "
        f"it says: {result['error']}")
    named = re.findall(r"\bline (\d+)\b", result["error"], re.I)
    assert all(number == "2" for number in named), (
        f"the bad value 'abc' is on line 2 of the file; the error names line(s) {named}: "
        f"{result['error']}")


def test_reader_accepts_one_comma_separated_row(perceptron):
    """Reading accepts weights on one comma-separated row.

    Fails on: a reader that splits on newlines only (float('1.5,-2.5,3.5') raises)."""
    result = perceptron.call(probe_read_weights_csv, "1.5,-2.5,3.5\n")
    assert result["error"] is None and np.allclose(result["weights"], [1.5, -2.5, 3.5]), (
        "the reader should also accept the weights as one comma-separated row; reading "
        f"'1.5,-2.5,3.5' gave {result['weights']} (error: {result['error']})")


def test_reader_rejects_extra_rows(perceptron):
    """Reading a weights.csv with more than three weights fails: an extra line or an extra
    row is not silently dropped.

    Fails on: a reader that keeps the first three numbers it finds
    (tests/mutation/test_new_specs_fail.py)."""
    for text in ("1,2,3\n9\n", "1.5\n-2.5\n3.5\n4.5\n", "1,2,3,4\n"):
        result = perceptron.call(probe_read_weights_csv, text)
        assert result["error"] is not None, (
            f"reading a weights.csv that holds {text!r} should fail (it has more than the three "
            f"weights w0, w1, w2), but it returned {result['weights']}")
