"""The kiosk's look without style sheets: fonts and palettes set on widgets, and panels and
buttons that paint themselves from their palette.

Qt re-polishes every widget under a style sheet when the sheet changes (30-50 ms for one
screen of 160 widgets, whatever the change). Fonts and palettes change in a few
milliseconds, so text size and contrast switch within a frame.

A screen is "dressed" for a look: its palette set (children inherit it), each label given the
font and colour of its ``role`` property, each widget with a ``dress(look)`` method called.
Widgets made later take the current look when they are made (``text_label`` and the buttons).
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QLabel, QScrollBar, QWidget

from kiosk.core.config import Theme
from kiosk.ui.theme import BUTTON_HEIGHT_PX, Palette, TypeScale
from kiosk.ui.typeface import FAMILIES

Role = QPalette.ColorRole
# Where each colour of the kiosk's Palette lives in a QPalette, for widgets that paint.
ROLES: dict[str, QPalette.ColorRole] = {
    "background": Role.Window,
    "text": Role.WindowText,
    "surface": Role.Base,
    "callout": Role.AlternateBase,
    "primary": Role.Highlight,
    "on_primary": Role.HighlightedText,
    "pressed": Role.Dark,
    "border": Role.Mid,
    "muted": Role.PlaceholderText,
    "urgent": Role.BrightText,
    "caution": Role.Link,
}


@dataclass(frozen=True)
class Look:
    """Colours, type sizes and the button height: all that a restyle changes."""

    palette: Palette = field(default_factory=lambda: Palette.from_theme(Theme()))
    sizes: TypeScale = field(default_factory=TypeScale)
    button: int = BUTTON_HEIGHT_PX


# (size in TypeScale, bold, italic, colour) for each label role; "" is body text.
FONTS: dict[str, tuple[str, bool, bool, str]] = {
    "": ("body", False, False, "text"),
    "display": ("display", True, False, "text"),
    "h1": ("h1", True, False, "text"),
    "h2": ("h2", True, False, "text"),
    "lead": ("h2", False, False, "muted"),
    "subhead": ("body", True, False, "text"),
    "muted": ("small", False, False, "muted"),
    "caption": ("small", False, False, "muted"),
    "source": ("small", False, True, "muted"),
    "brand": ("h2", True, False, "primary"),
    "pill": ("h2", True, False, "on_primary"),
    "warning-title": ("h2", True, False, "urgent"),
    "tier-heading": ("h2", True, False, "text"),
    "tier-action": ("body", True, False, "text"),
    "sign": ("small", False, False, "text"),
    "safety": ("small", True, False, "urgent"),
    "group": ("small", True, False, "primary"),  # a summary group's name, over its items
    "item": ("h2", False, False, "text"),
    "tile-title": ("h2", True, False, "primary"),
    "button": ("button", True, False, "text"),
}

# A label's text is drawn in WindowText, or in ButtonText when it sits on a button (a tile).
INKS = (Role.WindowText, Role.ButtonText)
_current: list[Look] = []


def current() -> Look:
    """The look new widgets take (the one last given to a window)."""
    if not _current:
        _current.append(Look())
    return _current[0]


def use(look: Look) -> None:
    _current[:] = [look]


def font(role: str, look: Look | None = None) -> QFont:
    """The font of ``role`` at the look's sizes."""
    return _font(role, (look or current()).sizes)


@functools.lru_cache(maxsize=128)
def _font(role: str, sizes: TypeScale) -> QFont:
    size, bold, italic, _ = FONTS.get(role, FONTS[""])
    made = QFont()
    made.setFamilies(FAMILIES)
    made.setPixelSize(getattr(sizes, size))
    made.setBold(bold)
    made.setItalic(italic)
    return made


def qpalette(palette: Palette) -> QPalette:
    """Every colour of ``palette`` in the QPalette roles of ``ROLES`` (and Text, Button...)."""
    made = QPalette()
    for name, role in ROLES.items():
        made.setColor(role, QColor(getattr(palette, name)))
    made.setColor(Role.Text, QColor(palette.text))
    made.setColor(Role.Button, QColor(palette.surface))
    made.setColor(Role.ButtonText, QColor(palette.text))
    return made


def colour(widget: QWidget, name: str) -> QColor:
    """The colour ``name`` (a field of Palette) as ``widget`` has it."""
    return widget.palette().color(ROLES[name])


def dress_label(label: QLabel, look: Look | None = None) -> None:
    """Font and colour for the label's ``role`` property."""
    look = look or current()
    role = str(label.property("role") or "")
    label.setFont(font(role, look))
    ink = FONTS.get(role, FONTS[""])[3]
    if ink != "text":
        tinted = QPalette()  # only the ink is set: the rest comes from the screen
        for where in INKS:
            tinted.setColor(where, QColor(getattr(look.palette, ink)))
        label.setPalette(tinted)
    elif label.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
        label.setPalette(QPalette())  # back to the screen's (its role changed)


def dress_scroll_bar(bar: QScrollBar, look: Look | None = None) -> None:
    """A thin scroll bar: the one widget still styled by a (tiny, per-widget) style sheet."""
    sheet = _scroll_bar_sheet((look or current()).palette)
    if bar.styleSheet() != sheet:
        bar.setStyleSheet(sheet)


def _scroll_bar_sheet(palette: Palette) -> str:
    return (
        "QScrollBar:vertical { width: 14px; background: transparent; }"
        f"QScrollBar::handle:vertical {{ background: {palette.border}; border-radius: 7px;"
        " min-height: 80px; }"
        "QScrollBar::add-line, QScrollBar::sub-line { height: 0; }"
        "QScrollBar::add-page, QScrollBar::sub-page { background: transparent; }"
    )


def adopt(root: QWidget, look: Look) -> None:
    """Mark ``root`` as wearing ``look``: its palette and font are set; its children, made
    under that look, have theirs already."""
    root.setProperty("look", look)
    root.setPalette(qpalette(look.palette))
    root.setFont(font("", look))


def dress(root: QWidget, look: Look) -> None:
    """Give ``root`` and everything in it ``look`` (nothing if it has it already)."""
    if root.property("look") == look:
        return
    adopt(root, look)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel):
            dress_label(widget, look)
        elif isinstance(widget, QScrollBar):
            dress_scroll_bar(widget, look)
        else:
            dressing = getattr(widget, "dress", None)
            if callable(dressing):
                dressing(look)


Insets = tuple[int, int, int, int]  # left, top, right, bottom


@dataclass(frozen=True)
class Box:
    """A box to paint: ``border`` showing ``insets`` px on each side (left, top, right,
    bottom) around a ``fill``, corners of ``radius``."""

    fill: QColor
    border: QColor | None = None
    insets: Insets = (0, 0, 0, 0)
    radius: int = 0


CACHED_BOX_PIXELS = 40_000  # a button, not a row or a panel
BOX_CACHE_BYTES = 3 * 1024 * 1024
_boxes: OrderedDict[str, QPixmap] = OrderedDict()  # least recently used first


def paint_box(painter: QPainter, rect: QRect, box: Box) -> None:
    """Paint ``box`` over ``rect``: square boxes filled directly (no antialiasing needed),
    small rounded ones (buttons: most of what a page switch paints) drawn once per size and
    colours into a small cache and copied from there, bigger ones drawn."""
    if box.radius == 0:
        if box.border is not None and any(box.insets):
            painter.fillRect(rect, box.border)
        left, top, right, bottom = box.insets if box.border is not None else (0, 0, 0, 0)
        painter.fillRect(rect.adjusted(left, top, -right, -bottom), box.fill)
        return
    if rect.width() * rect.height() > CACHED_BOX_PIXELS:
        _draw_box(painter, QRectF(rect), box)
        return
    ratio = painter.device().devicePixelRatioF()
    key = f"box {rect.width()}x{rect.height()}@{ratio} {box}"
    pixmap = _boxes.get(key)
    if pixmap is None:
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        drawing = QPainter(pixmap)
        _draw_box(drawing, QRectF(0, 0, rect.width(), rect.height()), box)
        drawing.end()
        _boxes[key] = pixmap
        while sum(_bytes(cached) for cached in _boxes.values()) > BOX_CACHE_BYTES:
            _boxes.popitem(last=False)
    _boxes.move_to_end(key)
    painter.drawPixmap(rect.topLeft(), pixmap)


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4


def _draw_box(painter: QPainter, outer: QRectF, box: Box) -> None:
    radius, border, insets = box.radius, box.border, box.insets
    if border is not None and len(set(insets)) == 1 and insets[0]:
        # An even border, drawn as a style sheet draws it: the fill clipped to the shape
        # (a plain fill: fast), then the border stroked round it, antialiased.
        width = insets[0]
        shape = QPainterPath()
        shape.addRoundedRect(outer, radius, radius)
        painter.setClipPath(shape)
        painter.fillRect(outer, box.fill)
        painter.setClipping(False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        edge = outer.adjusted(half, half, -half, -half)
        painter.drawRoundedRect(edge, radius - half, radius - half)
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if border is not None and any(insets):
        # Bars along some sides (a callout's accent down its left): inside the rounded shape,
        # the fill, then each bar as a plain band; the shape's curve rounds their ends (a
        # bar drawn as a shape of its own left hooks at the corners).
        left, top, right, bottom = insets
        shape = QPainterPath()
        shape.addRoundedRect(outer, radius, radius)
        painter.setClipPath(shape)
        painter.fillRect(outer, box.fill)
        for band in (
            QRectF(outer.left(), outer.top(), left, outer.height()),
            QRectF(outer.left(), outer.top(), outer.width(), top),
            QRectF(outer.right() - right, outer.top(), right, outer.height()),
            QRectF(outer.left(), outer.bottom() - bottom, outer.width(), bottom),
        ):
            if band.width() > 0 and band.height() > 0:
                painter.fillRect(band, border)
        painter.setClipping(False)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(box.fill)
    painter.drawRoundedRect(outer, radius, radius)
