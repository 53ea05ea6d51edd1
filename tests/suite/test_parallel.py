"""When the everyday run spreads over the cores, and when it keeps to one process."""
from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from labs.suite import parallel


def config(**options) -> SimpleNamespace:
    defaults = {"submission": None, "labs_benchmark": False, "benchmark_only": False,
                "regen_golden": False}
    return SimpleNamespace(option=SimpleNamespace(**{**defaults, **options}))


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "_usable_cores", lambda: 2)
    return monkeypatch


def not_in_a_test(monkeypatch) -> None:
    """pytest sets PYTEST_CURRENT_TEST again before each phase: removed in the test body."""
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)


@pytest.mark.parametrize("options, reason", [
    ({"submission": "some/folder"}, "--submission"),
    ({"labs_benchmark": True}, "benchmarks"),
    ({"benchmark_only": True}, "benchmarks"),
    ({"regen_golden": True}, "--regen-golden"),
])
def test_runs_that_must_keep_to_one_process(two_cores, options, reason):
    not_in_a_test(two_cores)
    assert parallel.serial_reason(config(**options)) == reason
    assert parallel.pytest_xdist_auto_num_workers(config(**options)) == 0  # even with -n auto


def test_the_everyday_run_leaves_the_count_to_xdist(two_cores):
    not_in_a_test(two_cores)
    assert parallel.serial_reason(config()) is None
    assert parallel.pytest_xdist_auto_num_workers(config()) is None


def test_a_pytest_started_by_a_test_or_on_one_core_keeps_to_one_process(monkeypatch):
    monkeypatch.setenv("PYTEST_CURRENT_TEST", "tests/x.py::test (call)")
    assert parallel.serial_reason(config()) == "started by a test"
    not_in_a_test(monkeypatch)
    monkeypatch.setattr(parallel, "_usable_cores", lambda: 1)
    assert parallel.serial_reason(config()) == "one usable core"


def xdist_options(numprocesses=None, dist="no", **options) -> SimpleNamespace:
    made = config(**options)
    made.option.numprocesses, made.option.dist, made.option.tx = numprocesses, dist, []
    made.stash = {}
    return made


def test_the_projects_runs_ask_for_a_worker_per_core_unless_told_otherwise(two_cores):
    not_in_a_test(two_cores)
    everyday = xdist_options()
    parallel.pytest_cmdline_main(everyday)
    assert (everyday.option.numprocesses, everyday.option.dist) == ("auto", "loadfile")
    assert everyday.stash  # the lab scheduler is asked for
    for given in (xdist_options(numprocesses=0), xdist_options(dist="load"),
                  xdist_options(submission="some/folder")):
        before = vars(given.option).copy()
        parallel.pytest_cmdline_main(given)
        assert vars(given.option) == before  # the user's choice, or one process
        assert parallel.pytest_xdist_make_scheduler(given, log=None) is None


def test_a_pytest_started_by_a_test_does_not_look_like_an_xdist_worker(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")  # inherited from the worker running it
    parallel.pytest_cmdline_main(xdist_options())
    assert "PYTEST_XDIST_WORKER" not in os.environ  # pytest-benchmark would refuse to run


def test_the_project_conftest_loads_it(pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin("labs.suite.parallel")


def test_a_labs_specs_share_a_worker_and_a_test_file_keeps_to_one():
    assert parallel.scope_of("specs/td2/stylegan/test_stylegan_nvidia_cpu.py::test_a[2]") == \
        parallel.scope_of("specs/td2/stylegan/test_stylegan_nvidia_generate.py::test_b") == \
        "specs/td2/stylegan"
    split = parallel.lab_scheduling()._split_scope
    assert split(None, "specs/td1/test_xor.py::test_a") == \
        split(None, "specs/td1/test_convergence.py::test_b")
    assert parallel.scope_of("tests/suite/test_attacks.py::test_x[a/b]") == \
        "tests/suite/test_attacks.py"
