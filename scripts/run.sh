#!/usr/bin/env bash
# Set up (first time) and start the kiosk with the bundled content, fullscreen.
# Extra arguments go to the kiosk, e.g. --windowed, --content DIR, --config FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run: no display found (DISPLAY/WAYLAND_DISPLAY unset); start it from a desktop session," >&2
  echo "     or see docs for running under cage. To render screens without one: .venv/bin/kiosk preview --out DIR" >&2
  exit 1
fi
exec .venv/bin/kiosk run "$@"
