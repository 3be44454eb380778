"""Build the kiosk window from content and settings, without showing it or running the loop."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.reload import ContentReloader
from kiosk.sources import Loaded, load_all
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


def _offer(window: KioskWindow, loaded: Loaded) -> None:
    window.offer_content(loaded.pack, loaded.settings, loaded.logo)


def create_kiosk(
    content_dir: Path | str | None = None,
    config_path: Path | str | None = None,
    *,
    watch: bool = True,
) -> KioskWindow:
    """Load content and settings and build the top-level window (hidden).

    With ``watch``, edits to the content or settings files are reloaded while it runs.
    Raises ContentError, listing every problem, when the content or settings are wrong.
    """
    application()
    load = partial(
        load_all,
        Path(config_path) if config_path else None,
        Path(content_dir) if content_dir else None,
    )
    loaded = load()
    for warning in loaded.warnings:
        log.warning("%s", warning)
    window = KioskWindow(loaded.pack, loaded.settings, loaded.logo)
    if watch:
        window.reloader = ContentReloader(load, loaded, window)
        window.reloader.content_reloaded.connect(partial(_offer, window))
    return window
