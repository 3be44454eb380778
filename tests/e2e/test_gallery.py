"""The screens gallery (docs/screens, shown in the README) shows the kiosk as it is: each
picture is made again from the bundled content and compared with the one committed.

The comparison forgives what differs between machines (the anti-aliasing of another FreeType,
a fallback font's tick) and catches what a patient would notice: pictures are compared at an
eighth of their size, where edges a pixel apart look alike and a moved button, a changed word
or a new colour still shows.
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, ImageChops
from pytestqt.qtbot import QtBot

from kiosk.app import create_kiosk
from kiosk.core.paths import resources_dir
from kiosk.ui.preview import gallery

REPO = Path(__file__).resolve().parents[2]
GALLERY = REPO / "docs" / "screens"
SCALE = 8  # compared at 1/8 of the size
MOST_DIFFERENT = 0.001  # of the pixels that may differ clearly (a changed word is ~0.2 %)
CLEARLY = 40  # of 255, in any colour channel


def share_different(committed: Image.Image, made: Image.Image) -> float:
    small = [image.convert("RGB").reduce(SCALE) for image in (committed, made)]
    difference = ImageChops.difference(*small)  # per channel
    clear = difference.point(lambda value: 255 if value > CLEARLY else 0)
    marked = ImageChops.lighter(ImageChops.lighter(*clear.split()[:2]), clear.split()[2])
    return marked.histogram()[255] / (marked.width * marked.height)


def test_the_screens_gallery_is_up_to_date(qtbot: QtBot, tmp_path: Path) -> None:
    resources = resources_dir()
    window = create_kiosk(
        resources / "content", resources / "settings.yaml", watch=False, count_usage=False
    )
    qtbot.addWidget(window)
    stale, names = [], []
    for name, image in gallery(window):
        names.append(name)
        made = tmp_path / name
        assert image.save(str(made))
        committed = GALLERY / name
        if not committed.is_file():
            stale.append(f"{name}: not in docs/screens")
            continue
        with Image.open(committed) as old, Image.open(made) as new:
            if old.size != new.size:
                stale.append(f"{name}: {old.size} committed, {new.size} now")
            elif (share := share_different(old, new)) > MOST_DIFFERENT:
                stale.append(f"{name}: {share:.1%} of it differs")
    assert not stale, "docs/screens is stale; run scripts/make_screens.py:\n" + "\n".join(stale)
    assert sorted(path.name for path in GALLERY.glob("*.png")) == sorted(names), "no extra PNGs"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"docs/screens/([\w.-]+\.png)", readme))
    assert shown == set(names), "the README shows every picture of the gallery"


def test_the_comparison_sees_what_a_patient_would(tmp_path: Path) -> None:
    """Forgives edges a pixel apart; catches a few changed words."""
    base = Image.open(GALLERY / "home-1920x1080.png").convert("RGB")
    assert share_different(base, base) == 0
    assert share_different(base, ImageChops.offset(base, 1, 0)) < MOST_DIFFERENT
    assert share_different(base, ImageChops.offset(base, 0, 1)) < MOST_DIFFERENT
    changed = base.copy()
    changed.paste((255, 255, 255), (200, 330, 450, 350))  # a tile title's first words gone
    assert share_different(base, changed) > MOST_DIFFERENT
