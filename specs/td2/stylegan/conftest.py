"""TD 2 part 2 fixtures: the StyleGAN contract's client bound to the code under test, golden
images, and NVIDIA's StyleGAN3 code with a small random-weight pickle of its own generator.

Secret seed offsets (``python -m labs calibrate-offsets td2/stylegan --folder
tests/submissions/td2_stylegan/correct``, offsets drawn as the grader draws them):
2026-12-07, on the code of that day, neither the reference nor the correct folder lost a
point at any of 50 offsets (false-fail rate 0/50, 95% upper bound 6%, the rule of three);
2026-12-06, the reference alone, none at 10 earlier ones.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest

from labs.stylegan.contract import StyleGAN
from labs.stylegan.images import read_png, save_png


@pytest.fixture(scope="session")
def stylegan(submission) -> StyleGAN:
    return StyleGAN.of(submission)


@pytest.fixture(scope="session")
def check_golden_image(golden):
    """check_golden_image(name, image, max_step, max_fraction): see _check_golden_image."""
    return lambda *args, **kwargs: _check_golden_image(golden, *args, **kwargs)


def _check_golden_image(golden, name: str, image: np.ndarray, max_step: int,
                        max_fraction: float) -> None:
    """Compare an HWC uint8 image with golden/NAME: at most ``max_fraction`` of the values
    may differ, by at most ``max_step`` each. ``--regen-golden`` writes the golden."""
    expected_path = Path(golden.root) / name
    if golden.regenerate:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        save_png(image, expected_path)
        pytest.skip(f"golden regenerated: {expected_path}")
    if not expected_path.exists():
        pytest.fail(f"no golden image {expected_path}; run pytest --regen-golden to create it")
    expected = read_png(expected_path)
    assert expected.shape == image.shape, (
        f"image {name}: shape {image.shape}, its golden has {expected.shape}")
    step = np.abs(image.astype(int) - expected.astype(int))
    fraction = float((step > 0).mean())
    if step.max() > max_step or fraction > max_fraction:
        actual_path = Path(golden.failures) / name
        actual_path.parent.mkdir(parents=True, exist_ok=True)
        save_png(image, actual_path)
        pytest.fail(f"image {name} differs from its golden: {fraction:.2%} of the values differ, "
                    f"by up to {step.max()} (tolerance {max_fraction:.2%}, {max_step}); "
                    f"actual image kept in {actual_path}")



def _stylegan3_repo(config: pytest.Config) -> tuple[Path | None, str]:
    """NVIDIA's StyleGAN3 code (``labs.stylegan.nvidia_runs.find_repo``), or (None, why)."""
    from labs.stylegan.nvidia_runs import REPO_VARIABLE, find_repo

    repo = find_repo(config.getoption("--stylegan3-repo"))
    if repo is None:
        return None, (f"no checkout of NVlabs/stylegan3: give --stylegan3-repo DIR or set "
                      f"{REPO_VARIABLE}")
    return repo, ""


_RUNS = pytest.StashKey[tuple]()  # (process, folder) of labs.stylegan.nvidia_runs


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start NVIDIA's and the project's runs in the background as soon as a spec that needs
    them is collected: they use the core pytest leaves idle while other specs run. Not in an
    xdist worker: every worker collects every spec but runs only its share, and the other
    cores are busy anyway (the ``nvidia`` fixture starts the runs where they are needed)."""
    if hasattr(session.config, "workerinput"):
        return
    if session.config.option.collectonly or not any(
            item.path.name.startswith("test_stylegan_nvidia") for item in session.items):
        return
    repo, _ = _stylegan3_repo(session.config)
    if repo is not None and (repo / "legacy.py").is_file():
        _start_runs(session.config, repo)


def _start_runs(config: pytest.Config, repo: Path) -> tuple:
    from labs.stylegan.nvidia_runs import start

    folder = Path(tempfile.mkdtemp(prefix="stylegan3-runs-"))
    config.stash[_RUNS] = (start(repo, folder), folder)
    return config.stash[_RUNS]


def pytest_sessionfinish(session: pytest.Session) -> None:
    process, folder = session.config.stash.get(_RUNS, (None, None))
    if process is not None:
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def stylegan3_repo(request) -> Path:
    """The checkout of NVlabs/stylegan3 the specs use (see _stylegan3_repo); skipped,
    saying why, without one; an error when the folder given is not NVIDIA's code."""
    from labs.stylegan.real_network import check_checkout

    repo, why = _stylegan3_repo(request.config)
    if repo is None:
        pytest.skip(why)
    return check_checkout(repo)


@pytest.fixture(scope="session")
def nvidia(request, stylegan3_repo):
    """gen_images.py and the project's path on a small random-weight StyleGAN3 pickle, on
    CPU (``labs.stylegan.nvidia_runs``), made once per session in a temporary folder: the
    background run started at collection, waited for here."""
    from labs.stylegan.nvidia_runs import finish

    config = request.config
    process, folder = config.stash.get(_RUNS, None) or _start_runs(config, stylegan3_repo)
    return finish(process, folder)
