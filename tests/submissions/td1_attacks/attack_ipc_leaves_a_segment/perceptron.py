"""An attack: leave a System V shared-memory segment and a POSIX message queue behind,
holding a "secret", for the next student graded on this machine to read."""
import ctypes
import ctypes.util

KEY = 0x4C414253  # "LABS"
QUEUE = b"/labs_attack_queue"


def leave() -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.shmat.restype = ctypes.c_void_p
    segment = libc.shmget(KEY, 4096, 0o1000 | 0o666)  # IPC_CREAT
    if segment >= 0:
        address = libc.shmat(segment, None, 0)
        ctypes.memmove(address, b"secret answers", 14)
    rt = ctypes.CDLL(ctypes.util.find_library("rt"), use_errno=True)
    rt.mq_open(QUEUE, 0o100 | 0o2, 0o666, None)  # O_CREAT | O_RDWR


def train(desired, coeff=0.7, iterations=1000, seed=None):
    leave()
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
