"""Make docs/screens: the screens gallery shown in the README, from the bundled content and
settings. Run it after any change patients can see; tests/e2e/test_gallery.py fails while the
pictures are stale.

    .venv/bin/python scripts/make_screens.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screens"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import create_kiosk  # noqa: PLC0415 - after the platform is chosen
    from kiosk.core.paths import resources_dir  # noqa: PLC0415
    from kiosk.ui.preview import gallery  # noqa: PLC0415

    resources = resources_dir()
    window = create_kiosk(
        resources / "content", resources / "settings.yaml", watch=False, count_usage=False
    )
    OUT.mkdir(parents=True, exist_ok=True)
    for name, image in gallery(window):
        if not image.save(str(OUT / name), "PNG", 0):  # 0: the smallest file
            raise OSError(f"could not write {OUT / name}")
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
