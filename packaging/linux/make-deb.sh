#!/usr/bin/env bash
# A Debian package of one clinic's built kiosk, for Debian 12 and 13:
#   bash packaging/linux/make-deb.sh BUNDLE_DIR PROFILE_DIR VERSION OUT_DIR
# BUNDLE_DIR is the PyInstaller folder (gut-health-kiosk/), PROFILE_DIR the clinic's profile,
# whose files become the package's conffiles in /etc/gut-health-kiosk (staff edits are kept
# on upgrade; dpkg asks before replacing an edited one). Prints the .deb's path.
set -euo pipefail
bundle=${1:?bundle folder}
profile=${2:?clinic profile folder}
version=${3:?version}
out=${4:?output folder}
here=$(cd "$(dirname "$0")" && pwd)
clinic=$(basename "$profile")
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/lib/systemd/system" \
  "$stage/etc/gut-health-kiosk" "$stage/usr/share/doc/gut-health-kiosk"
cp -a "$bundle" "$stage/opt/gut-health-kiosk"
cp -a "$profile/." "$stage/etc/gut-health-kiosk/"
# Editor support where staff edit: the schemas beside the settings, and the settings' first
# line pointing at them (as in a `kiosk init` folder), not at the build machine's copy.
install -d "$stage/etc/gut-health-kiosk/schema"
install -m 0644 "$bundle"/_internal/resources/schema/*.schema.json "$stage/etc/gut-health-kiosk/schema/"
# shellcheck disable=SC2016 # a literal $schema, not a variable
sed -i '1s|^# yaml-language-server: \$schema=.*$|# yaml-language-server: $schema=schema/settings.schema.json|' \
  "$stage/etc/gut-health-kiosk/settings.yaml"
install -m 0644 "$here/gut-health-kiosk.service" "$here/gut-health-kiosk-stopped.service" \
  "$stage/usr/lib/systemd/system/"
install -m 0755 "$here/kiosk" "$stage/usr/bin/kiosk"
# Shared libraries need no execute bit (lintian: shared-library-is-executable).
find "$stage/opt" -type f -name '*.so*' -exec chmod 0644 {} +
install -d "$stage/usr/share/man/man1" "$stage/usr/share/lintian/overrides"
gzip -9n <"$here/kiosk.1" >"$stage/usr/share/man/man1/kiosk.1.gz"
install -m 0644 "$here/deb/lintian-overrides" "$stage/usr/share/lintian/overrides/gut-health-kiosk"
cat >"$stage/usr/share/doc/gut-health-kiosk/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: gut-health-kiosk

Files: *
Copyright: 2026 Gut-health kiosk team
License: proprietary
 All rights reserved. Third-party parts in /opt/gut-health-kiosk keep their own licences.
COPYRIGHT
printf 'gut-health-kiosk (%s) stable; urgency=medium\n\n  * Clinic profile: %s.\n\n -- Gut-health kiosk team <kiosk@example.org>  %s\n' \
  "$version" "$clinic" "$(date -R -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" |
  gzip -9n >"$stage/usr/share/doc/gut-health-kiosk/changelog.gz"
(cd "$stage" && find etc -type f | sed 's|^|/|' | sort) >"$stage/DEBIAN/conffiles"
install -m 0755 "$here/deb/postinst" "$here/deb/prerm" "$here/deb/postrm" "$stage/DEBIAN/"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: gut-health-kiosk
Version: $version
Architecture: $arch
Maintainer: Gut-health kiosk team <kiosk@example.org>
Installed-Size: $size
Depends: libc6 (>= 2.36), cage, xwayland, libpam-systemd, libgl1, libegl1, libfontconfig1, libfreetype6, libglib2.0-0t64 | libglib2.0-0, libdbus-1-3, libxkbcommon0, libwayland-client0, libwayland-cursor0, libwayland-egl1, libpulse0, fonts-dejavu-core, passwd, systemd
Recommends: speech-dispatcher, speech-dispatcher-espeak-ng, pipewire-pulse, wireplumber, dbus-user-session, pulseaudio-utils
Section: misc
Priority: optional
Description: touchscreen patient-education kiosk about gut health ($clinic)
 A fullscreen kiosk for clinic waiting rooms: plain-language pages about gut
 health and a self-reflection symptom checklist that clears itself. Runs in
 the cage compositor on tty1 as the kiosk user, started by systemd.
CONTROL
mkdir -p "$out"
deb="$out/gut-health-kiosk-${clinic}_${version}_$arch.deb"
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
echo "$deb"
