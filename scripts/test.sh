#!/usr/bin/env bash
# Set up (first time) and run the whole test suite headless, on every core (pytest-xdist; the
# slowest tests are shared out as workers free up). Extra arguments go to pytest ("-n 0": one
# process, e.g. to debug with -x or --pdb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -n auto --dist worksteal "$@"
