"""An attack: open a user namespace (root inside it: the start of most container escapes)."""
import ctypes
import ctypes.util
import os

CLONE_NEWUSER = 0x10000000


def train(desired, coeff=0.7, iterations=1000, seed=None):
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    if libc.unshare(CLONE_NEWUSER) == 0:
        raise RuntimeError("USER NAMESPACE OPENED")
    raise RuntimeError("USER NAMESPACE REFUSED: " + os.strerror(ctypes.get_errno()))
