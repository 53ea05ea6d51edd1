"""Plain data across a process boundary: JSON, with numpy arrays as base64 bytes.

Results come back from untrusted student code, so the format must never execute anything
when read: no pickle. Arrays keep their exact bits (float64 round-trips to the bit).
"""
from __future__ import annotations

import base64
import json
from typing import Any

import numpy as np

_ARRAY_KEY = "__ndarray__"
_ALLOWED_KINDS = "biufc"  # bool, int, uint, float, complex: never object arrays


def to_plain(value: Any) -> Any:
    """Convert numpy scalars and sequences to JSON-able data, keeping arrays as arrays."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in _ALLOWED_KINDS:
            raise TypeError(f"an array of dtype {value.dtype} cannot be sent back")
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"a value of type {type(value).__name__} cannot be sent back")


def _default(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        return {_ARRAY_KEY: base64.b64encode(array.tobytes()).decode("ascii"),
                "dtype": array.dtype.str, "shape": list(array.shape)}
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"a value of type {type(value).__name__} cannot be sent back")


def _object_hook(obj: dict) -> Any:
    if _ARRAY_KEY not in obj:
        return obj
    dtype = np.dtype(obj["dtype"])
    if dtype.kind not in _ALLOWED_KINDS:
        raise ValueError(f"refusing an array of dtype {dtype}")
    shape = tuple(int(n) for n in obj["shape"])
    array = np.frombuffer(base64.b64decode(obj[_ARRAY_KEY]), dtype=dtype)
    return array.reshape(shape).copy()


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value), default=_default)


def loads(text: str | bytes) -> Any:
    return json.loads(text, object_hook=_object_hook)
