"""The kiosk's typeface: Atkinson Hyperlegible, made for readers with low vision (bundled in
resources/fonts, SIL Open Font License), given to Qt once at start. Where it has no glyph (a
tick, a warning sign) or could not be loaded, the next family in ``FAMILIES`` is used."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from kiosk.core.paths import resources_dir

log = logging.getLogger(__name__)

FAMILY = "Atkinson Hyperlegible"
FAMILIES = [FAMILY, "DejaVu Sans", "Noto Sans", "sans-serif"]
_loaded: list[str] = []


def register() -> list[str]:
    """Give Qt the bundled font files (once); the families they hold."""
    if not _loaded:
        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load the font %s; text uses a fallback", path)
                continue
            _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(_loaded))
