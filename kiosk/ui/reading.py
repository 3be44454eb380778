"""The frame shared by reading screens: Back and Home always visible above a scrolled column."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.content.model import Strings
from kiosk.ui.icons import Icon
from kiosk.ui.scrolling import scroll_to_top, touch_scroll_area
from kiosk.ui.widgets import Illustration, Panel, TouchButton, text_label

MEASURE = 64  # characters a line of body text holds at most (45-75 read best)
HEADER_EXTRA = 1.13  # a notice above the column may be a little wider
TITLE_PICTURE = 128  # pixels square, beside the title
WIDE_WIDTH = 1800  # a row that may use a wide screen, e.g. warning signs beside each other


class _Body(QWidget):
    """The scrolled page. Its height comes from height-for-width at its real width: the
    layout's own minimum, taken at the narrowest width, would leave blank space below."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), 0)


class ReadingScreen(QWidget):
    """Top bar (Back, the patient's choices, Home) over a touch-scrolled, centred reading
    column (a short status first, e.g. "1 / 6"), and an action bar for the main action.

    Subclasses add their content to ``self.column``. With ``wide_row``, ``self.header`` (a
    little wider, for a short notice) and ``self.wide`` (as wide as the screen allows) come
    above it. Emits ``back_requested`` and ``home_requested``.
    """

    back_requested = Signal()
    home_requested = Signal()

    def __init__(
        self,
        strings: Strings,
        status: str = "",
        parent: QWidget | None = None,
        *,
        wide_row: bool = False,
    ):
        super().__init__(parent)
        self.back_button = TouchButton(strings.back, secondary=True, icon=Icon.BACK)
        self.home_button = TouchButton(strings.home, secondary=True, icon=Icon.HOME)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.status = text_label(status, "muted")  # "1 / 6": at the top of the page
        self.status.setVisible(bool(status))
        bar = Panel("top-bar")
        bar.setObjectName("TopBar")
        self._bar_layout = QHBoxLayout(bar)
        self._bar_layout.setContentsMargins(24, 12, 24, 12)
        self._bar_layout.setSpacing(12)
        self._bar_layout.addWidget(self.back_button)
        self._bar_layout.addStretch(1)
        self._bar_layout.addWidget(self.home_button)

        body = _Body()
        body.setObjectName("ScrollBody")
        rows = QVBoxLayout(body)
        rows.setContentsMargins(56, 44, 56, 72)
        rows.setSpacing(22)
        self._measured: list[tuple[QWidget, float]] = []  # rows as wide as lines of text
        if wide_row:
            self.header = self._row(rows, HEADER_EXTRA)
            self.wide = self._row(rows, 0)
        self.column = self._row(rows, 1.0)
        self.column.addWidget(self.status)  # moved beside the picture by ``add_title``
        self.picture: Illustration | None = None
        rows.addStretch(1)
        self.scroll_area = touch_scroll_area(body, self)
        self.foot = Panel("access-bar")  # the screen's main action, always in view
        self.foot.setObjectName("ActionBar")
        self._foot_layout = QHBoxLayout(self.foot)
        self._foot_layout.setContentsMargins(32, 12, 32, 12)
        self._foot_layout.setSpacing(16)
        self._foot_layout.addStretch(1)
        self._foot_layout.addStretch(1)
        self.foot.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.foot)

    def add_title(self, title: QLabel, picture: Path | None = None) -> None:
        """The screen's title under its status line, its illustration (if any) at the right."""
        self.column.removeWidget(self.status)
        words = QVBoxLayout()
        words.setSpacing(8)
        words.addWidget(self.status)
        words.addWidget(title)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addLayout(words, 1)
        if picture is not None:
            self.picture = Illustration(picture, TITLE_PICTURE)
            row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignBottom)
        self.column.insertLayout(0, row)

    def add_action(self, button: QWidget) -> None:
        """Put ``button`` in the action bar under the page: in view however far it scrolls."""
        self._foot_layout.insertWidget(self._foot_layout.count() - 1, button)
        self.foot.show()

    def access_slot(self, control: QWidget) -> None:
        """The patient's choices ("Aa", language) sit in the top bar, before Home."""
        self._bar_layout.insertWidget(self._bar_layout.indexOf(self.home_button), control)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A new text size (the screen's font): lines keep their length in characters."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_measure()

    def _fit_measure(self) -> None:
        line = QFontMetrics(self.font()).averageCharWidth() * MEASURE
        for column, share in self._measured:
            column.setMaximumWidth(round(line * share))

    def _row(self, rows: QVBoxLayout, share: float) -> QVBoxLayout:
        """A centred column ``share`` of a line of body text wide (0: up to WIDE_WIDTH)."""
        column = QWidget()
        column.setMaximumWidth(WIDE_WIDTH)
        if share:
            self._measured.append((column, share))
            self._fit_measure()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(22)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        rows.addLayout(row)
        return layout

    def reset(self) -> None:
        """Show the top of the screen, as on a first visit."""
        scroll_to_top(self.scroll_area)
