"""Build the kiosk window from content and settings, without showing it or running the loop."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.config import load_settings
from kiosk.content.loader import load_pack
from kiosk.paths import default_content_dir, default_settings_path
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication (created on first use), set up for touch."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or ["kiosk"])
    # Two quick taps are two taps: a "double click" would swallow the second one.
    app.styleHints().setMouseDoubleClickInterval(0)
    return app


def create_kiosk(
    content_dir: Path | str | None = None, config_path: Path | str | None = None
) -> KioskWindow:
    """Load content and settings and build the top-level window (hidden).

    Raises ContentError, listing every problem, when the content or settings are wrong.
    """
    application()
    loaded = load_settings(Path(config_path) if config_path else default_settings_path())
    for warning in loaded.warnings:
        log.warning("%s", warning)
    pack = load_pack(Path(content_dir) if content_dir else default_content_dir())
    return KioskWindow(pack, loaded.settings)
