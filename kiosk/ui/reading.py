"""The frame shared by reading screens: Back and Home always visible above a scrolled column."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Strings
from kiosk.ui.scrolling import scroll_to_top, touch_scroll_area
from kiosk.ui.widgets import TouchButton, text_label

READING_WIDTH = 1150  # long lines are hard to follow; wider screens get margins


class ReadingScreen(QWidget):
    """Top bar (Back, a short status, Home) over a touch-scrolled, centred reading column.

    Subclasses add their content to ``self.column``. Emits ``back_requested`` and
    ``home_requested``.
    """

    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, strings: Strings, status: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.back_button = TouchButton(strings.back, secondary=True)
        self.home_button = TouchButton(strings.home, secondary=True)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.status = text_label(status, "muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QFrame()
        bar.setObjectName("TopBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(40, 20, 40, 20)
        bar_layout.addWidget(self.back_button)
        bar_layout.addWidget(self.status, 1)
        bar_layout.addWidget(self.home_button)

        column = QWidget()
        column.setMaximumWidth(READING_WIDTH)
        self.column = QVBoxLayout(column)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(22)
        body = QWidget()
        body.setObjectName("ScrollBody")
        centred = QHBoxLayout(body)
        centred.setContentsMargins(56, 44, 56, 72)
        centred.addStretch(1)
        centred.addWidget(column, 100, Qt.AlignmentFlag.AlignTop)
        centred.addStretch(1)
        self.scroll_area = touch_scroll_area(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.scroll_area, 1)

    def reset(self) -> None:
        """Show the top of the screen, as on a first visit."""
        scroll_to_top(self.scroll_area)
