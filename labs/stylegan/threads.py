"""One CPU thread for the miniature's small tensors."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import torch


@contextmanager
def one_cpu_thread() -> Iterator[None]:
    """Run CPU math on one thread: the miniature is too small to gain from more (on a busy
    machine extra threads stall it tenfold), and one thread makes the pixels independent of
    the machine's thread count. The previous setting is restored."""
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)
