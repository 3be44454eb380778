"""The "Take this with you" overlay: a large, crisp QR code, and printing when a printer is set."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core.content.model import Strings
from kiosk.core.take_home import qr_matrix
from kiosk.ui.flow import FlowLayout
from kiosk.ui.widgets import TouchButton, WindowOverlay, set_label, text_label


class QrView(QWidget):
    """Paints a QR code with whole-pixel modules, black on white, as large as it can."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(330, 330)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("QR code")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(620, 620)  # about 17 cm on the default screen: easy for any phone camera

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


class TakeHomeOverlay(WindowOverlay):
    """Covers the window. Emits ``print_requested``; ``close`` and reset hide and forget it."""

    print_requested = Signal()

    def __init__(self, strings: Strings, parent: QWidget):
        super().__init__(parent, "TakeHomeOverlay", card_width=1100)
        self.title = text_label("", "h1")
        self.hint = text_label("", "lead")
        self.qr = QrView()
        self.message = text_label("", "lead")
        self.close_button = TouchButton("")
        self.print_button = TouchButton("", secondary=True)
        self.close_button.clicked.connect(self.clear)
        self.print_button.clicked.connect(self.print_requested)
        for label in (self.title, self.hint, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QWidget()
        flow = FlowLayout(buttons, spacing=24)
        flow.addWidget(self.print_button)
        flow.addWidget(self.close_button)
        self.card_layout.setContentsMargins(48, 36, 48, 36)
        self.card_layout.setSpacing(20)
        for widget in (self.title, self.hint, self.qr, self.message, buttons):
            self.card_layout.addWidget(widget)
        self.set_strings(strings)

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
