"""The pytest plugin every lab's specs share (loaded by the top-level ``conftest.py``).

Options: ``--submission DIR`` (run the specs on a student's folder, sandboxed),
``--spec-seed N`` (offset every seed the stochastic specs use), ``--regen-golden``
(write golden figures and values instead of comparing), and the child's limits
(``--call-timeout``, ``--total-budget``, ``--memory-mb`` ...: ``labs.sandbox.limits``, the
same options and per-lab defaults as ``python -m labs grade``). Marker ``gpu``: skipped
when CUDA is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from labs.dataclass_options import as_arguments
from labs.suite.client import MISSING
from labs.suite.golden import Golden
from labs.sandbox.limits import Limits, add_limit_options, limits_given
from labs.suite.outcomes import RECORDER, Recorder
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
    add_limit_options(group.addoption)  # the lab's: that of the specs collected
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
    submission_limits(config, [])  # a bad limit is refused before collection
    if config.getoption("--submission") and not config.pluginmanager.has_plugin(RECORDER):
        # the outcomes the grade at the end is made of, recorded as the grader records them
        config.pluginmanager.register(Recorder(None), RECORDER)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a submission, a missing part's skip reads as missing (asked, with its points) or
    as a bonus not attempted, at the spec rather than in the client that skipped it."""
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and isinstance(report.longrepr, tuple)
            and item.config.getoption("--submission")):
        reason = str(report.longrepr[2]).removeprefix("Skipped: ")
        if reason.startswith(MISSING):
            from labs.grading.summary import skip_reason

            path, line, _ = item.location
            report.longrepr = (path, (line or 0) + 1, "Skipped: " + skip_reason(item.nodeid, reason))


def labs_of(items: list[pytest.Item]) -> list[str]:
    """The labs whose specs are in ``items``: ``td1`` for ``specs/td1/test_xor.py``."""
    specs = PROJECT_ROOT / "specs"
    return sorted({item.path.resolve().relative_to(specs).parts[0] for item in items
                   if item.path.resolve().is_relative_to(specs)})


def submission_limits(config: pytest.Config, items: list[pytest.Item]) -> Limits:
    """The limits of the labs whose specs run (``labs.sandbox.limits``), with those given."""
    try:
        return limits_given(labs_of(items), config.getoption)
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None


def pytest_report_collectionfinish(config: pytest.Config, items: list[pytest.Item]) -> str:
    if config.getoption("--submission") is None:
        return ""
    return (f"labs: limits of the submission ({', '.join(labs_of(items)) or 'no lab'}): "
            + " ".join(as_arguments(submission_limits(config, items))))


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    left_out = config.stash.get(_LEFT_OUT, [])
    if left_out:
        terminalreporter.section("submission: entries left out (not copied, never read)")
        for entry in left_out:
            terminalreporter.line(entry)
    folder = config.getoption("--submission")
    recorder = config.pluginmanager.get_plugin(RECORDER)
    if folder and recorder is not None and recorder.collected:
        from labs.grading.summary import grades, summary_lines

        terminalreporter.section("grade: what the grader gives this folder")
        terminalreporter.line(f"(specs run with --spec-seed {config.getoption('--spec-seed')}; "
                              "the grader draws its own offset, which a correct folder passes too)")
        for grade in grades(recorder.results, recorder.collected, Path(folder).name):
            for line in summary_lines(grade, folder):
                terminalreporter.line(line)


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
        from labs.sandbox.isolation import command_prefix
        limits = submission_limits(config, request.session.items)
        result = FolderSubmission(Path(folder), limits, command_prefix())
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
