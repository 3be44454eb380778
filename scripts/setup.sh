#!/usr/bin/env bash
# Set up everything the kiosk needs on a Debian/Ubuntu machine with Python 3.11+:
# the Debian libraries Qt loads, then a virtual environment in .venv with the pinned packages.
#   scripts/setup.sh run    libraries for a real window + the app
#   scripts/setup.sh test   headless libraries + the app, test and dev tools
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-run}

# Measured on a minimal Debian 12: what Qt needs offscreen (libpulse0: QtTextToSpeech links it),
# and what a real X11 window adds.
offscreen_pkgs="libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 libxkbcommon0 fonts-dejavu-core libpulse0"
window_pkgs="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0"
wanted="$offscreen_pkgs"
[ "$profile" = run ] && wanted="$wanted $window_pkgs"
# The privacy test traces every byte the kiosk writes; the packaging tests verify the
# systemd unit, which names cage.
[ "$profile" = test ] && wanted="$wanted strace systemd cage"

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed as '$python' (set PYTHON=/path/to/python3.11)." >&2
  exit 1
fi
"$python" -c 'import ensurepip, venv' 2>/dev/null || wanted="$wanted python3-venv"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing Debian packages:$missing"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
      echo "setup: these Debian packages are missing; install them, then run this again:" >&2
      echo "  sudo apt-get install -y$missing" >&2
      exit 1
    fi
  fi
else
  echo "setup: not a Debian system; make sure these libraries (or equivalents) exist: $wanted" >&2
fi

extras=""
[ "$profile" = test ] && extras="[test,dev,packaging]"
stamp=".venv/.installed-$profile"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  touch "$stamp"
fi
