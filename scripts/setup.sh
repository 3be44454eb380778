#!/usr/bin/env bash
# Set up everything the kiosk needs on a Debian/Ubuntu machine with Python 3.11+:
# what Qt loads from the system (scripts/system_deps.py), then a virtual environment in .venv
# with the pinned packages. A second run does no apt and no pip work.
#   scripts/setup.sh run    a real window + the app
#   scripts/setup.sh test   headless + the app, test, packaging and dev tools
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-run}

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed as '$python' (set PYTHON=/path/to/python3.11)." >&2
  exit 1
fi
"$python" scripts/system_deps.py "$profile"

# A venv set up for the tests (which include what the kiosk runs with) stays one.
extras=""
stamp=.venv/.installed-run
if [ "$profile" = test ] || [ -f .venv/.installed-test ]; then
  extras="[test,dev,packaging]"
  stamp=.venv/.installed-test
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv and installing the pinned packages (first time only)"
  "$python" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-input -e ".$extras"
  touch "$stamp"
fi
