"""An attack: read what an earlier student left in System V shared memory or a POSIX
message queue, and say what it found."""
import ctypes
import ctypes.util

KEY = 0x4C414253
QUEUE = b"/labs_attack_queue"


def train(desired, coeff=0.7, iterations=1000, seed=None):
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.shmat.restype = ctypes.c_void_p
    segment = libc.shmget(KEY, 0, 0)
    found = []
    if segment >= 0:
        address = libc.shmat(segment, None, 0)
        found.append("segment " + ctypes.string_at(address, 14).decode())
    rt = ctypes.CDLL(ctypes.util.find_library("rt"), use_errno=True)
    if rt.mq_open(QUEUE, 0o2) >= 0:  # O_RDWR, no O_CREAT
        found.append("queue")
    raise RuntimeError("FOUND " + (", ".join(found) or "nothing"))
