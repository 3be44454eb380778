"""Notice when nobody has touched the kiosk for a while: one event filter, one single-shot timer."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QInputEvent

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """While armed, any input anywhere in the application restarts the countdown.

    Emits ``went_idle`` after ``timeout_ms`` without input, and ``activity_resumed`` on the
    first input after that. Disarmed (e.g. on the attract screen) no timer runs at all, and it
    is not an event filter either: every event a filter sees costs a call into Python.
    """

    went_idle = Signal()
    activity_resumed = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._armed = False
        self._idle = False
        self._idle_since = 0.0

    @property
    def is_armed(self) -> bool:
        return self._armed

    @property
    def is_idle(self) -> bool:
        return self._idle

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)

    def arm(self) -> None:
        """Start watching; the countdown begins now."""
        if not self._armed and (app := QCoreApplication.instance()) is not None:
            app.installEventFilter(self)
        self._armed = True
        self._idle = False
        self._timer.start()

    def disarm(self) -> None:
        if self._armed and (app := QCoreApplication.instance()) is not None:
            app.removeEventFilter(self)
        self._armed = False
        self._idle = False
        self._timer.stop()

    def idle_seconds(self) -> float:
        """How long since the last input while armed (0 when disarmed)."""
        if not self._armed:
            return 0.0
        if self._idle:
            return (time.monotonic() - self._idle_since) + self.timeout_ms / 1000
        return max(0, self.timeout_ms - self._timer.remainingTime()) / 1000

    def _on_timeout(self) -> None:
        self._idle, self._idle_since = True, time.monotonic()
        self.went_idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # isinstance first: cheap, and it passes on the many paint and layout events at once.
        if self._armed and isinstance(event, QInputEvent) and event.type() in INPUT_EVENTS:
            self._timer.start()
            if self._idle:
                self._idle = False
                self.activity_resumed.emit()
        return False
