"""The "Are you still there?" warning that counts down before the kiosk clears itself."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.content.model import Strings
from kiosk.ui.widgets import TouchButton, set_label, text_label


class StillThereOverlay(QFrame):
    """Covers the whole window. Emits ``timed_out`` when the countdown reaches zero.

    A touch anywhere (watched app-wide by IdleWatcher) or the big button hides it again.
    """

    timed_out = Signal()
    kept = Signal()

    def __init__(self, strings: Strings, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("StillThereOverlay")
        self._template = strings.still_there_text
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self._expire)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_remaining)
        card = QFrame()
        card.setObjectName("OverlayCard")
        card.setMaximumWidth(1000)
        self.title = text_label(strings.still_there_title, "h1")
        self.message = text_label("", "lead")
        self.button = TouchButton(strings.still_here)
        self.button.setMinimumHeight(120)
        self.button.clicked.connect(self.kept)
        for label in (self.title, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(64, 56, 64, 56)
        inner.setSpacing(32)
        inner.addWidget(self.title)
        inner.addWidget(self.message)
        inner.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self._host = parent
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def set_strings(self, strings: Strings) -> None:
        self._template = strings.still_there_text
        self.title.setText(strings.still_there_title)
        set_label(self.button, strings.still_here)

    def start(self, seconds: float) -> None:
        """Show the warning and count down ``seconds``."""
        self._deadline.start(max(1, round(seconds * 1000)))
        self._tick.start()
        self._show_remaining()
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()

    def stop(self) -> None:
        self._deadline.stop()
        self._tick.stop()
        self.message.clear()
        self.hide()

    def seconds_left(self) -> int:
        return math.ceil(max(0, self._deadline.remainingTime()) / 1000)

    def _show_remaining(self) -> None:
        self.message.setText(self._template.replace("{seconds}", str(self.seconds_left())))

    def _expire(self) -> None:
        self.stop()
        self.timed_out.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False
