"""The project's path and NVIDIA's gen_images.py on one small random-weight StyleGAN3 pickle,
on CPU: the images ``specs/td2/stylegan/test_stylegan_nvidia_*.py`` compare.

``python -m labs.stylegan.nvidia_runs --stylegan3-repo DIR --out FOLDER`` writes in FOLDER:

- ``stylegan3-small-random.pkl``: NVIDIA's generator, random weights (``nvidia_network``);
- ``gen_images-<run>/seedNNNN.png``: gen_images.py, unmodified, on CPU, for each run of
  ``RUNS`` (its own options);
- ``project-<run>/seedNNNN.png``: the project's path (``labs.stylegan.pipeline``) on the
  pickle loaded as ``python -m labs stylegan`` loads it, same runs, in this process;
- ``project-cli/``: ``python -m labs stylegan --network PKL --device cpu`` for the report's
  seeds, through the command's own ``main`` in this process (its output in
  ``project-cli.out``);
- ``done``: written last.

The suite starts it in the background when the specs that need it are collected (about
15 s of CPU, mostly on the core that pytest leaves idle), and waits for it when they run.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from labs.stylegan.conventions import REPORT_SEEDS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PICKLE_NAME = "stylegan3-small-random.pkl"
# gen_images.py's options, per run: every option it has for an unconditional network
RUNS: dict[str, dict[str, str]] = {
    "report": {"--seeds": ",".join(map(str, REPORT_SEEDS))},
    "psi0": {"--seeds": ",".join(map(str, REPORT_SEEDS)), "--trunc": "0"},
    "trunc": {"--seeds": "674", "--trunc": "0.7"},
    "transform": {"--seeds": "1024", "--noise-mode": "random", "--translate": "0.3,1",
                  "--rotate": "30"},
}
GEN_IMAGES_ONLY_FIRST_SEED = {"psi0"}  # psi 0: one gen_images.py image is enough


REPO_VARIABLE = "LABS_STYLEGAN3_REPO"


def find_repo(given: str | None = None) -> Path | None:
    """The checkout of NVlabs/stylegan3 the suite uses: ``given`` (--stylegan3-repo), else
    $LABS_STYLEGAN3_REPO; None otherwise (its checks then skip, saying so)."""
    given = given or os.environ.get(REPO_VARIABLE)
    return Path(given) if given else None


@dataclass(frozen=True)
class NvidiaRuns:
    """The folders of one run of this module."""
    folder: Path

    @property
    def network_pkl(self) -> Path:
        return self.folder / PICKLE_NAME

    def gen_images(self, run: str) -> Path:
        return self.folder / f"gen_images-{run}"

    def project(self, run: str) -> Path:
        return self.folder / f"project-{run}"

    @property
    def cli(self) -> Path:
        return self.folder / "project-cli"

    @property
    def cli_output(self) -> str:
        return (self.folder / "project-cli.out").read_text()


def start(repo: Path, folder: Path) -> subprocess.Popen:
    """This module, in the background; its stdout and stderr go to FOLDER/log."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "log", "wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "labs.stylegan.nvidia_runs", "--stylegan3-repo", str(repo),
             "--out", str(folder)], cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, env=_environment())


def finish(process: subprocess.Popen, folder: Path, timeout: float = 600) -> NvidiaRuns:
    """Wait for ``start``'s process; the runs, or RuntimeError with the end of its log."""
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.returncode != 0 or not (folder / "done").exists():
        log = (folder / "log").read_text(errors="replace").strip()[-3000:]
        raise RuntimeError(f"python -m labs.stylegan.nvidia_runs failed "
                           f"(exit {process.returncode}): {log}")
    return NvidiaRuns(folder)


def _environment() -> dict[str, str]:
    # no __pycache__ in NVIDIA's checkout; one thread (the images do not depend on it)
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "OMP_NUM_THREADS": "1"}


def _options(run: str) -> list[str]:
    options = dict(RUNS[run])
    if run in GEN_IMAGES_ONLY_FIRST_SEED:
        options["--seeds"] = options["--seeds"].split(",")[0]
    return [item for pair in options.items() for item in pair]


def write_runs(repo: Path, folder: Path, model_seed: int = 0) -> NvidiaRuns:
    """Everything the module docstring lists, in ``folder``."""
    from labs.cli import main as cli_main
    from labs.stylegan.conventions import parse_seeds, parse_vec2
    from labs.stylegan.gen_images_cpu import run_gen_images
    from labs.stylegan.pipeline import write_images
    from labs.stylegan.nvidia_network import write_pickle
    from labs.stylegan.real_network import load_network

    runs = NvidiaRuns(folder)
    write_pickle(repo, runs.network_pkl, model_seed)
    for run in RUNS:
        run_gen_images(repo, ["--network", str(runs.network_pkl),
                              "--outdir", str(runs.gen_images(run)), *_options(run)])
    G = load_network(str(runs.network_pkl), repo, "cpu")
    for run, options in RUNS.items():
        write_images(G, parse_seeds(options["--seeds"]), runs.project(run),
                     float(options.get("--trunc", 1)), options.get("--noise-mode", "const"),
                     parse_vec2(options.get("--translate", "0,0")),
                     float(options.get("--rotate", 0)))
    # the command itself, as `python -m labs` runs it (its main), in this process: a second
    # process would cost one more torch import and network load for three images
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        status = cli_main(["stylegan", "--network", str(runs.network_pkl), "--stylegan3-repo",
                           str(repo), "--device", "cpu", "--seeds", RUNS["report"]["--seeds"],
                           "--out", str(runs.cli)])
    (folder / "project-cli.out").write_text(output.getvalue())
    if status != 0:
        raise RuntimeError("python -m labs stylegan --device cpu failed: "
                           f"{output.getvalue().strip()[-2000:]}")
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m labs.stylegan.nvidia_runs",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--stylegan3-repo", type=Path, required=True, metavar="DIR")
    parser.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    args = parser.parse_args(argv)
    start_time = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    write_runs(args.stylegan3_repo, args.out)
    (args.out / "done").write_text(f"{time.perf_counter() - start_time:.1f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
