"""Keep patients inside the kiosk, and notice the hidden gesture that lets staff in.

Both are application-wide event filters: no polling, no timers.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QInputEvent, QKeyEvent, QMouseEvent, QStatusTipEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QWidget

_SWALLOWED = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.ToolTip,
        QEvent.Type.WhatsThis,
        QEvent.Type.QueryWhatsThis,
        QEvent.Type.StatusTip,
    }
)
# Every event the guard may act on is one of these; the many paint, show and layout events
# are passed on after this one cheap check (an event's type() costs far more in PySide).
_GUARDED_CLASSES = (QInputEvent, QHelpEvent, QStatusTipEvent)
_ESCAPE_KEYS = frozenset(
    {Qt.Key.Key_Escape, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Meta}
)
_WITH_ALT = frozenset({Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Escape, Qt.Key.Key_Space})
_WITH_CTRL = frozenset({Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_Escape})


def is_escape_key(event: QKeyEvent) -> bool:
    """Keys that close, switch away from or menu out of a fullscreen app."""
    key = Qt.Key(event.key())
    modifiers = event.modifiers()
    if key in _ESCAPE_KEYS:
        return True
    if modifiers & Qt.KeyboardModifier.AltModifier and key in _WITH_ALT:
        return True
    return bool(modifiers & Qt.KeyboardModifier.ControlModifier and key in _WITH_CTRL)


class KioskGuard(QObject):
    """While ``locked``: no context menus, tooltips or "what's this", and no escape keys."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.locked = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.locked or not isinstance(event, _GUARDED_CLASSES):
            return False
        kind = event.type()
        if kind in _SWALLOWED:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            return is_escape_key(event)
        return False


CORNER_PX = 160  # about 40 mm on the default screen: easy for staff, rarely hit by chance


# A property for a control that only wakes the kiosk ("touch the screen to start"): it holds
# nothing of a patient's, so taps on it count towards the staff gesture.
WAKE_SURFACE = "wakeSurface"


def is_control(widget: QWidget | None) -> bool:
    """Whether a press on ``widget`` goes to something a patient can work: a button, tile,
    row or scroll bar, or anything inside one (a label in a tile)."""
    while isinstance(widget, QWidget):
        if isinstance(widget, (QAbstractButton, QAbstractSlider)):
            return not widget.property(WAKE_SURFACE)
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


class StaffGesture(QObject):
    """Emits ``completed`` after ``taps`` presses in one corner of ``window`` within ``seconds``,
    none of them on a patient's control: five quick taps on Back are five taps on Back, and
    a tap on any control starts the count again."""

    completed = Signal()

    def __init__(
        self,
        window: QWidget,
        taps: int,
        seconds: float,
        corner: str,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(window)
        self.window = window
        self.taps, self.seconds, self.corner = taps, seconds, corner
        self._clock = clock
        self._times: list[float] = []
        self._pressed = False  # a press climbing to parent widgets is seen once per widget

    def configure(self, taps: int, seconds: float, corner: str) -> None:
        if (taps, seconds, corner) != (self.taps, self.seconds, self.corner):
            self.taps, self.seconds, self.corner = taps, seconds, corner
            self._times.clear()

    def _corner_rect(self) -> QRectF:
        w, h = self.window.width(), self.window.height()
        x = 0 if "left" in self.corner else w - CORNER_PX
        y = 0 if "top" in self.corner else h - CORNER_PX
        return QRectF(x, y, CORNER_PX, CORNER_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease:
            self._pressed = False
            return False
        if kind != QEvent.Type.MouseButtonPress:
            return False
        if self._pressed:
            return False
        self._pressed = True
        at = QPointF(self.window.mapFromGlobal(event.globalPosition().toPoint()))
        if (
            not self.window.isVisible()
            or not self._corner_rect().contains(at)
            or is_control(self.window.childAt(at.toPoint()))
        ):
            self._times.clear()
            return False
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self.seconds] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            self.completed.emit()
        return False
