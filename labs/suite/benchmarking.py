"""``pytest --benchmark``: the suite's benchmark mode, on top of pytest-benchmark.

- ``pytest --benchmark`` runs the benchmarks only (as ``--benchmark-only`` would, but the
  other tests are deselected rather than each reported skipped) and saves the run (``--benchmark-autosave``, under ``.benchmarks/``) so the next run can be compared
  with pytest-benchmark's own ``--benchmark-compare`` / ``--benchmark-compare-fail``.
- Without any benchmark option, benchmarks are skipped, so the everyday ``pytest -m "not
  gpu"`` spends no time on benchmark rounds; except the ``[cpu]`` variants of the gpu-marked
  benchmarks (``labs.suite.devices``): they run their measured function once, at tiny sizes,
  in pytest-benchmark's own "disabled" mode (``--benchmark-disable``: run once, no
  statistics), so that CI executes their code.
"""
from __future__ import annotations

import pytest

# options that show the user asked for benchmarks to run
_REQUESTS = ("benchmark_only", "benchmark_enable", "benchmark_autosave", "benchmark_save",
             "benchmark_compare", "benchmark_json", "benchmark_histogram", "benchmark_disable")
_SKIPPED = pytest.StashKey[bool]()  # set when no benchmark was asked for


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("labs").addoption(
        "--benchmark", dest="labs_benchmark", action="store_true",
        help="run the benchmarks only and save the run under .benchmarks/ "
             "(compare later runs with --benchmark-compare)")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    option = config.option
    if not hasattr(option, "benchmark_only"):  # pytest-benchmark is not installed
        return
    if option.labs_benchmark:
        from pytest_benchmark.utils import get_tag  # the name --benchmark-autosave uses

        option.benchmark_only = True
        option.benchmark_autosave = option.benchmark_autosave or get_tag()
    elif not any(getattr(option, name, None) for name in _REQUESTS):
        option.benchmark_disable = True  # run once, unmeasured: what is not skipped below
        config.stash[_SKIPPED] = True


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a benchmark option, skip every benchmark but the ``[cpu]`` variants of the
    gpu-marked ones. In ``--benchmark`` mode, deselect what is not a benchmark: one line in
    the summary instead of a "Skipping non-benchmark" line per test above the table."""
    if config.stash.get(_SKIPPED, False):
        skip = pytest.mark.skip(reason="benchmark: run with --benchmark")
        for item in items:
            if _is_benchmark(item) and "device" not in item.fixturenames:
                item.add_marker(skip)
    if not getattr(config.option, "labs_benchmark", False):
        return
    keep = [item for item in items if _is_benchmark(item)]
    if len(keep) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in keep])
        items[:] = keep


def _is_benchmark(item: pytest.Item) -> bool:
    return "benchmark" in getattr(item, "fixturenames", ())
