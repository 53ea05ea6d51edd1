"""Plain data across the process boundary: msgpack frames, numpy arrays as raw bytes.

Answers come back from untrusted student code, so reading one must never execute anything
(no pickle) and must cost a bounded amount of memory whatever the bytes say. A frame is::

    MAGIC (4 bytes) | envelope length (u32) | payload length (u32) | envelope | payload

The envelope is the message in msgpack, each numpy array replaced by an extension object
that holds only its dtype and shape; the payload is the arrays' bytes, in the order they
appear. Arrays keep their exact bits, and cost their size once when read. The envelope is
small (``ENVELOPE_CAP``), and is unpacked with msgpack's own limits on every string, list,
map and nesting depth, plus a count of every list and map built (``decode``): so a frame
of nested empty lists builds at most ``MAX_CONTAINERS`` lists, not millions.

Both sides use this module (the child's copy runs in its own import tree); the trusted
side reads a child's frames only through ``labs.sandbox.untrusted``.
"""
from __future__ import annotations

import struct
from typing import Any

import msgpack
import numpy as np

MAGIC = b"LBW1"
HEADER = struct.Struct(">4sII")
_ARRAY = 1  # msgpack extension code of an array's (dtype, shape)
_ALLOWED_KINDS = "biufc"  # bool, int, uint, float, complex: never object arrays

ENVELOPE_CAP = 4 * 1024 * 1024  # the message without its arrays' bytes
PAYLOAD_CAP = 64 * 1024 * 1024  # the arrays' bytes of one answer
MAX_CONTAINERS = 200_000  # lists and maps in one envelope (a legitimate answer: thousands)
MAX_STRING = 1024 * 1024  # characters of one string, before the text boundary trims it


class WireError(ValueError):
    """A frame that is not what the protocol allows."""


def to_plain(value: Any) -> Any:
    """Convert numpy scalars and sequences to plain data, keeping arrays as arrays."""
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


def encode(value: Any) -> bytes:
    """One frame holding ``value`` (plain data and numpy arrays)."""
    arrays: list[np.ndarray] = []

    def array_header(obj: Any) -> Any:
        if isinstance(obj, np.ndarray):
            array = np.ascontiguousarray(obj)
            arrays.append(array)
            return msgpack.ExtType(_ARRAY, msgpack.packb([array.dtype.str, list(array.shape)]))
        raise TypeError(f"a value of type {type(obj).__name__} cannot be sent back")

    # surrogatepass: a lone surrogate in a student's message is sent as bytes, and the
    # reading side decodes it with replacement characters instead of failing
    packer = msgpack.Packer(default=array_header, use_bin_type=True,
                            unicode_errors="surrogatepass")
    envelope = packer.pack(to_plain(value))
    payload = b"".join(array.tobytes() for array in arrays)
    return HEADER.pack(MAGIC, len(envelope), len(payload)) + envelope + payload


def frame_sizes(header: bytes) -> tuple[int, int]:
    """The envelope and payload lengths a frame's header announces, within the caps."""
    magic, envelope, payload = HEADER.unpack(header)
    if magic != MAGIC:
        raise WireError("not a frame of this protocol")
    if envelope > ENVELOPE_CAP:
        raise WireError(f"a message of {envelope} bytes, above the cap of {ENVELOPE_CAP}")
    if payload > PAYLOAD_CAP:
        raise WireError(f"arrays of {payload} bytes, above the cap of {PAYLOAD_CAP}")
    return envelope, payload


def _array(header: bytes, payload: memoryview, cursor: list[int]) -> np.ndarray:
    dtype_name, shape = msgpack.unpackb(header, max_str_len=16, max_array_len=32,
                                        max_bin_len=0, max_map_len=0, max_ext_len=0)
    dtype = np.dtype(str(dtype_name))
    if dtype.kind not in _ALLOWED_KINDS:
        raise WireError(f"refusing an array of dtype {dtype}")
    if not isinstance(shape, list) or not all(isinstance(n, int) and n >= 0 for n in shape):
        raise WireError("an array with a malformed shape")
    count = 1
    for n in shape:
        count *= n
    size = count * dtype.itemsize
    if cursor[0] + size > len(payload):
        raise WireError("an array larger than the bytes sent with it")
    array = np.frombuffer(payload, dtype=dtype, count=count, offset=cursor[0])
    cursor[0] += size
    return array.reshape(shape).copy()


def decode(envelope: bytes, payload: bytes = b"") -> Any:
    """The message of one frame (its envelope and payload), built under the limits above."""
    cursor = [0]
    built = [0]
    view = memoryview(payload)

    def counted(container: Any) -> Any:
        built[0] += 1
        if built[0] > MAX_CONTAINERS:
            raise WireError(f"more than {MAX_CONTAINERS} lists and maps in one message")
        return container

    def ext_hook(code: int, data: bytes) -> Any:
        if code != _ARRAY:
            raise WireError(f"unknown extension type {code}")
        return _array(data, view, cursor)

    try:
        value = msgpack.unpackb(
            envelope, raw=False, unicode_errors="replace", strict_map_key=True,
            list_hook=counted, object_pairs_hook=lambda pairs: counted(dict(pairs)),
            ext_hook=ext_hook, max_str_len=MAX_STRING, max_bin_len=0,
            max_array_len=MAX_CONTAINERS, max_map_len=MAX_CONTAINERS, max_ext_len=4096)
    except WireError:
        raise
    except (ValueError, TypeError, msgpack.StackError) as error:  # malformed or too deep
        raise WireError(f"a malformed message ({type(error).__name__}: {error})"[:300]) from None
    if cursor[0] != len(payload):
        raise WireError("array bytes sent with no array to hold them")
    return value


def decode_frame(frame: bytes) -> Any:
    """A whole frame (header included) decoded: what the child does with a request."""
    envelope, payload = frame_sizes(frame[:HEADER.size])
    start = HEADER.size
    if len(frame) != start + envelope + payload:
        raise WireError("a frame whose length is not what its header says")
    return decode(frame[start:start + envelope], frame[start + envelope:])


def key(value: Any) -> bytes:
    """A cache key for a probe call (the same arguments give the same bytes)."""
    return encode(value)
