#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image; the bundle is
# unpacked in /autograder/source. Pick a base image with Python >= 3.11 (Ubuntu 24.04).
set -euo pipefail
cd "$(dirname "$0")"
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv python3-pip util-linux
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --quiet --disable-pip-version-check \
    --index-url https://download.pytorch.org/whl/cpu "torch==@TORCH_VERSION@"
/autograder/venv/bin/pip install --quiet --disable-pip-version-check -e ".[test]"
