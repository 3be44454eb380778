"""Make resources/icons: the icons the kiosk draws, from Lucide (ISC licence), one open set
for every screen, taken from its pinned npm package.

    .venv/bin/python scripts/make_icons.py      (needs npm; run again to change the pin or ICONS)

The files are copied as the set ships them (24 x 24, stroked in ``currentColor``, which
kiosk/ui/icons.py replaces with the colour of the control) and committed, so neither the kiosk
nor its tests need npm.
"""

from __future__ import annotations

import sys
from pathlib import Path

from npm_package import unpacked, write_source

from kiosk.ui.icons import Icon

PACKAGE = "lucide-static@1.62.0"
INTEGRITY = (  # npm's dist.integrity for that version
    "sha512-WBZA/m2PvkFpMGHDtsBck5P2A9G4ehLlYu4GwwICcmEm1BvYVgj00lCDxKRWLlbMlOibLaiwdQ88G5pHkSWgwA=="
)
ICONS = [icon.value for icon in Icon]  # every icon the kiosk uses
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    with unpacked(PACKAGE, INTEGRITY) as package:
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("*.svg"):
            old.unlink()
        for name in ICONS:
            (OUT / f"{name}.svg").write_bytes((package / "icons" / f"{name}.svg").read_bytes())
            print(OUT / f"{name}.svg")
        (OUT / "LICENSE.txt").write_bytes((package / "LICENSE").read_bytes())
    made = "the files in its icons/ folder, unchanged.\nLicence: ISC (LICENSE.txt)."
    write_source(OUT, "make_icons.py", PACKAGE, INTEGRITY, made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
