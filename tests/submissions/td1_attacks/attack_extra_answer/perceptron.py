"""An attack: answer the current request twice. The first answer carries the right id (read
from the worker's own frame, as any code in the process can), so it stands for this call's
return value; the worker's own answer then follows as an extra one, which must never be
taken for the next call's answer (the earlier protocol shifted every later spec by one)."""
import fcntl
import os
import stat
import struct
import sys

import msgpack


def answer_pipe() -> int:
    """The worker's answer pipe, found as a determined student would: the one pipe this
    process may only write to."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_WRONLY:
                return fd
        except OSError:
            continue
    raise RuntimeError("no answer pipe found")


def frame(message) -> bytes:
    """A well-formed answer frame (the protocol is public: it is the project's own code)."""
    envelope = msgpack.packb(message)
    return struct.pack(">4sII", b"LBW1", len(envelope), 0) + envelope


def request_id() -> str:
    caller = sys._getframe(1)
    while caller is not None:
        request = caller.f_locals.get("request")
        if isinstance(request, dict) and "id" in request:
            return request["id"]
        caller = caller.f_back
    raise RuntimeError("no request found")


def train(desired, coeff=0.7, iterations=1000, seed=None):
    weights = [-1.5, 1.0, 1.0] if list(desired) == [0, 0, 0, 1] else [-0.5, 1.0, 1.0]
    answer = {"weights": weights, "errors": [0.0] * iterations, "marker": "forged"}
    os.write(answer_pipe(), frame({"id": request_id(), "ok": answer}))
    return {"weights": weights, "errors": [0.0] * iterations}
