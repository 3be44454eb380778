#!/usr/bin/env bash
# Install a built kiosk bundle on a Debian/Ubuntu machine as its only screen.
#   sudo packaging/linux/install.sh dist/gut-health-kiosk-<clinic>-<version>.tar.gz
#   sudo packaging/linux/install.sh --uninstall
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "install: run as root (sudo)" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
prefix=/opt/gut-health-kiosk
unit=/etc/systemd/system/gut-health-kiosk.service
stopped=/etc/systemd/system/gut-health-kiosk-stopped.service
command=/usr/local/bin/kiosk

if [ "${1:-}" = "--uninstall" ]; then
  systemctl disable --now gut-health-kiosk.service 2>/dev/null || true
  rm -f "$unit" "$stopped" "$command"
  systemctl daemon-reload
  systemctl enable getty@tty1.service 2>/dev/null || true
  rm -rf "$prefix"
  echo "Removed the kiosk. Settings in /etc/gut-health-kiosk and the kiosk user were kept;"
  echo "remove them with: rm -rf /etc/gut-health-kiosk && userdel -r kiosk"
  exit 0
fi

bundle="${1:?usage: install.sh BUNDLE.tar.gz | --uninstall}"
# What the bundle needs on a minimal system (measured on Debian 12), plus the compositor.
# Debian 12's cage 0.1.4 will not start without Xwayland and does not depend on it.
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  cage xwayland libpam-systemd libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
  libwayland-client0 libwayland-cursor0 libwayland-egl1 libpulse0 fonts-dejavu-core >/dev/null

id kiosk >/dev/null 2>&1 || useradd --system --create-home --shell /usr/sbin/nologin \
  --groups video,input,render,audio kiosk
rm -rf "$prefix" && mkdir -p "$prefix"
tar -xzf "$bundle" -C "$prefix" --strip-components=1
mkdir -p /etc/gut-health-kiosk
if [ ! -f /etc/gut-health-kiosk/settings.yaml ]; then
  cp -r "$prefix"/_internal/clinic/. /etc/gut-health-kiosk/
fi
chown -R root:kiosk /etc/gut-health-kiosk && chmod -R g+rX,o-rwx /etc/gut-health-kiosk
# `kiosk validate`, `kiosk stats` ... for staff: the same files and data folder as the service.
install -m 0755 "$here/kiosk" "$command"
install -m 0644 "$here/gut-health-kiosk.service" "$unit"
install -m 0644 "$here/gut-health-kiosk-stopped.service" "$stopped"
systemctl daemon-reload
# An upgrade: the running kiosk still maps the old files; start the new one now.
systemctl try-restart gut-health-kiosk.service 2>/dev/null || true
systemctl disable getty@tty1.service 2>/dev/null || true
systemctl enable gut-health-kiosk.service
echo "Installed. Start now with: systemctl start gut-health-kiosk (or reboot)."
