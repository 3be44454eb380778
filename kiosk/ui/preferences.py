"""A patient's preferences on every screen: the compact control in each screen's top bar
("Aa" and the other language), the sheet "Aa" opens (text size, contrast, read aloud,
language), their choices applied and every control kept in step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.core.session import ATTRACT, HOME
from kiosk.ui.access_bar import AccessBar, AccessSheet
from kiosk.ui.read_aloud import screen_text

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


class Preferences(QObject):
    """The access controls of ``window``'s screens, its sheet, and what their buttons do.

    A QObject: PySide keeps a weak reference for each connection to a plain object's method,
    one more for every bar of every rebuild (each language switch).
    """

    def __init__(self, window: KioskWindow, restyle: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.restyle = restyle  # applies the session's text size and contrast
        self.bars: list[AccessBar] = []
        self.sheet: AccessSheet | None = None  # made with the first bar, hidden till opened

    def add_bar(self, screen: QWidget) -> None:
        """Put the compact control in ``screen``'s top bar (its ``access_slot``)."""
        bar = AccessBar(self.window.language.strings, self._offered_languages())
        bar.sheet_requested.connect(self.open_sheet)
        bar.language_chosen.connect(self.window.set_language)
        bar.language_chosen.connect(self._start_if_waiting)
        slot = getattr(screen, "access_slot", None)
        if callable(slot):
            slot(bar)
        elif (layout := screen.layout()) is not None:
            layout.addWidget(bar)
        self.bars.append(bar)
        self._make_sheet()

    def drop_bars_of(self, screen: QWidget) -> None:
        """Forget the bar of ``screen``, which is being deleted."""
        self.bars = [bar for bar in self.bars if not screen.isAncestorOf(bar)]

    def open_sheet(self) -> None:
        """Show the sheet over the screen (from the welcome screen: a patient is here)."""
        self._start_if_waiting()
        sheet = self._make_sheet()
        self.window.styler.style(sheet)
        self.sync()
        sheet.cover()

    def _make_sheet(self) -> AccessSheet:
        """The sheet, made again only when the clinic offers other languages."""
        languages = self._offered_languages()
        if self.sheet is None or list(self.sheet.languages) != [code for code, _ in languages]:
            if self.sheet is not None:
                self.sheet.deleteLater()
            self.sheet = AccessSheet(self.window.language.strings, languages, self.window)
            self.sheet.text_scale_chosen.connect(self.set_text_scale)
            self.sheet.contrast_toggled.connect(self.set_high_contrast)
            self.sheet.read_aloud_toggled.connect(self.read_aloud)
            self.sheet.touch_to_hear_toggled.connect(self.touch_to_hear)
            self.sheet.language_chosen.connect(self.window.set_language)
        return self.sheet

    def close_sheet(self) -> None:
        if self.sheet is not None:
            self.sheet.hide()

    def sync(self) -> None:
        """Show the session's choices on every control."""
        window = self.window
        session, speech = window.session, window.read_aloud
        for bar in self.bars:
            bar.show_state(window.language.code)
        if self.sheet is not None:
            self.sheet.set_strings(window.language.strings)
            can_speak = window.settings.features.read_aloud and speech.available
            self.sheet.read_aloud.setVisible(can_speak)
            self.sheet.touch_to_hear.setVisible(can_speak)
            self.sheet.headphones_hint.setVisible(can_speak and speech.headphones_only)
            self.sheet.show_state(
                session.text_scale,
                session.high_contrast,
                speech.speaking and not window.talking_touch.active,
                window.talking_touch.active,
                window.language.code,
            )

    def set_text_scale(self, scale: float) -> None:
        self.window.session.text_scale = scale
        self.restyle()

    def set_high_contrast(self, on: bool) -> None:
        self.window.session.high_contrast = on
        self.restyle()

    def read_aloud(self, on: bool) -> None:
        """Start or stop reading the screen; the sheet gives way to the page being read."""
        window = self.window
        self.close_sheet()
        if on:
            window.read_aloud.read(screen_text(window.stack.currentWidget()), window.language.code)
        else:
            window.read_aloud.stop()
        self.sync()

    def touch_to_hear(self, on: bool) -> None:
        """Turn the talking touchscreen on (it says how it works) or off."""
        window = self.window
        self.close_sheet()
        if on:
            window.talking_touch.start()
        else:
            window.talking_touch.reset()
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
