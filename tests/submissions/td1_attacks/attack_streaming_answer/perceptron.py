"""An attack: keep the answer pipe busy forever (slowly, far under any size cap) so that
the call never reaches its deadline: a frame header announcing 4 MB, then a trickle."""
import os
import stat
import struct
import time


def answer_pipe() -> int:
    """The worker's answer pipe, found as a determined student would: the one pipe this
    process may only write to."""
    import fcntl
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_WRONLY:
                return fd
        except OSError:
            continue
    raise RuntimeError("no answer pipe found")


def train(desired, coeff=0.7, iterations=1000, seed=None):
    answers = answer_pipe()
    os.write(answers, struct.pack(">4sII", b"LBW1", 4 * 1024 * 1024, 0))
    while True:
        os.write(answers, b"\x90" * 64)  # never the whole envelope: the answer never ends
        time.sleep(0.01)
