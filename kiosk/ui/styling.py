"""Applies the theme, text size and touch-target size to a window's screens.

A change dresses the screen shown and the window's overlays at once (fonts and palettes, see
``look``); every other screen is dressed when it is next shown, so a change costs one screen,
never all of them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.core.config import Settings, Theme
from kiosk.core.session import Session
from kiosk.ui.look import Look, adopt, dress, use
from kiosk.ui.theme import Palette, TypeScale, button_px, target_px


@functools.lru_cache(maxsize=8)
def _palette(theme: Theme) -> Palette:
    return Palette.from_theme(theme)  # a few ms of contrast searches: once per theme


class Styler:
    """The look of one window whose screens sit in ``stack``."""

    def __init__(self, window: QWidget, stack: QStackedWidget):
        self.window, self.stack = window, stack
        self.look = Look()

    @property
    def background(self) -> QColor:
        return QColor(self.look.palette.background)

    def update(self, settings: Settings, session: Session) -> bool:
        """Work out the look for the clinic's settings and the patient's choices and give it
        to what is shown (new screens and overlays included). True if the look changed."""
        changed = self.prepare(settings, session)
        for widget in self._shown():
            dress(widget, self.look)
        return changed

    def prepare(self, settings: Settings, session: Session) -> bool:
        """Work out the look, for widgets made from now on. True if it changed."""
        contrast = session.high_contrast
        palette = Palette.high_contrast() if contrast else _palette(settings.theme)
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        size = screen.size()  # the physical screen decides millimetres, not the window
        button = button_px(target_px(size.width(), size.height(), settings.display.diagonal_inches))
        look = Look(palette, TypeScale().scaled(session.text_scale), button)
        changed = look != self.look
        if changed:
            self.look = look
            self.window.update()  # its background
        use(look)
        return changed

    def style(self, widget: QWidget) -> None:
        """Dress ``widget`` (a screen about to be shown) in the current look."""
        dress(widget, self.look)

    def adopt(self, widget: QWidget) -> None:
        """``widget``, a screen just made, wears the current look already."""
        if widget.property("look") is None:
            adopt(widget, self.look)

    def _shown(self) -> Iterator[QWidget]:
        """The screen on show and the window's other children (its overlays)."""
        current = self.stack.currentWidget()
        if current is not None:
            yield current
        for child in self.window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child is not self.stack:
                yield child
