"""Where the suite finds NVIDIA's StyleGAN3 code, and how it imports it (no checkout needed)."""
from __future__ import annotations

import pytest

from labs.stylegan import nvidia_runs, real_network


def test_find_repo_order_option_then_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(nvidia_runs.REPO_VARIABLE, raising=False)
    assert nvidia_runs.find_repo() is None  # nothing named: the specs skip
    monkeypatch.setenv(nvidia_runs.REPO_VARIABLE, str(tmp_path / "from-variable"))
    assert nvidia_runs.find_repo() == tmp_path / "from-variable"
    assert nvidia_runs.find_repo(str(tmp_path / "given")) == tmp_path / "given"


def test_a_folder_that_is_not_nvidias_code_is_named(tmp_path):
    with pytest.raises(ValueError, match=f"{tmp_path} is not a checkout of NVlabs/stylegan3"):
        real_network.check_checkout(tmp_path)

