"""A mouse drag scrolls the page under it, as a finger swipe does.

Many touch panels report themselves as a mouse, so a patient's swipe arrives as a left-button
drag. Qt's own mouse gesture for QScroller delays every press and loses track when a tap
changes the screen, so the drag is followed here instead, on the window's QWindow (which sees
only input events, not the many paint and layout events of its widgets) and fed to the same
QScroller that real touch drives: the same fling, the same feel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QScroller, QWidget

DRAG_START_PX = 12  # a finger on a panel wobbles a few pixels while it taps
_FAR_AWAY = QPointF(-1e6, -1e6)


def _scroll_area_at(widget: QWidget | None) -> QScrollArea | None:
    while widget is not None:
        if isinstance(widget, QScrollArea) and QScroller.hasScroller(widget.viewport()):
            return widget
        widget = widget.parentWidget()
    return None


def _button_at(widget: QWidget | None, area: QScrollArea) -> QAbstractButton | None:
    while widget is not None and widget is not area:
        if isinstance(widget, QAbstractButton):
            return widget
        widget = widget.parentWidget()
    return None


class MouseDragScroll(QObject):
    """Installed on ``window``'s QWindow: left-button drags that start in a touch scroll area
    (see scrolling.py) scroll it; the row or tile the drag started on is not pressed."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._area: QScrollArea | None = None
        self._start = QPoint()
        self._press_target: QWidget | None = None
        self._dragging = False

    def install(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)  # once, however often the window is shown
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(event, QMouseEvent):
            return False
        if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return False  # from touch: the scroller's touch gesture has it already
        kind = event.type()
        at = event.position().toPoint()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            target = self.window.childAt(at)
            self._area, self._dragging = _scroll_area_at(target), False
            self._start, self._press_target = at, target
            if self._area is not None:  # a press stops a fling, as a finger does
                scroller = QScroller.scroller(self._area.viewport())
                if scroller.state() == QScroller.State.Scrolling:
                    scroller.stop()
        elif kind == QEvent.Type.MouseMove and self._area is not None:
            if not event.buttons() & Qt.MouseButton.LeftButton:
                self._stop()
            elif self._dragging:
                self._feed(QScroller.Input.InputMove, at, event)
            elif (at - self._start).manhattanLength() >= DRAG_START_PX:
                self._begin(event)
                self._feed(QScroller.Input.InputMove, at, event)
        elif kind == QEvent.Type.MouseButtonRelease and self._area is not None:
            if self._dragging:
                self._feed(QScroller.Input.InputRelease, at, event)
            self._area, self._dragging, self._press_target = None, False, None
        return False

    def _begin(self, event: QMouseEvent) -> None:
        assert self._area is not None
        self._dragging = True
        button = _button_at(self._press_target, self._area)
        if button is not None:  # a release far outside: the button lets go without a click
            QApplication.sendEvent(button, release_far_away())
        self._feed(QScroller.Input.InputPress, self._start, event)

    def _feed(self, kind: QScroller.Input, at: QPoint, event: QMouseEvent) -> None:
        assert self._area is not None
        viewport = self._area.viewport()
        local = QPointF(viewport.mapFrom(self.window, at))
        QScroller.scroller(viewport).handleInput(kind, local, event.timestamp())

    def _stop(self) -> None:
        self._area, self._dragging, self._press_target = None, False, None


def release_far_away() -> QMouseEvent:
    return QMouseEvent(
        QEvent.Type.MouseButtonRelease,
        _FAR_AWAY,
        _FAR_AWAY,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
