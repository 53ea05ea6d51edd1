from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron import read_weights_csv, write_weights_csv


def test_round_trip_is_exact(tmp_path):
    weights = np.random.default_rng(0).normal(size=3) * 1e3
    write_weights_csv(tmp_path / "w.csv", weights)
    assert (tmp_path / "w.csv").read_text().count("\n") == 3
    assert np.array_equal(read_weights_csv(tmp_path / "w.csv"), weights)


def test_one_comma_separated_row(tmp_path):
    (tmp_path / "w.csv").write_text("1.5, -2, 3e-1\n")
    assert read_weights_csv(tmp_path / "w.csv").tolist() == [1.5, -2.0, 0.3]


@pytest.mark.parametrize("text, message", [
    ("1.0\nabc\n2.0\n", "line 2: expected a number, found 'abc'"),
    ("1.0\n2.0\n", "expected 3 weights (w0, w1, w2), found 2"),
    ("", "no weights found"),
    ("1.0\nnan\n2.0\n", "line 2: expected a finite number, found 'nan'"),
])
def test_malformed_file_is_reported_clearly(tmp_path, text, message):
    (tmp_path / "w.csv").write_text(text)
    with pytest.raises(ValueError, match=__import__("re").escape(message)):
        read_weights_csv(tmp_path / "w.csv")
