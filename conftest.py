"""The suite's pytest machinery lives in labs.suite (plugin and benchmark mode), shared by every lab."""
import os
from pathlib import Path

# no window ever opens: set before anything imports matplotlib (no import here, it is slow)
os.environ["MPLBACKEND"] = "Agg"

# The course's development and CI machines keep NVIDIA's StyleGAN3 checkout beside the project
# (it is not part of it): the tests use it when no other is named. A clone without it runs
# the same tests, NVIDIA's checks skipping with the reason.
_STYLEGAN3_BESIDE = Path(__file__).resolve().parent.parent / "shared" / "third_party" / "stylegan3"
if _STYLEGAN3_BESIDE.is_dir():
    os.environ.setdefault("LABS_STYLEGAN3_REPO", str(_STYLEGAN3_BESIDE))

pytest_plugins = ["labs.suite.plugin", "labs.suite.benchmarking", "labs.suite.parallel",
                  "labs.suite.devices"]
