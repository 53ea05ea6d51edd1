"""``python -m labs reproduce td2`` (this part): the report's three seed images, 2, 674 and
1024, from the miniature generator, in OUT/stylegan/ (the real network needs a GPU: see
``python -m labs stylegan --network``)."""
from __future__ import annotations

import time
from pathlib import Path

from labs.stylegan.conventions import REPORT_SEEDS
from labs.stylegan.pipeline import write_images
from labs.stylegan.miniature import miniature_generator


def reproduce(out: Path) -> list[Path]:
    start = time.perf_counter()
    paths = write_images(miniature_generator(), list(REPORT_SEEDS), out / "stylegan")
    print(f"stylegan: seeds {', '.join(map(str, REPORT_SEEDS))} of the miniature generator in "
          f"{out / 'stylegan'}/ ({time.perf_counter() - start:.1f} s)")
    return paths
