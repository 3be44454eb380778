#!/usr/bin/env bash
# Build one clinic's kiosk bundle: validate its profile, PyInstaller one-folder build, tarball,
# then start the bundle offscreen as a smoke test.
#   bash packaging/build.sh [CLINIC]        (default: example; profiles in packaging/clinics/)
# Output: dist/gut-health-kiosk-CLINIC-VERSION.tar.gz and dist/gut-health-kiosk-CLINIC_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
clinic=${1:-example}
profile="packaging/clinics/$clinic"
[ -f "$profile/settings.yaml" ] || { echo "build: no $profile/settings.yaml" >&2; exit 1; }

bash scripts/setup.sh test
.venv/bin/kiosk validate --config "$profile/settings.yaml"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Reproducible: the same commit builds the same files (times from the commit, fixed hashing).
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH PYTHONHASHSEED=0
KIOSK_CLINIC_DIR="$PWD/$profile" .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" packaging/kiosk.spec
mkdir -p dist
version=$(.venv/bin/python -c 'import kiosk; print(kiosk.__version__)')
bundle="dist/gut-health-kiosk-$clinic-$version.tar.gz"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
  -C "$work/dist" -cf - gut-health-kiosk | gzip -9n >"$bundle"

# Smoke test: the built bundle starts, reads its clinic profile, paints the first screen.
QT_QPA_PLATFORM=offscreen KIOSK_DATA_DIR="$work/data" \
  "$work/dist/gut-health-kiosk/gut-health-kiosk" run --self-test
bash packaging/linux/make-deb.sh "$work/dist/gut-health-kiosk" "$profile" "$version" dist
echo "$bundle"
