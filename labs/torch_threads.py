"""How many CPU threads torch uses for a block of code; the caller's setting is restored.

The labs' networks are tiny: on a 2-core machine shared with other work, extra intra-op
threads stall them (ten- to twentyfold measured), and one thread keeps results independent
of the machine's thread count.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def torch_threads(count: int | None = 1) -> Iterator[None]:
    """Run with ``count`` intra-op threads (None: leave it), then restore the caller's."""
    import torch

    before = torch.get_num_threads()
    if count is not None:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)
