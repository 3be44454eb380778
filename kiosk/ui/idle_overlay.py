"""The "Are you still there?" warning that counts down before the kiosk clears itself."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.content.model import Strings
from kiosk.ui.icons import Icon
from kiosk.ui.widgets import TouchButton, WindowOverlay, set_label, text_label

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


class StillThereOverlay(WindowOverlay):
    """Covers the whole window. Emits ``timed_out`` when the countdown reaches zero.

    A touch anywhere (watched app-wide by IdleWatcher) or the big button hides it again.
    """

    timed_out = Signal()
    kept = Signal()
    counted = Signal(int)  # the seconds left, as each is shown

    def __init__(self, strings: Strings, parent: QWidget):
        super().__init__(parent, "StillThereOverlay", card_width=1000)
        self._strings = strings
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self._expire)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_remaining)
        self.title = text_label(strings.still_there_title, "h1")
        self.message = text_label("", "lead")
        self.button = TouchButton(strings.still_here, icon=Icon.STILL_HERE)
        self.button.clicked.connect(self.kept)
        for label in (self.title, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.card_layout.setContentsMargins(56, 40, 56, 40)
        self.card_layout.setSpacing(24)
        for widget in (self.title, self.message, self.button):
            self.card_layout.addWidget(widget)

    def set_strings(self, strings: Strings) -> None:
        self._strings = strings
        self.title.setText(strings.still_there_title)
        set_label(self.button, strings.still_here)

    def start(self, seconds: float) -> None:
        """Show the warning and count down ``seconds``."""
        self._deadline.start(max(1, round(seconds * 1000)))
        self._tick.start()
        self._show_remaining()
        self.cover()

    def dismiss(self) -> None:
        """Stop the countdown now, and hide once the touch that woke the kiosk has landed here.

        Hidden at once, the overlay would let that touch through to the button beneath it.
        """
        self._deadline.stop()
        self._tick.stop()
        QTimer.singleShot(0, self, self._hide_if_stopped)

    def _hide_if_stopped(self) -> None:
        if not self._deadline.isActive():
            self.stop()

    def stop(self) -> None:
        self._deadline.stop()
        self._tick.stop()
        self.message.clear()
        self.hide()

    def seconds_left(self) -> int:
        return math.ceil(max(0, self._deadline.remainingTime()) / 1000)

    def _show_remaining(self) -> None:
        seconds = self.seconds_left()
        last = self._strings.still_there_last if seconds == 1 else None  # "1 second", not "seconds"
        template = last or self._strings.still_there_text
        self.message.setText(template.replace("{seconds}", str(seconds)))
        self.counted.emit(seconds)

    def _expire(self) -> None:
        self.stop()
        self.timed_out.emit()


def still_there_overlay(window: KioskWindow) -> StillThereOverlay:
    """The overlay of ``window`` that its idle watcher brings up: a touch anywhere keeps the
    session, the end of the countdown resets it."""
    overlay = StillThereOverlay(window.language.strings, window)
    window.idle_watcher.went_idle.connect(
        lambda: overlay.start(window.settings.idle.warning_seconds * window.time_scale)
    )
    window.idle_watcher.activity_resumed.connect(overlay.dismiss)
    overlay.kept.connect(overlay.stop)
    overlay.timed_out.connect(window.reset)
    return overlay
