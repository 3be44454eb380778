"""Build the kiosk window from content and settings, without showing it or running the loop.

This is where the parts meet: the window, hot reload, lockdown, staff mode and usage counts.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication

from kiosk.core.config import Settings
from kiosk.core.content.model import ContentPack
from kiosk.core.content.problems import ContentError
from kiosk.core.paths import default_content_dir, default_settings_path
from kiosk.core.sources import Loaded, load_all
from kiosk.core.stats import UsageStats
from kiosk.core.timing import time_scale_from_env
from kiosk.core.usage import UsageRecorder
from kiosk.runtime.lockdown import KioskGuard
from kiosk.runtime.reload import ContentReloader
from kiosk.ui import typeface
from kiosk.ui.staff_mode import StaffMode
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
Build = Callable[[ContentPack, Settings, Path | None], KioskWindow]

APP_NAME = "gut-health-kiosk"


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication (created on first use), set up for touch."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or ["kiosk"])
    app.setApplicationName(APP_NAME)
    typeface.register()
    # Two quick taps are two taps: a "double click" would swallow the second one.
    app.styleHints().setMouseDoubleClickInterval(0)
    return app


def data_folder() -> Path:
    """Where logs and usage counts go: ``$KIOSK_DATA_DIR`` or the platform's app data folder."""
    if override := os.environ.get("KIOSK_DATA_DIR"):
        return Path(override)
    QCoreApplication.setApplicationName(APP_NAME)  # the same folder for the kiosk and its CLI
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def _offer(window: KioskWindow, loaded: Loaded) -> None:
    window.offer_content(loaded.pack, loaded.settings, loaded.logo)


def _count_usage(window: KioskWindow, stats: UsageStats) -> None:
    recorder = UsageRecorder(stats)
    # partial, not bound methods: PySide holds bound methods of plain objects only weakly.
    window.page_shown.connect(partial(UsageRecorder.screen_shown, recorder))
    window.session_ended.connect(partial(UsageRecorder.session_ended, recorder))


def _bundled(config: Path | None) -> Iterator[Loaded]:
    """What to show when the clinic's files cannot be: the bundled pack with the clinic's
    settings if they load, then everything bundled."""
    with contextlib.suppress(ContentError):
        yield load_all(config, default_content_dir())
    yield load_all(default_settings_path(), default_content_dir())


def _first_window(candidates: Iterable[Loaded], build: Build) -> tuple[KioskWindow, Loaded]:
    """A window for the first of ``candidates`` whose screens can be built."""
    for loaded in candidates:
        try:
            return build(loaded.pack, loaded.settings, loaded.logo), loaded
        except RuntimeError:  # content that validates but cannot be shown: logged, a defect
            log.error("cannot show the content in %s; trying the bundled", loaded.content_dir)
    raise RuntimeError("no content could be shown (see the log)")


def _show_next(window: KioskWindow, fallbacks: Iterator[Loaded]) -> None:
    """The screens after the welcome screen could not be built: offer the next fallback."""
    loaded = next(fallbacks, None)
    if loaded is not None:
        log.error("cannot show these screens; showing the bundled content instead")
        _offer(window, loaded)


def create_kiosk(
    content_dir: Path | str | None = None,
    config_path: Path | str | None = None,
    *,
    watch: bool = True,
    count_usage: bool = True,
    data_dir: Path | None = None,
    fallback: bool = False,
    welcome_first: bool = False,
    time_scale: float | None = None,
) -> KioskWindow:
    """Load content and settings and build the top-level window (hidden), locked down.

    With ``watch``, edits to the content or settings files are reloaded while it runs; with
    ``count_usage``, screens opened are counted (anonymously) in the data folder.
    Raises ContentError, listing every problem, when the content or settings are wrong; with
    ``fallback`` and ``watch`` it logs them instead and starts on the bundled content, then
    switches to the clinic's files as soon as they are fixed. ``welcome_first`` builds the
    other screens just after the welcome screen first paints (a faster start).
    ``time_scale`` speeds up the settings' timers (default: $KIOSK_TIME_SCALE, see
    kiosk/core/timing.py).
    """
    app = application()
    config = Path(config_path) if config_path else None
    load = partial(load_all, config, Path(content_dir) if content_dir else None)
    refused: ContentError | None = None
    fallbacks = _bundled(config) if fallback and watch else iter(())
    try:
        loaded = load()
    except ContentError as error:
        if not (fallback and watch):
            raise
        log.error("cannot use these files; showing the bundled content until fixed:\n%s", error)
        refused, loaded = error, next(fallbacks)
    for warning in loaded.warnings:
        log.warning("%s", warning)
    scale = time_scale_from_env() if time_scale is None else time_scale
    build = partial(KioskWindow, welcome_first=welcome_first, time_scale=scale)
    window, loaded = _first_window(itertools.chain([loaded], fallbacks), build)
    if watch:
        window.reloader = ContentReloader(load, loaded, window, refused=refused)
        window.reloader.content_reloaded.connect(partial(_offer, window))
    window.build_failed.connect(partial(_show_next, window, fallbacks))
    folder = data_dir or data_folder()
    stats = UsageStats(folder / "usage.sqlite3") if count_usage else None
    if stats is not None:
        window.destroyed.connect(stats.close)
        _count_usage(window, stats)
    guard = KioskGuard(window)
    app.installEventFilter(guard)
    StaffMode(window, guard, stats, folder)
    return window
