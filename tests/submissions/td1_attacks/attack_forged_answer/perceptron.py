"""An attack: write a made-up answer (perfect AND weights) on the answer pipe, with a
guessed request id, so that the grader takes it for the answer of this call."""
import fcntl
import os
import stat
import struct

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


def train(desired, coeff=0.7, iterations=1000, seed=None):
    forged = {"weights": [-1.5, 1.0, 1.0], "errors": [0.0] * iterations}
    os.write(answer_pipe(), frame({"id": "0" * 16, "ok": forged}))
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
