"""The spec ids this session collected, when it collected every spec: the points checks read
them rather than collecting the specs again in a subprocess (seconds of imports)."""
from __future__ import annotations

import pytest

_SPEC_IDS = pytest.StashKey[tuple]()


@pytest.hookimpl(tryfirst=True)  # before -m and -k deselect anything
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.args_source is pytest.Config.ArgsSource.TESTPATHS:  # the whole suite
        config.stash[_SPEC_IDS] = tuple(item.nodeid for item in items
                                        if item.nodeid.startswith("specs/"))


@pytest.fixture(scope="session")
def collected_spec_ids(pytestconfig) -> tuple[str, ...] | None:
    """Every spec id, if this session collected them all (a run of the whole suite)."""
    return pytestconfig.stash.get(_SPEC_IDS, None)
