"""Touch-sized building blocks shared by every screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
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


def callout_frame(title: str, *texts: str | QWidget) -> QFrame:
    """A tinted box with a bar down its left side, for things a patient must not miss."""
    frame = QFrame()
    frame.setObjectName("Callout")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(36, 24, 28, 24)
    layout.setSpacing(10)
    if title:
        layout.addWidget(text_label(title, "h2"))
    for text in texts:
        layout.addWidget(text_label(text) if isinstance(text, str) else text)
    return frame


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout`` at once (hidden now, freed soon)."""
    while (entry := layout.takeAt(0)) is not None:
        if (widget := entry.widget()) is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def set_label(button: QAbstractButton, text: str) -> None:
    """Set a button's visible text, shown literally ("&" is not a keyboard mnemonic), and
    keep its accessible name equal to it."""
    button.setText(text.replace("&", "&&"))
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


class TickBox(QWidget):
    """The square on a checklist row: empty, or filled with a tick (shape, not just colour)."""

    SIZE = 52

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedSize(self.SIZE, self.SIZE)
        self.ticked = False
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.Highlight)
        box = QRectF(3, 3, self.SIZE - 6, self.SIZE - 6)
        painter.setPen(QPen(ink, 5))
        painter.setBrush(ink if self.ticked else Qt.GlobalColor.transparent)
        painter.drawRoundedRect(box, 8, 8)
        if self.ticked:
            tick = QPainterPath()
            tick.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52)
            tick.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.72)
            tick.lineTo(box.left() + box.width() * 0.80, box.top() + box.height() * 0.28)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.HighlightedText), 7))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)


class CheckRow(PanelButton):
    """One checklist item: the whole row toggles, showing a tick and a heavier border."""

    def __init__(
        self,
        label: str,
        hint: str,
        ticked_word: str,
        safety: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(BUTTON_HEIGHT_PX + 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.ticked_word = ticked_word
        self.box = TickBox()
        self.label = text_label(label, "item")
        self.hint = text_label(hint, "muted")
        self.hint.setVisible(bool(hint))
        self.safety = text_label(safety, "safety")  # e.g. when this needs care now
        self.safety.setVisible(bool(safety))
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.label)
        texts.addWidget(self.hint)
        texts.addWidget(self.safety)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 16, 28, 16)
        row.setSpacing(28)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        for child in (self.label, self.hint, self.safety):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        set_label(self, label)
        self.description = " ".join(filter(None, (hint, safety)))
        self.setAccessibleDescription(self.description)
        self.toggled.connect(self._show_state)

    def set_ticked(self, ticked: bool) -> None:
        """Show ``ticked`` without emitting ``toggled`` (the session already knows)."""
        self.blockSignals(True)
        self.setChecked(ticked)
        self.blockSignals(False)
        self._show_state(ticked)

    def _show_state(self, ticked: bool) -> None:
        self.box.ticked = ticked
        self.setProperty("ticked", ticked)
        hint = self.description
        self.setAccessibleDescription(f"{self.ticked_word}. {hint}" if ticked else hint)
        self.style().unpolish(self)
        self.style().polish(self)
        self.box.update()


class WindowOverlay(QFrame):
    """A dimmed layer over the whole window with a centred card that holds the content.

    It follows the window's size; ``cover()`` shows it above everything else.
    """

    def __init__(self, parent: QWidget, name: str, card_width: int):
        super().__init__(parent)
        self.setObjectName(name)
        self._host = parent
        card = QFrame()
        card.setObjectName("OverlayCard")
        card.setMaximumWidth(card_width)
        self.card_layout = QVBoxLayout(card)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False
