"""``python -m labs gradescope-bundle --lab td1 --out autograder.zip``: Gradescope's bundle.

The zip holds ``setup.sh`` (installs the suite in /autograder/venv), ``run_autograder``
(grades /autograder/submission, writes /autograder/results/results.json), and the suite's
source: the ``labs`` package, ``specs/<lab>``, ``golden/``, ``conftest.py`` and
``pyproject.toml`` (its pytest settings). Templates live in ``labs/grading/gradescope/``.
"""
from __future__ import annotations

import argparse
import shlex
import zipfile
from pathlib import Path

from labs.dataclass_options import as_arguments
from labs.grading.cli import add_grading_options, limits_from
from labs.grading.rubric import rubric_from
from labs.grading.run import PROJECT_ROOT
from labs.sandbox.limits import Limits

TEMPLATES = Path(__file__).with_name("gradescope")
SKIPPED_PARTS = {"__pycache__", ".pytest_cache", ".git"}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("gradescope-bundle",
                                   help="write the autograder zip Gradescope expects")
    add_grading_options(parser)  # --rubric included
    parser.add_argument("--out", type=Path, default=Path("autograder.zip"), metavar="ZIP",
                        help="where to write the bundle (default: autograder.zip)")
    parser.set_defaults(func=run)


def _torch_version() -> str:
    try:
        from importlib.metadata import version
        return version("torch").split("+")[0]
    except Exception:  # noqa: BLE001 - a bundle without torch installed here still pins something
        return "2.13.0"


def source_files(lab: str) -> list[Path]:
    """The project files the autograder needs, relative to the project root."""
    roots = [PROJECT_ROOT / "labs", PROJECT_ROOT / "specs" / lab, PROJECT_ROOT / "golden"]
    files = [PROJECT_ROOT / name for name in ("conftest.py", "pyproject.toml", "README.md")]
    for root in roots:
        if root.is_dir():
            files += [p for p in root.rglob("*") if p.is_file()]
    return sorted(p.relative_to(PROJECT_ROOT) for p in files if p.exists()
                  and not SKIPPED_PARTS & set(p.parts) and p.suffix != ".pyc")


def write_bundle(lab: str, limits: Limits, out: Path, select: str | None = None,
                 rubric: Path | None = None) -> int:
    """Write the zip; return the number of files in it. ``rubric``: a teacher's rubric
    file (already validated), shipped as ``rubric.toml`` and passed to the grader."""
    options = shlex.join([*as_arguments(limits), *(["--only", select] if select else []),
                          *(["--rubric", "rubric.toml"] if rubric else [])])
    scripts = {
        "setup.sh": (TEMPLATES / "setup.sh").read_text().replace("@TORCH_VERSION@",
                                                                 _torch_version()),
        "run_autograder": (TEMPLATES / "run_autograder").read_text()
        .replace("@LAB@", lab).replace("@LIMITS@", options),
    }
    files = source_files(lab)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in scripts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o100755 << 16  # executable, as Gradescope runs them
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, text)
        for path in files:
            bundle.write(PROJECT_ROOT / path, path.as_posix())
        if rubric:  # unpacked in /autograder/source, where run_autograder runs
            bundle.write(rubric, "rubric.toml")
    return len(files) + len(scripts) + bool(rubric)


def run(args: argparse.Namespace) -> int:
    from labs.cli import writable_file

    writable_file(args.out, "--out")
    limits = limits_from(args)
    rubric_from(args)  # a bad rubric fails here, not on Gradescope
    count = write_bundle(args.lab, limits, args.out, args.only, args.rubric)
    print(f"{args.out}: Gradescope autograder for {args.lab} ({count} files); upload it as "
          "the assignment's autograder (base image with Python >= 3.11)")
    return 0
