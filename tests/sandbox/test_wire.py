from __future__ import annotations

import numpy as np
import pytest

from labs.sandbox import wire


def test_arrays_round_trip_to_the_bit():
    value = {"a": np.random.default_rng(0).normal(size=(5, 3)), "b": [1, 2.5, None, "x"],
             "c": np.arange(4, dtype=np.int32), "d": np.float64(np.nan), "e": True}
    back = wire.loads(wire.dumps(value))
    assert np.array_equal(back["a"], value["a"]) and back["a"].dtype == np.float64
    assert back["c"].dtype == np.int32 and back["b"] == [1, 2.5, None, "x"]
    assert np.isnan(back["d"]) and back["e"] is True


def test_object_arrays_are_refused_both_ways():
    with pytest.raises(TypeError, match="dtype object"):
        wire.dumps(np.array([object()]))
    with pytest.raises(ValueError, match="refusing"):
        wire.loads('{"__ndarray__": "", "dtype": "|O", "shape": [0]}')


def test_arbitrary_objects_are_refused():
    with pytest.raises(TypeError, match="cannot be sent back"):
        wire.dumps({"f": lambda: 0})
