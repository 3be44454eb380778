"""Touch-sized building blocks shared by every screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.theme import BUTTON_HEIGHT_PX


def text_label(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    """A wrapped, plain-text, non-selectable label: content is never read as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        label.setProperty("role", role)
    return label


def set_label(button: QAbstractButton, text: str) -> None:
    """Set a button's visible text and keep its accessible name equal to it."""
    button.setText(text)
    button.setAccessibleName(text)


class TouchButton(QPushButton):
    """A push button at least one fingertip (20 mm) tall, named for assistive technology."""

    def __init__(self, text: str, *, secondary: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        set_label(self, text)
        self.setMinimumHeight(BUTTON_HEIGHT_PX)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if secondary:
            self.setProperty("variant", "secondary")


class PanelButton(QAbstractButton):
    """A button drawn as a styled panel holding child labels; the style sheet paints it."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)


class Tile(PanelButton):
    """A large card-like button with a title and a line of text; the whole card is the target."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(BUTTON_HEIGHT_PX * 2)
        self.title_label = text_label(title, "tile-title")
        self.text_label = text_label(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addStretch(1)
        for label in (self.title_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_texts(title, text)
        self.pressed.connect(self._restyle)
        self.released.connect(self._restyle)

    def set_texts(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)
        set_label(self, title)
        self.setAccessibleDescription(text)

    def _restyle(self) -> None:
        self.setProperty("down", self.isDown())
        self.style().unpolish(self)
        self.style().polish(self)


class Picture(QWidget):
    """An image that fills the available width at its aspect ratio; SVGs stay crisp at any size."""

    def __init__(self, path: Path, max_width: int = 900, parent: QWidget | None = None):
        super().__init__(parent)
        self.max_width = max_width
        self._svg: QSvgRenderer | None = None
        self._image = QImage()
        if path.suffix.lower() == ".svg":
            renderer = QSvgRenderer(str(path), self)
            self._svg = renderer if renderer.isValid() else None
            natural = renderer.defaultSize() if self._svg else QSize()
        else:
            self._image = QImage(str(path))
            natural = self._image.size()
        self._aspect = natural.height() / natural.width() if natural.width() > 0 else 0.0
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def is_valid(self) -> bool:
        return self._aspect > 0

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return round(min(width, self.max_width) * self._aspect)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.max_width, self.heightForWidth(self.max_width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.is_valid():
            return
        width = min(self.width(), self.max_width)
        height = self.heightForWidth(width)
        target = QRectF((self.width() - width) / 2, 0, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._svg is not None:
            self._svg.render(painter, target)
        else:
            painter.drawImage(target, self._image)
