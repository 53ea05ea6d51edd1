"""``python -m labs stylegan`` and this part of ``python -m labs reproduce td2``."""
from __future__ import annotations

import numpy as np
import pytest

from labs.cli import main
from labs.stylegan.images import read_png
from labs.stylegan.reproduce import reproduce


def test_stylegan_writes_named_pngs_and_time_per_image(tmp_path, capsys):
    assert main(["stylegan", "--seeds", "0-1,7", "--resolution", "16", "--trunc", "0.7",
                 "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed0000.png", "seed0001.png", "seed0007.png"]
    assert read_png(tmp_path / "seed0007.png").shape == (16, 16, 3)
    assert "ms per image" in capsys.readouterr().out


@pytest.mark.parametrize("arguments, message", [
    (["--seeds", "2,x"], "bad seed 'x' in '2,x'"),
    (["--seeds", "9-3"], "bad seed range '9-3'"),
    (["--seeds", "-5"], "bad seed -5"),
    (["--trunc", "nan"], "bad --trunc nan"),
    (["--translate", "1"], "cannot parse 2-vector '1'"),
    (["--noise-mode", "loud"], "bad --noise-mode 'loud'"),
    (["--resolution", "48"], "bad --resolution 48"),
    (["--model-seed", "-1"], "bad --model-seed -1"),
    (["--stylegan3-repo", "somewhere"], "--stylegan3-repo is used with --network PKL only"),
    (["--device", "cpu"], "--device is used with --network PKL only"),
    (["--network", "x.pkl", "--device", "tpu"], "bad --device 'tpu'"),
    (["--network", "x.pkl", "--resolution", "32"], "apply to the miniature generator"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, arguments, message):
    assert main(["stylegan", *arguments, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_device_cuda_without_cuda_says_so_and_exits_2(tmp_path, capsys, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    (tmp_path / "ffhq.pkl").write_bytes(b"")  # it exists: the arguments pass, CUDA is next
    assert main(["stylegan", "--network", str(tmp_path / "ffhq.pkl"), "--stylegan3-repo",
                 str(tmp_path), "--device", "cuda", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "torch finds no CUDA device" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_device_defaults_to_cuda_only_where_torch_finds_it(monkeypatch):
    import torch

    from labs.stylegan.real_network import default_device

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert default_device() == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert default_device() == "cuda"


def test_network_on_cpu_by_default_without_cuda(tmp_path, capsys, monkeypatch):
    """Without CUDA the real network is loaded on CPU (here a folder that is not NVIDIA's
    code stops it right after the device is chosen)."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    (tmp_path / "ffhq.pkl").write_bytes(b"")  # a missing pickle is refused before CUDA is asked
    assert main(["stylegan", "--network", str(tmp_path / "ffhq.pkl"), "--stylegan3-repo",
                 str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "is not a checkout of NVlabs/stylegan3" in err and err.count("\n") == 1


def test_real_network_loader_refuses_a_folder_that_is_not_stylegan3(tmp_path):
    from labs.stylegan.real_network import import_stylegan3

    with pytest.raises(ValueError, match="not a checkout of NVlabs/stylegan3"):
        import_stylegan3(tmp_path)


def test_unwritable_out_exits_2_without_traceback(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["stylegan", "--resolution", "16", "--out", str(blocker / "sub")]) == 2
    err = capsys.readouterr().err
    assert "cannot write to" in err and err.count("\n") == 1 and "Traceback" not in err


def test_reproduce_writes_the_three_report_seeds(tmp_path):
    paths = reproduce(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "stylegan/seed0002.png", "stylegan/seed0674.png", "stylegan/seed1024.png"]
    images = [read_png(p) for p in paths]
    assert all(image.shape == (64, 64, 3) for image in images)
    assert not np.array_equal(images[0], images[1])


def test_td2_reproducer_list_runs_this_part():
    from labs.reproduce import REPRODUCERS

    assert "labs.stylegan.reproduce" in REPRODUCERS["td2"]
