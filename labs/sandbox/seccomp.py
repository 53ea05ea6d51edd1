"""Refuse new user namespaces to a jailed child: a small seccomp filter, loaded through libc.

A user namespace would give the student's code a fresh set of capabilities inside it (the
start of most container escapes), so the jail refuses ``unshare`` and ``clone`` with
``CLONE_NEWUSER`` (EPERM) and answers ``clone3`` with ENOSYS, as Docker's default profile
does: its flags sit in memory a filter cannot read, and the C library then falls back to
``clone``. Hand-written (about twenty BPF instructions) because the maintained binding,
libseccomp's Python module, is not on PyPI; x86-64 and AArch64 only.
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import struct

CLONE_NEWUSER = 0x10000000
_SYSCALLS = {  # machine -> (audit arch, unshare, clone, clone3)
    "x86_64": (0xC000003E, 272, 56, 435),
    "aarch64": (0xC00000B7, 97, 220, 435),
}
_LD_W_ABS, _JEQ_K, _JGE_K, _JSET_K, _RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
_X32_BIT = 0x40000000
_ALLOW, _ERRNO, _KILL = 0x7FFF0000, 0x00050000, 0x80000000
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2
# offsets in struct seccomp_data: nr, arch, then args[0] (its low 32 bits, little-endian)
_NR, _ARCH, _ARG0 = 0, 4, 16


class SeccompError(OSError):
    pass


def supported() -> bool:
    return platform.machine() in _SYSCALLS


def _program(machine: str) -> list[tuple[int, int, int, int]]:
    arch, unshare, clone, clone3 = _SYSCALLS[machine]
    return [
        (_LD_W_ABS, 0, 0, _ARCH),
        (_JEQ_K, 1, 0, arch),                  # another ABI (x32, i386 on x86-64): kill
        (_RET_K, 0, 0, _KILL),
        (_LD_W_ABS, 0, 0, _NR),
        (_JGE_K, 0, 1, _X32_BIT),              # x32 numbering on x86-64: kill
        (_RET_K, 0, 0, _KILL),
        (_JEQ_K, 3, 0, unshare),               # -> flags check
        (_JEQ_K, 2, 0, clone),                 # -> flags check
        (_JEQ_K, 5, 0, clone3),                # -> ENOSYS
        (_RET_K, 0, 0, _ALLOW),
        (_LD_W_ABS, 0, 0, _ARG0),
        (_JSET_K, 0, 1, CLONE_NEWUSER),
        (_RET_K, 0, 0, _ERRNO | errno.EPERM),
        (_RET_K, 0, 0, _ALLOW),
        (_RET_K, 0, 0, _ERRNO | errno.ENOSYS),
    ]


def refuse_user_namespaces(libc: ctypes.CDLL) -> None:
    """Install the filter on this process (inherited by every child it starts); needs
    ``no_new_privs`` set first."""
    machine = platform.machine()
    if machine not in _SYSCALLS:
        raise SeccompError(0, f"no seccomp filter for this machine ({machine})")
    code = b"".join(struct.pack("HBBI", *instruction) for instruction in _program(machine))
    filters = ctypes.create_string_buffer(code)

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    program = SockFprog(len(code) // 8, ctypes.addressof(filters))
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
        number = ctypes.get_errno()
        raise SeccompError(number, f"prctl(PR_SET_SECCOMP): {os.strerror(number)}")
