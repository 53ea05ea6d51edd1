"""An attack: one answer announcing 100 MB of arrays, to blow up the grader's memory."""
import os
import stat
import struct


def answer_pipe() -> int:
    """The worker's answer pipe: the one pipe this process may only write to."""
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
    chunk = b"\x00" * (1 << 20)
    os.write(answers, struct.pack(">4sII", b"LBW1", 16, 100 * (1 << 20)))
    for _ in range(116):
        os.write(answers, chunk)
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
