"""The pytest plugin every lab's specs share (loaded by the top-level ``conftest.py``).

Options: ``--submission DIR`` (run the specs on a student's folder, sandboxed),
``--spec-seed N`` (offset every seed the stochastic specs use), ``--regen-golden``
(write golden figures and values instead of comparing), and the child's limits
(``--call-timeout``, ``--submission-budget``, ``--memory-mb``). Marker ``gpu``: skipped
when CUDA is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.suite.child import Limits
from labs.suite.golden import Golden
from labs.suite.submission import FolderSubmission, ReferenceSubmission, Submission

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("labs", "teaching-lab specs")
    group.addoption("--submission", metavar="DIR", default=None,
                    help="run the specs against a student's folder (default: the reference labs)")
    group.addoption("--spec-seed", metavar="N", type=int, default=0,
                    help="offset added to every seed of the stochastic specs (default 0)")
    group.addoption("--regen-golden", action="store_true",
                    help="write golden figures and values instead of comparing them")
    group.addoption("--call-timeout", metavar="S", type=float, default=Limits.call_timeout,
                    help="wall-clock limit per call into a submission (seconds)")
    group.addoption("--submission-budget", metavar="S", type=float, default=Limits.total_budget,
                    help="wall-clock budget for all calls into one submission (seconds)")
    group.addoption("--memory-mb", metavar="MB", type=int, default=None,
                    help="address-space limit of a submission's process (MB; default "
                         f"{Limits.memory_mb}, or the lab contract's MEMORY_MB: TD 3 3072)")
    group.addoption("--golden-failures", metavar="DIR", default=None,
                    help="where a failed golden comparison keeps its actual images (default: "
                         "golden-failures/ in the project; the grader gives each student one)")
    group.addoption("--run-slow", action="store_true",
                    help="also run the tests marked slow (skipped by default)")
    group.addoption("--wikitext-dir", metavar="DIR", default=None,
                    help="TD 3: a local copy of WikiText-2 raw for the gpu-marked recipe")
    group.addoption("--stylegan3-pkl", metavar="PKL", default=None,
                    help="TD 2: a StyleGAN3 network pickle for the gpu-marked specs")
    group.addoption("--stylegan3-repo", metavar="DIR", default=None,
                    help="TD 2: a checkout of NVlabs/stylegan3 (to unpickle the network)")


def _cuda_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--run-slow"):
        skip_slow = pytest.mark.skip(reason="slow: run with --run-slow")
        for item in items:
            if item.get_closest_marker("slow"):
                item.add_marker(skip_slow)
    gpu_items = [item for item in items if item.get_closest_marker("gpu")]
    if gpu_items and not _cuda_available():
        skip = pytest.mark.skip(reason="needs a CUDA device (none found)")
        for item in gpu_items:
            item.add_marker(skip)


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--regen-golden") and config.getoption("--submission"):
        raise pytest.UsageError("--regen-golden writes the reference's goldens: it cannot be "
                                "used with --submission")


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    left_out = config.stash.get(_LEFT_OUT, [])
    if left_out:
        terminalreporter.section("submission: entries left out (not copied, never read)")
        for entry in left_out:
            terminalreporter.line(entry)


_LEFT_OUT = pytest.StashKey[list]()


def pytest_report_header(config: pytest.Config) -> str:
    folder = config.getoption("--submission")
    return (f"labs: submission={folder or 'reference (labs/)'}, "
            f"spec-seed={config.getoption('--spec-seed')}")


@pytest.fixture(scope="session")
def submission(request: pytest.FixtureRequest) -> Submission:
    """The code under test: a student's folder (``--submission``) or the reference."""
    config = request.config
    folder = config.getoption("--submission")
    if folder is None:
        result: Submission = ReferenceSubmission()
    else:
        from labs.suite.sandbox import command_prefix
        memory = config.getoption("--memory-mb")
        limits = Limits(call_timeout=config.getoption("--call-timeout"),
                        total_budget=config.getoption("--submission-budget"),
                        memory_mb=Limits.memory_mb if memory is None else memory)
        result = FolderSubmission(Path(folder), limits, command_prefix(),
                                  contract_memory=memory is None)
        config.stash[_LEFT_OUT] = result.left_out
    yield result
    result.close()


@pytest.fixture(scope="session")
def spec_seed(request: pytest.FixtureRequest) -> int:
    """The offset to add to every seed a stochastic spec uses."""
    return request.config.getoption("--spec-seed")


@pytest.fixture(scope="session")
def golden(request: pytest.FixtureRequest) -> Golden:
    failures = request.config.getoption("--golden-failures")
    return Golden(PROJECT_ROOT / "golden",
                  Path(failures) if failures else PROJECT_ROOT / "golden-failures",
                  request.config.getoption("--regen-golden"))
