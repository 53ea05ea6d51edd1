"""Golden figures and values: compared with tolerances, regenerated on request.

Figures go through matplotlib's own ``matplotlib.testing.compare.compare_images`` (RMS
tolerance on pixel values); on failure the actual image and its ``-failed-diff.png`` are
kept under ``golden-failures/``. Values go through ``numpy.testing.assert_allclose`` with an
explicit tolerance per call. ``pytest --regen-golden`` writes the goldens instead of
comparing (those tests are then reported as skipped, naming the file written).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

FIGURE_TOLERANCE = 2.0  # RMS over 0-255 pixel values; anti-aliasing noise stays well below


def save_figure(figure: Any, path: Path) -> None:
    """Save a figure reproducibly: fixed dpi, no date or version in the PNG metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=80, metadata={"Software": None})


class Golden:
    def __init__(self, root: Path, failures: Path, regenerate: bool) -> None:
        self.root = root
        self.failures = failures
        self.regenerate = regenerate

    def _regenerated(self, path: Path) -> None:
        pytest.skip(f"golden regenerated: {path}")

    def check_figure(self, figure: Any, name: str, tol: float = FIGURE_TOLERANCE) -> None:
        from matplotlib.testing.compare import compare_images
        import matplotlib.pyplot as plt

        expected = self.root / name
        actual = self.failures / name
        save_figure(figure, actual)
        plt.close(figure)
        if self.regenerate:
            expected.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(actual, expected)
            self._regenerated(expected)
        if not expected.exists():
            pytest.fail(f"no golden figure {expected}; run pytest --regen-golden to create it")
        message = compare_images(str(expected), str(actual), tol=tol, in_decorator=False)
        if message is not None:
            pytest.fail(f"figure {name} differs from its golden (tolerance RMS {tol}): "
                        f"{message}\nactual and diff images kept in {actual.parent}")
        actual.unlink()
        self._remove_empty_folders(actual.parent)

    def _remove_empty_folders(self, folder: Path) -> None:
        """A passing comparison leaves no empty folder under ``failures`` (nor it, if empty)."""
        while folder == self.failures or self.failures in folder.parents:
            try:
                folder.rmdir()
            except OSError:  # not empty: another figure's failure is kept there
                return
            folder = folder.parent

    def check_values(self, name: str, values: dict[str, Any], rtol: float, atol: float = 0.0) -> None:
        path = self.root / name
        plain = {key: np.asarray(value, dtype=float).tolist() for key, value in values.items()}
        if self.regenerate:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(plain, indent=1) + "\n")
            self._regenerated(path)
        if not path.exists():
            pytest.fail(f"no golden values {path}; run pytest --regen-golden to create it")
        expected = json.loads(path.read_text())
        assert sorted(expected) == sorted(plain), (
            f"golden {name} has keys {sorted(expected)}, measured {sorted(plain)}")
        for key, value in plain.items():
            np.testing.assert_allclose(value, expected[key], rtol=rtol, atol=atol,
                                       err_msg=f"golden value {name}:{key}")
