"""Keeps a window on its screen: fills it in kiosk mode (even where no window manager honours
a fullscreen request) and follows it when it turns, changes size or is swapped for another;
each change is reported, since the screen's size sets the touch targets."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QWidget


class ScreenFollower(QObject):
    def __init__(self, window: QWidget, changed: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.changed = changed
        self.covers = False  # fills its screen (kiosk mode), following it if it turns
        self._handle: QWindow | None = None  # the native window, whose screen is followed
        self._screen: QScreen | None = None

    def shown(self) -> None:
        """Call from the window's showEvent: its native window may be new."""
        handle = self.window.windowHandle()
        if handle is not None and handle is not self._handle:
            self._handle = handle
            handle.screenChanged.connect(self._screen_changed)
            self._screen_changed(handle.screen())
        else:
            self.changed()  # now on its real screen, which may need bigger targets

    def cover(self) -> None:
        """Fill the primary screen, and keep filling the window's screen from now on."""
        self.covers = True
        self.window.setGeometry(QGuiApplication.primaryScreen().geometry())
        self.window.showFullScreen()

    def _screen_changed(self, screen: QScreen | None) -> None:
        old, self._screen = self._screen, screen
        if old is not None:
            with contextlib.suppress(RuntimeError):  # the old screen may be unplugged and gone
                old.geometryChanged.disconnect(self._resized)
        if screen is not None:
            screen.geometryChanged.connect(self._resized)
            self._resized(screen.geometry())
        else:
            self.changed()

    def _resized(self, geometry: QRect) -> None:
        if self.covers:
            self.window.setGeometry(geometry)
        self.changed()
