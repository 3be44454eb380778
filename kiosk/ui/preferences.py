"""A patient's preferences on every screen: the access bar at the foot of each screen (text
size, contrast, read aloud, language), its choices applied and the bars kept in step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.core.session import ATTRACT, HOME
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.read_aloud import screen_text

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


class Preferences(QObject):
    """The access bars of ``window``'s screens and what their buttons do.

    A QObject: PySide keeps a weak reference for each connection to a plain object's method,
    one more for every bar of every rebuild (each language switch).
    """

    def __init__(self, window: KioskWindow, restyle: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.restyle = restyle  # applies the session's text size and contrast
        self.bars: list[AccessBar] = []

    def add_bar(self, screen: QWidget) -> None:
        """Put an access bar at the foot of ``screen``."""
        window = self.window
        bar = AccessBar(
            window.language.strings,
            self._offered_languages(),
            read_aloud=window.settings.features.read_aloud and window.read_aloud.available,
        )
        for signal, apply in (
            (bar.text_scale_chosen, self.set_text_scale),
            (bar.contrast_toggled, self.set_high_contrast),
            (bar.language_chosen, window.set_language),
        ):
            signal.connect(apply)
            signal.connect(self._start_if_waiting)
        bar.read_aloud_toggled.connect(self.read_aloud)
        layout = screen.layout()
        if layout is not None:
            layout.addWidget(bar)
        self.bars.append(bar)

    def drop_bars_of(self, screen: QWidget) -> None:
        """Forget the bar of ``screen``, which is being deleted."""
        self.bars = [bar for bar in self.bars if not screen.isAncestorOf(bar)]

    def sync(self) -> None:
        """Show the session's choices on every bar."""
        window = self.window
        session, speech = window.session, window.read_aloud
        for bar in self.bars:
            bar.read_aloud.setVisible(window.settings.features.read_aloud and speech.available)
            bar.show_state(
                session.text_scale, session.high_contrast, speech.speaking, window.language.code
            )

    def set_text_scale(self, scale: float) -> None:
        self.window.session.text_scale = scale
        self.restyle()

    def set_high_contrast(self, on: bool) -> None:
        self.window.session.high_contrast = on
        self.restyle()

    def read_aloud(self, on: bool) -> None:
        window = self.window
        if on:
            window.read_aloud.read(screen_text(window.stack.currentWidget()), window.language.code)
        else:
            window.read_aloud.stop()
        self.sync()

    def _offered_languages(self) -> list[tuple[str, str]]:
        pack, settings = self.window.pack, self.window.settings
        offered = settings.languages.offered or list(pack.languages)
        return [
            (code, pack.languages[code].strings.language_name)
            for code in offered
            if code in pack.languages
        ]

    def _start_if_waiting(self) -> None:
        """A choice made on the welcome screen means a patient is here: start, so the idle
        timer runs and the choice is cleared for the next patient."""
        if self.window.current_screen() == ATTRACT:
            self.window.go(HOME)
