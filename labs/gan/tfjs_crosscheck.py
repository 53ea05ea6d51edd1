"""Cross-check against GAN Lab itself: the same run trained here and by GAN Lab's step in
TensorFlow.js (``labs/gan/tfjs/ganlab_steps.cjs``), from the same initial weights and atlases.

Both sides start from this package's ``initial_state`` (weights and the 12,000-row real and
noise atlases, exported unpadded), then train the same number of steps; the losses of every
step and the weights after chosen steps are compared. Node.js and TensorFlow.js are needed
only to record a trajectory (``--record``); the recorded one lives under ``golden/td2/gan/``
and ``tests/td2/gan/test_tfjs_crosscheck.py`` replays this side against it, no Node needed.

    npm install --prefix DIR @tensorflow/tfjs
    python -m labs.gan.tfjs_crosscheck --preset ring --steps 300 --tfjs DIR/node_modules --record
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from labs.gan.config import GANConfig, make_config
from labs.gan.networks import unpadded
from labs.gan.train import initial_state, network_sizes, training_step
from labs.torch_threads import torch_threads

SCRIPT = Path(__file__).with_name("tfjs") / "ganlab_steps.cjs"
GOLDEN_DIR = Path(__file__).resolve().parents[2] / "golden" / "td2" / "gan"


def golden_path(name: str, seed: int) -> Path:
    return GOLDEN_DIR / f"tfjs_{name}_seed{seed}.json"


def tfjs_input(config: GANConfig, steps: int, weights_after: list[int]) -> dict[str, Any]:
    """The JSON run ``ganlab_steps.cjs`` reads: float32 values, written exactly."""
    state = initial_state(config)
    g_sizes, d_sizes = network_sizes(config)
    as_spec = lambda arrays: [{"shape": list(a.shape), "values": a.ravel().tolist()} for a in arrays]
    return {
        "config": config.to_dict(), "steps": steps, "weights_after": weights_after,
        "g_params": as_spec(unpadded(state.g_params, g_sizes)),
        "d_params": as_spec(unpadded(state.d_params, d_sizes)),
        "real_atlas": state.real_atlas.numpy().tolist(),
        "noise_atlas": state.noise_atlas.numpy().tolist(),
    }


def run_tfjs(run: dict[str, Any], node_modules: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "in.json"), Path(folder, "out.json")
        source.write_text(json.dumps(run))
        env = dict(os.environ, NODE_PATH=str(Path(node_modules).resolve()))
        subprocess.run(["node", str(SCRIPT), str(source), str(target)], check=True, env=env)
        return json.loads(target.read_text())


def run_here(config: GANConfig, steps: int, weights_after: list[int]) -> dict[str, Any]:
    """The same trajectory from ``labs.gan.train``: losses per step, weights after some."""
    g_sizes, d_sizes = network_sizes(config)
    out: dict[str, Any] = {"d_loss": [], "g_loss": [], "weights": {}}
    with torch_threads(1):
        state = initial_state(config)
        for step in range(1, steps + 1):
            record = training_step(state)
            out["d_loss"].append(float(record["d_loss"]))
            out["g_loss"].append(float(record["g_loss"]))
            if step in weights_after:
                out["weights"][str(step)] = {
                    "g_params": [a.ravel().tolist() for a in unpadded(state.g_params, g_sizes)],
                    "d_params": [a.ravel().tolist() for a in unpadded(state.d_params, d_sizes)]}
    return out


def weight_deviation(ours: dict[str, Any], theirs: dict[str, Any], step: int) -> float:
    """The largest absolute difference between the two sides' weights after ``step``."""
    a, b = ours["weights"][str(step)], theirs["weights"][str(step)]
    return max(float(np.max(np.abs(np.subtract(x, y))))
               for side in ("g_params", "d_params") for x, y in zip(a[side], b[side]))


def _override(item: str) -> tuple[str, Any]:
    name, _, value = item.partition("=")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value  # a bare word such as adam


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default="ring")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--tfjs", required=True, help="a node_modules folder with @tensorflow/tfjs")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a hyper-parameter of the preset, e.g. g_optimizer=adam")
    parser.add_argument("--name", help="the golden's name (default: the preset's)")
    parser.add_argument("--record", action="store_true", help="write the golden trajectory")
    args = parser.parse_args(argv)
    if shutil.which("node") is None:
        parser.error("node (Node.js) is not on the PATH")
    if not Path(args.tfjs, "@tensorflow", "tfjs").is_dir():
        parser.error(f"--tfjs {args.tfjs!r} holds no @tensorflow/tfjs (npm install @tensorflow/tfjs)")
    overrides = dict(_override(item) for item in args.set)
    try:
        config = make_config(args.preset, seed=args.seed, steps=args.steps, **overrides)
    except ValueError as error:
        parser.error(str(error))
    weights_after = sorted({1, 10, 50, 100, 200, args.steps} & set(range(1, args.steps + 1)))
    theirs = run_tfjs(tfjs_input(config, args.steps, weights_after), args.tfjs)
    ours = run_here(config, args.steps, weights_after)
    for step in weights_after:
        d = np.abs(np.subtract(ours["d_loss"][:step], theirs["d_loss"][:step])).max()
        g = np.abs(np.subtract(ours["g_loss"][:step], theirs["g_loss"][:step])).max()
        print(f"after {step:4d} steps: weights differ by <= {weight_deviation(ours, theirs, step):.2e}, "
              f"losses so far by <= {d:.2e} (D), {g:.2e} (G)")
    if args.record:
        path = golden_path(args.name or args.preset, args.seed)
        theirs.update(config=config.to_dict(), weights_after=weights_after,
                      node=subprocess.run(["node", "--version"], capture_output=True,
                                          text=True).stdout.strip())
        path.write_text(json.dumps(theirs, separators=(",", ":")) + "\n")
        print(f"recorded {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
