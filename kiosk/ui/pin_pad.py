"""An on-screen PIN pad for staff: large keys, masked digits, and a visible wait after mistakes."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.staff import MAX_DIGITS, MIN_DIGITS
from kiosk.ui.icons import Icon
from kiosk.ui.widgets import Panel, TouchButton, text_label


class PinPad(QWidget):
    """Emits ``pin_entered(pin)`` on OK and ``cancelled``. Staff-only, so English only."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PinPad")
        # Shown only at the default text size (staff mode starts with a reset), so it must not
        # make the window's other screens as tall as itself at a patient's 200%.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._digits = ""
        self._why = ""
        card = Panel("card")
        card.setObjectName("OverlayCard")
        card.setMaximumWidth(900)
        self.title = text_label("Staff PIN", "h2")
        self.display = text_label("", "h2")
        self.message = text_label("", "lead")
        for label in (self.title, self.display, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.keys: dict[str, TouchButton] = {}
        names = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]
        for index, name in enumerate(names):
            key = TouchButton(name, secondary=name != "OK")
            key.setMinimumWidth(150)
            key.clicked.connect(lambda _=False, name=name: self._press(name))
            self.keys[name] = key
            grid.addWidget(key, index // 3, index % 3)
        self.cancel = TouchButton("Cancel", secondary=True, icon=Icon.CLOSE)
        self.cancel.clicked.connect(self.cancelled)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 28, 48, 28)
        inner.setSpacing(12)  # all of it within 800 px, the shortest screen supported
        inner.addWidget(self.title)
        inner.addWidget(self.display)
        inner.addWidget(self.message)
        inner.addLayout(grid)
        inner.addWidget(self.cancel)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.timeout.connect(self._tick)
        self.reset()

    def _press(self, label: str) -> None:
        if label == "Clear":
            self._digits = ""
        elif label == "OK":
            pin, self._digits = self._digits, ""
            self._show_digits()
            self.pin_entered.emit(pin)
            return
        elif len(self._digits) < MAX_DIGITS:
            self._digits += label
        self._show_digits()

    def _show_digits(self) -> None:
        """A filled dot per digit typed, empty ones up to the shortest PIN: where to start."""
        empty = max(0, MIN_DIGITS - len(self._digits))
        self.display.setText(" ".join(["\u25cf"] * len(self._digits) + ["\u25cb"] * empty))

    def reset(self) -> None:
        """Forget typed digits and messages."""
        self._digits = ""
        self._show_digits()
        self.message.setText("Enter the staff PIN.")
        self._why = ""
        if not self._deadline.isActive():
            self._set_keys_enabled(True)

    def wait(self, seconds: float, why: str) -> None:
        """Refuse input for ``seconds``, counting down on screen."""
        self._why = why
        self._deadline.start(max(1, round(seconds * 1000)))
        self._set_keys_enabled(False)
        self._tick()

    def _tick(self) -> None:
        left = self._deadline.remainingTime()
        if left <= 0:
            self._countdown.stop()
            self._set_keys_enabled(True)
            self.message.setText(f"{self._why} Try again.")
            return
        self.message.setText(f"{self._why} Try again in {math.ceil(left / 1000)} s.")
        self._countdown.start(min(1000, left + 1))

    def _set_keys_enabled(self, enabled: bool) -> None:
        for key in self.keys.values():
            key.setEnabled(enabled)
