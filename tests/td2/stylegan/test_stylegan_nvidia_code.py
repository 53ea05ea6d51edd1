"""Where the suite finds NVIDIA's StyleGAN3 code, and how it imports it (no checkout needed)."""
from __future__ import annotations

import builtins
import sys

import pytest

from labs.stylegan import nvidia_runs, real_network


def test_find_repo_order_option_then_variable_then_beside_the_project(tmp_path, monkeypatch):
    monkeypatch.setattr(nvidia_runs, "PROJECT_ROOT", tmp_path / "project")
    monkeypatch.delenv(nvidia_runs.REPO_VARIABLE, raising=False)
    assert nvidia_runs.find_repo() is None  # a clone without it: the specs skip
    beside = tmp_path / "shared" / "third_party" / "stylegan3"
    beside.mkdir(parents=True)
    assert nvidia_runs.find_repo() == beside
    monkeypatch.setenv(nvidia_runs.REPO_VARIABLE, str(tmp_path / "from-variable"))
    assert nvidia_runs.find_repo() == tmp_path / "from-variable"
    assert nvidia_runs.find_repo(str(tmp_path / "given")) == tmp_path / "given"


def test_a_folder_that_is_not_nvidias_code_is_named(tmp_path):
    with pytest.raises(ValueError, match=f"{tmp_path} is not a checkout of NVlabs/stylegan3"):
        real_network.check_checkout(tmp_path)


def test_unreadable_distributions_give_a_parse_version_stand_in(monkeypatch):
    """In the sandbox, importing pkg_resources fails on the hidden labs.egg-info; NVIDIA's
    code then gets parse_version alone, which compares versions as pkg_resources does."""
    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "pkg_resources" and name not in sys.modules:
            raise PermissionError(13, "Permission denied", "labs.egg-info")
        return real_import(name, *args, **kwargs)

    saved = sys.modules.pop("pkg_resources", None)
    monkeypatch.setattr(builtins, "__import__", failing_import)
    try:
        with real_network.nvidia_imports():
            from pkg_resources import parse_version
        assert sys.modules["pkg_resources"].__doc__.startswith("parse_version only")
    finally:
        sys.modules.pop("pkg_resources", None)
        if saved is not None:
            sys.modules["pkg_resources"] = saved
    assert parse_version("2.13.0+cpu") >= parse_version("1.11.0a")
    assert parse_version("1.10.2") < parse_version("1.11.0a")
