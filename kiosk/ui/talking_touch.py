"""A talking touchscreen, for patients who can touch the screen but not read it: turned on in
the "Aa" sheet, a first touch on anything says what it is and rings it; a second touch on the
same control chooses it. A text is said at each touch; a drag still scrolls; a new screen or
overlay says its start. Keys work alongside (keypad.py: the same ring, the same words). A
reset ends the mode. Staff screens are left alone, so a PIN is never said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.core.session import is_staff_screen
from kiosk.ui.mouse_drag import DRAG_START_PX, release_far_away

if TYPE_CHECKING:
    from kiosk.ui.keypad import KeypadNavigator
    from kiosk.ui.window import KioskWindow


class TalkingTouch(QObject):
    """Installed on ``window``'s QWindow, after the drag scroller: it sees every press and
    release first, lets them all through, and keeps a first touch from clicking."""

    def __init__(self, window: KioskWindow, keypad: KeypadNavigator):
        super().__init__(window)
        self.window = window
        self.keypad = keypad
        self.active = False
        self._touched: QWidget | None = None  # the item under the finger, until it moves
        self._start = QPoint()
        window.page_shown.connect(self._screen_shown)

    def install(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)
            handle.installEventFilter(self)

    def start(self) -> None:
        """Turn the mode on and say how it works."""
        self.active = True
        self.keypad.focus(None)
        self.keypad.speak(self.window.language.strings.touch_to_hear_start)

    def reset(self) -> None:
        self.active = False
        self._touched = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.active or not isinstance(event, QMouseEvent):
            return False
        if is_staff_screen(self.window.current_screen()):
            return False
        kind, at = event.type(), event.position().toPoint()
        moved = (at - self._start).manhattanLength()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._touched, self._start = self._item_at(self.window.childAt(at)), at
        elif kind == QEvent.Type.MouseMove and moved >= DRAG_START_PX:
            self._touched = None  # a drag scrolls; it says nothing
        elif kind == QEvent.Type.MouseButtonRelease and self._touched is not None:
            item, self._touched = self._touched, None
            self._touch(item)
        return False

    def _touch(self, item: QWidget) -> None:
        keypad = self.keypad
        if isinstance(item, QAbstractButton) and item is keypad.current:
            screen = self.window.current_screen()  # chosen by the release on its way
            QTimer.singleShot(0, self, lambda: self._chosen(item, screen))
            return
        if isinstance(item, QAbstractButton):  # the first touch: the button lets go unclicked
            QApplication.sendEvent(item, release_far_away())
        keypad.focus(item)
        keypad.speak(keypad.words(item))

    def _chosen(self, item: QAbstractButton, screen: str) -> None:
        if self.active:
            self.keypad.after_choice(item, screen)

    def _item_at(self, widget: QWidget | None) -> QWidget | None:
        """The item a patient can reach (keypad.reading_order) under ``widget``."""
        items = set(self.keypad.items())
        while widget is not None and widget not in items:
            widget = widget.parentWidget()
        return widget

    def _screen_shown(self, screen_id: str) -> None:
        if self.active and not self.keypad.active and not is_staff_screen(screen_id):
            self.keypad.focus_first()
