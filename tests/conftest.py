"""Shared test setup: headless Qt, the bundled kiosk, and a finger that sends real touch events."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Usage counts and logs of test kiosks go to a throwaway folder, never the user's data folder.
os.environ["KIOSK_DATA_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-data-")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import create_kiosk
from kiosk.core.config import MAX_STAFF_SECONDS, MIN_IDLE_SECONDS
from kiosk.core.paths import default_content_dir, default_settings_path
from kiosk.ui.window import KioskWindow

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = default_content_dir()
SETTINGS = default_settings_path()
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)


class Finger:
    """Touches the screen the way a patient does: QTest touch sequences on the window."""

    _device: QPointingDevice | None = None

    def __init__(self) -> None:
        if Finger._device is None:
            Finger._device = QTest.createTouchDevice()
        self.device = Finger._device

    def _at(self, widget: QWidget, point: QPoint | None) -> tuple[QWidget, QPoint]:
        window = widget.window()
        local = point if point is not None else widget.rect().center()
        return window, widget.mapTo(window, local)

    def tap(self, widget: QWidget, point: QPoint | None = None) -> None:
        assert widget.isVisible(), f"{widget.objectName() or widget} is not on screen"
        window, at = self._at(widget, point)
        hit = window.childAt(at)
        assert hit is widget or widget.isAncestorOf(hit), f"{widget} is covered or scrolled away"
        QTest.touchEvent(window, self.device).press(0, at, window).commit()
        QTest.touchEvent(window, self.device).release(0, at, window).commit()
        QApplication.processEvents()

    def swipe(self, widget: QWidget, dy: int, steps: int = 12) -> None:
        """Drag from the middle of ``widget`` by ``dy`` pixels (negative = finger moves up)."""
        window, start = self._at(widget, None)
        QTest.touchEvent(window, self.device).press(0, start, window).commit()
        for step in range(1, steps + 1):
            QTest.qWait(10)
            moved = start + QPoint(0, round(dy * step / steps))
            QTest.touchEvent(window, self.device).move(0, moved, window).commit()
        QTest.touchEvent(window, self.device).release(0, start + QPoint(0, dy), window).commit()

    def mouse_drag(self, widget: QWidget, dy: int, steps: int = 12) -> None:
        """The same drag as ``swipe`` from a panel that reports itself as a mouse: left-button
        events through the window's QWindow, as the window system delivers them."""
        window, start = self._at(widget, None)
        handle = window.windowHandle()
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(handle, left, none, start)
        for step in range(1, steps + 1):
            QTest.qWait(10)
            QTest.mouseMove(handle, start + QPoint(0, round(dy * step / steps)))
        QTest.mouseRelease(handle, left, none, start + QPoint(0, dy))

    def mouse_tap(self, widget: QWidget) -> None:
        """A tap from a panel that reports itself as a mouse."""
        assert widget.isVisible(), f"{widget} is not on screen"
        window, at = self._at(widget, None)
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(window.windowHandle(), left, none, at)
        QApplication.processEvents()

    def tap_row(self, area: QScrollArea, widget: QWidget) -> None:
        """Scroll ``widget`` into view inside ``area`` (as a patient would), then tap it."""
        area.ensureWidgetVisible(widget, 0, 120)
        QApplication.processEvents()
        self.tap(widget)

    def fill_checklist(self, kiosk: KioskWindow, rows: list[int]) -> None:
        """From the attract screen: open the checklist, tick ``rows`` (positions), see the list."""
        self.tap(kiosk.attract)
        self.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
        all_rows = list(kiosk.checklist.rows.values())
        for index in rows:
            self.tap_row(kiosk.checklist.scroll_area, all_rows[index])
        self.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Free the windows pytest-qt closed, so their app-wide event filters go with them."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def finger(qtbot: QtBot) -> Finger:
    return Finger()


def open_kiosk(qtbot: QtBot, size: tuple[int, int] = LANDSCAPE, **kwargs: object) -> KioskWindow:
    """create_kiosk(**kwargs), shown at ``size``; a QuickIdle config_path brings its scale."""
    window = create_kiosk(**kiosk_options(**kwargs))
    # The kiosk refuses to close for patients; at teardown the test is staff.
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "allow_close", True))
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def kiosk(qtbot: QtBot) -> Iterator[KioskWindow]:
    yield open_kiosk(qtbot)


@dataclass(frozen=True)
class QuickIdle:
    """Valid settings (idle timers at 20 s and more) and the time scale that makes them
    last only as long as a test wants (kiosk/core/timing.py)."""

    path: Path
    scale: float

    @property
    def env(self) -> dict[str, str]:
        """For a kiosk started as its own process."""
        return {"KIOSK_TIME_SCALE": repr(self.scale)}


def short_idle_settings(folder: Path, timeout: float = 0.2, warning: float = 0.4) -> QuickIdle:
    """Settings whose idle timeout and warning last ``timeout`` and ``warning`` seconds in
    a kiosk run at their scale; staff mode's timeout as long as allowed."""
    scale = min(timeout, warning) / MIN_IDLE_SECONDS
    path = folder / "settings.yaml"
    path.write_text(
        f"clinic:\n  name: Test Clinic\n  contact: Ask at desk 3.\n"
        f"idle:\n  timeout_seconds: {timeout / scale!r}\n  warning_seconds: {warning / scale!r}\n"
        f"staff:\n  timeout_seconds: {MAX_STAFF_SECONDS}\n",
        encoding="utf-8",
    )
    return QuickIdle(path, scale)


def kiosk_options(**kwargs: Any) -> dict[str, Any]:
    """create_kiosk's arguments, with a QuickIdle ``config_path`` as its path and scale."""
    idle = kwargs.get("config_path")
    if isinstance(idle, QuickIdle):
        kwargs.update(config_path=idle.path, time_scale=idle.scale)
    return kwargs


@pytest.fixture
def quick_kiosk(qtbot: QtBot, tmp_path: Path) -> KioskWindow:
    """The bundled kiosk with idle timers of a fraction of a second."""
    return open_kiosk(qtbot, config_path=short_idle_settings(tmp_path))
