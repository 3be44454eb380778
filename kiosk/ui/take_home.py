"""The "Take this with you" overlay: a large, crisp QR code, and printing when a printer is set."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.content.model import Strings
from kiosk.core.take_home import qr_matrix
from kiosk.ui.icons import Icon
from kiosk.ui.widgets import TouchButton, WindowOverlay, set_label, text_label


class QrView(QWidget):
    """Paints a QR code with whole-pixel modules, black on white, as large as it can."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(QR_LEAST, QR_LEAST)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("QR code")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(QR_MOST, QR_MOST)  # about 17 cm on the default screen: any phone reads it

    def show_text(self, text: str) -> None:
        self.matrix = qr_matrix(text)
        self.update()

    def clear(self) -> None:
        self.matrix = []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.matrix:
            return
        count = len(self.matrix)
        module = max(1, min(self.width(), self.height()) // count)
        side = module * count
        left, top = (self.width() - side) // 2, (self.height() - side) // 2
        painter = QPainter(self)
        painter.fillRect(QRect(left, top, side, side), QColor("white"))
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        left + x * module, top + y * module, module, module, Qt.GlobalColor.black
                    )


CARD, WIDE_CARD = 1100, 1700  # px: the card's widest, the code under or beside the words
QR_LEAST, QR_MOST = 330, 620  # px: a phone reads the code from arm's length at either


class TakeHomeOverlay(WindowOverlay):
    """Covers the window. Emits ``print_requested``; ``close`` and reset hide and forget it."""

    print_requested = Signal()

    def __init__(self, strings: Strings, parent: QWidget):
        super().__init__(parent, "TakeHomeOverlay", card_width=CARD)
        self.title = text_label("", "h1")
        self.hint = text_label("")
        self.qr = QrView()
        self.message = text_label("", "lead")
        self.close_button = TouchButton("", icon=Icon.CLOSE)
        self.print_button = TouchButton("", secondary=True, icon=Icon.PRINT)
        self.close_button.clicked.connect(self.clear)
        self.print_button.clicked.connect(self.print_requested)
        for label in (self.title, self.hint, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QWidget()  # centred, as everything on the card
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        self.card_layout.setContentsMargins(48, 36, 48, 36)
        self.card_layout.setSpacing(20)
        self.card_layout.addWidget(self.title)
        # The code beside the words on a wide screen, under them on a tall one.
        self._sides = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._sides.setSpacing(32)
        words = QVBoxLayout()
        words.setSpacing(20)
        for widget in (self.hint, self.message, buttons):
            words.addWidget(widget)
        words.addStretch(1)
        self._sides.addWidget(self.qr, 1)
        self._sides.addLayout(words, 1)
        self.card_layout.addLayout(self._sides)
        self.set_strings(strings)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        width, height = event.size().width(), event.size().height()
        wide = width > height
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self._sides.setDirection(across if wide else down)
        self._sides.setStretch(0, 0 if wide else 1)  # beside the words: no wider than needed
        side = max(QR_LEAST, min(QR_MOST, height // 2)) if wide else QR_MOST
        self.qr.setMaximumSize(side, side)
        self.card.setMaximumWidth(WIDE_CARD if wide else CARD)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft if wide else centre)

    def set_strings(self, strings: Strings) -> None:
        self.strings = strings
        self.title.setText(strings.take_home)
        self.hint.setText(strings.take_home_hint)
        set_label(self.close_button, strings.close)
        set_label(self.print_button, strings.print_handout)

    def open(self, text: str, *, can_print: bool) -> None:
        self.qr.show_text(text)
        self.message.clear()
        self.message.hide()
        self.print_button.setVisible(can_print)
        self.cover()

    def tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def clear(self) -> None:
        """Hide and forget the code and any message: nothing of it stays in memory."""
        self.qr.clear()
        self.message.clear()
        self.hide()
