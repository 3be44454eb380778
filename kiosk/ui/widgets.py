"""Touch-sized building blocks shared by every screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import icons
from kiosk.ui.icons import Icon
from kiosk.ui.look import Box, Insets, Look, colour, current, dress_label, font, paint_box
from kiosk.ui.picture import Picture
from kiosk.ui.theme import BUTTON_HEIGHT_PX, TypeScale

# What each kind of panel looks like: fill, border colour, border (left, top, right, bottom),
# corner radius. Colours are names of the look's Palette.
PANELS: dict[str, tuple[str, str, Insets, int]] = {
    "top-bar": ("surface", "border", (0, 0, 0, 2), 0),
    "access-bar": ("surface", "border", (0, 2, 0, 0), 0),
    "warning": ("surface", "urgent", (4, 4, 4, 4), 16),
    "tier-now": ("surface", "urgent", (12, 3, 3, 3), 0),
    "tier-soon": ("surface", "caution", (12, 3, 3, 3), 0),
    "callout": ("callout", "primary", (10, 0, 0, 0), 8),
    "card": ("surface", "surface", (0, 0, 0, 0), 28),
    "tile": ("surface", "border", (3, 3, 3, 3), 20),
    "tile-down": ("callout", "primary", (3, 3, 3, 3), 20),
    "tile-feature": ("callout", "primary", (4, 4, 4, 4), 20),
    "row": ("surface", "border", (3, 3, 3, 3), 16),
    "row-ticked": ("callout", "primary", (6, 6, 6, 6), 16),
    "row-down": ("callout", "primary", (4, 4, 4, 4), 16),
}
SCRIM = QColor(16, 24, 26, 215)  # the dimmed window behind an overlay's card


def paint_panel(widget: QWidget, kind: str) -> None:
    fill, border, insets, radius = PANELS[kind]
    box = Box(colour(widget, fill), colour(widget, border), insets, radius)
    paint_box(QPainter(widget), widget.rect(), box)


class Panel(QFrame):
    """A frame painted as one of ``PANELS``; its contents sit inside the border."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setContentsMargins(*PANELS[kind][2])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        paint_panel(self, self.kind)


def text_label(
    text: str, role: str = "", parent: QWidget | None = None, *, kind: type[QLabel] = QLabel
) -> QLabel:
    """A wrapped, plain-text, non-selectable label: content is never read as HTML. Its font
    and colour are those of ``role`` in the current look."""
    label = kind(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        label.setProperty("role", role)
    dress_label(label)
    return label


class Pill(QLabel):
    """A label on a rounded primary-coloured ground: the welcome screen's invitation."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        radius = min(36, self.height() // 2)
        paint_box(painter, self.rect(), Box(colour(self, "primary"), radius=radius))
        painter.end()  # the label paints its text with a painter of its own
        super().paintEvent(event)


def callout_frame(title: str, *texts: str | QWidget) -> QFrame:
    """A tinted box with a bar down its left side, for things a patient must not miss."""
    frame = Panel("callout")
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
    """A push button at least one fingertip (20 mm) tall, named for assistive technology.

    It paints itself: a rounded box in the primary colour, or with ``secondary`` a light box
    with a primary border (filled when checked).
    """

    PADDING = 24  # each side of the text
    BORDER = 3
    ICON_GAP = 12  # between the icon and the words

    def __init__(
        self,
        text: str,
        *,
        secondary: bool = False,
        icon: Icon | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.icon_name = icon  # drawn before the words, in their colour and as tall as a line
        set_label(self, text)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.secondary = secondary
        if secondary:
            self.setProperty("variant", "secondary")
        self.dress(current())

    def dress(self, look: Look) -> None:
        self.setFont(font("button", look))
        self._least = look.button  # each side, inside the border: at least a square target
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text())
        edge = 2 * self.BORDER
        if self.icon_name is not None:
            text.setWidth(text.width() + self._icon_side() + (self.ICON_GAP if self.text() else 0))
        width = max(text.width() + 2 * self.PADDING, round(self._least * 1.5))
        return QSize(width + edge, max(text.height(), self._least) + edge)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def _colours(self) -> tuple[str, str, str, int]:
        """Text, fill and border colour names, and the border width, for the state shown."""
        if not self.isEnabled():
            return "muted", "surface", "border", self.BORDER
        if self.property("danger"):  # an action that cannot be undone: red, filled when armed
            filled = self.isChecked() or self.isDown()
            return (
                ("on_primary", "urgent", "urgent", 5)
                if filled
                else ("urgent", "surface", "urgent", 5)
            )
        if self.secondary and self.isChecked():  # the choice made; lighter under a finger
            return "on_primary", "pressed" if self.isDown() else "primary", "text", 5
        if self.isDown():
            return (
                ("primary", "callout", "primary", self.BORDER)
                if self.secondary
                else ("on_primary", "pressed", "pressed", self.BORDER)
            )
        if self.secondary:
            return "primary", "surface", "primary", self.BORDER
        return "on_primary", "primary", "primary", self.BORDER

    def _icon_side(self) -> int:
        return round(self.fontMetrics().height() * 1.15)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        ink, fill, border, width = self._colours()
        painter = QPainter(self)
        box = Box(colour(self, fill), colour(self, border), (width,) * 4, 14)
        paint_box(painter, self.rect(), box)
        inside = QRectF(self.rect().adjusted(width, width, -width, -width))
        if self.icon_name is not None:  # icon and words centred together
            side = self._icon_side()
            words = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text()).width()
            gap = self.ICON_GAP if self.text() else 0
            left = inside.left() + max(0.0, (inside.width() - side - gap - words) / 2)
            top = inside.top() + (inside.height() - side) / 2
            icons.draw(painter, QRectF(left, top, side, side), self.icon_name, colour(self, ink))
            inside.setLeft(left + side + gap)
            inside.setWidth(words + 2)
        painter.setPen(colour(self, ink))
        painter.setFont(self.font())
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextShowMnemonic
        painter.drawText(inside, flags, self.text())


class PanelButton(QAbstractButton):
    """A button drawn as a panel (see ``PANELS``) holding child labels, or as nothing at all
    (its children drawn on the screen's background) if ``panel()`` is empty."""

    def panel(self) -> str:
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if kind := self.panel():
            paint_panel(self, kind)


class Illustration(Picture):
    """A square picture beside words, growing half as fast as the text size grows."""

    def __init__(self, path: Path, side: int, parent: QWidget | None = None):
        super().__init__(path, max_width=side, parent=parent)
        self.side = side  # at 100 %
        self.dress(current())

    def dress(self, look: Look) -> None:
        growth = look.sizes.body / TypeScale().body
        side = round(self.side * (1 + (growth - 1) / 2))
        self.max_width = side
        self.setFixedSize(side, side)


class Tile(PanelButton):
    """A large card-like button with a title and a line of text, and the topic's picture at
    its left if it has one; the whole card is the target."""

    PICTURE = 112  # pixels square: an illustration that reads from a step back

    def __init__(
        self, title: str, text: str, parent: QWidget | None = None, *, picture: Path | None = None
    ):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(BUTTON_HEIGHT_PX * 2)
        self.title_label = text_label(title, "tile-title")
        self.text_label = text_label(text)
        words = QVBoxLayout()
        words.setSpacing(10)
        words.addWidget(self.title_label)
        words.addWidget(self.text_label)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(28, 24, 32, 24)
        layout.setSpacing(24)
        self.picture: Illustration | None = None
        if picture is not None:
            self.picture = Illustration(picture, self.PICTURE)
            layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        for child in self.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.feature = False  # the checklist's tile: tinted, a heavier border
        self.set_texts(title, text)

    def set_texts(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)
        set_label(self, title)
        self.setAccessibleDescription(text)

    def panel(self) -> str:
        return "tile-down" if self.isDown() else "tile-feature" if self.feature else "tile"


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
        ink = colour(self, "primary")
        box = QRectF(3, 3, self.SIZE - 6, self.SIZE - 6)
        painter.setPen(QPen(ink, 5))
        painter.setBrush(ink if self.ticked else Qt.GlobalColor.transparent)
        painter.drawRoundedRect(box, 8, 8)
        if self.ticked:
            tick = QPainterPath()
            tick.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52)
            tick.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.72)
            tick.lineTo(box.left() + box.width() * 0.80, box.top() + box.height() * 0.28)
            painter.setPen(QPen(colour(self, "on_primary"), 7))
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
        self.setMinimumHeight(current().button + 8)
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

    def dress(self, look: Look) -> None:
        self.setMinimumHeight(look.button + 8)

    def panel(self) -> str:
        if self.isDown():  # under the finger: tinted at once, before the tick shows
            return "row-down"
        return "row-ticked" if self.isChecked() else "row"

    def set_ticked(self, ticked: bool) -> None:
        """Show ``ticked`` without emitting ``toggled`` (the session already knows)."""
        self.blockSignals(True)
        self.setChecked(ticked)
        self.blockSignals(False)
        self._show_state(ticked)

    def _show_state(self, ticked: bool) -> None:
        self.box.ticked = ticked
        hint = self.description
        self.setAccessibleDescription(f"{self.ticked_word}. {hint}" if ticked else hint)
        self.update()


OVERLAY_MARGIN = 40  # pixels between a window overlay's card and the window's edges


class WindowOverlay(QWidget):
    """A dimmed layer over the whole window with a centred card that holds the content.

    It follows the window's size; ``cover()`` shows it above everything else.
    """

    def __init__(self, parent: QWidget, name: str, card_width: int):
        super().__init__(parent)
        self.setObjectName(name)
        self._host = parent
        self.card = card = Panel("card")
        card.setObjectName("OverlayCard")
        card.setMaximumWidth(card_width)
        self.card_layout = QVBoxLayout(card)
        # Centred by stretches, not by alignment: an aligned card gets its size hint, whose
        # height was worked out for another width, and its wrapped text is cut off.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*[OVERLAY_MARGIN] * 4)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        QPainter(self).fillRect(self.rect(), SCRIM)

    def cover(self) -> None:
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()
        if (layout := self.layout()) is not None:
            layout.activate()  # laid out now: a tap at once lands where the card shows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False
