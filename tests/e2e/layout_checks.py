"""What every screen must look like at any window size: named, finger-sized, well-spaced
controls, and large text that is never clipped or off screen. Shared by the screen tests."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from kiosk.ui.theme import target_px
from kiosk.ui.widgets import CheckRow, Tile
from kiosk.ui.window import KioskWindow

MIN_BODY_PX = 28
# 20 mm on the configured (default 24-inch 1080p) screen, and 2 mm between neighbours.
MIN_TARGET = target_px(1920, 1080, 24)
MIN_GAP = round(MIN_TARGET / 10)


def visible_label(button: QAbstractButton) -> str:
    if isinstance(button, Tile):
        return button.title_label.text()
    if isinstance(button, CheckRow):
        return button.label.text()
    pills = [
        child.text() for child in button.findChildren(QLabel) if child.property("role") == "pill"
    ]
    return pills[0] if pills else button.text()


def controls(screen: QWidget) -> list[QAbstractButton]:
    found = [b for b in screen.findChildren(QAbstractButton) if b.isVisibleTo(screen)]
    return [*found, screen] if isinstance(screen, QAbstractButton) else found


def on_window(widget: QWidget, kiosk: KioskWindow) -> QRect:
    return QRect(widget.mapTo(kiosk, widget.rect().topLeft()), widget.size())


def visible_on_window(widget: QWidget, kiosk: KioskWindow) -> QRect:
    """The part of ``widget`` a finger can reach (scroll areas hide the rest)."""
    visible = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(kiosk, visible.topLeft()), visible.size())


def gap(a: QRect, b: QRect) -> int:
    dx = max(b.left() - a.right(), a.left() - b.right(), 0)
    dy = max(b.top() - a.bottom(), a.top() - b.bottom(), 0)
    return max(dx, dy)


def ancestors(widget: QWidget, stop: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def assert_controls_fit(
    kiosk: KioskWindow, screen_id: str, screen: QWidget, min_target: int = MIN_TARGET
) -> None:
    """Every control on ``screen`` is named by its label, finger-sized and apart from the rest."""
    buttons = controls(screen)
    assert buttons, f"{screen_id} has no controls"
    for button in buttons:
        name = button.accessibleName()
        assert name, f"unnamed control on {screen_id}"
        assert name == visible_label(button), f"{screen_id}: {name!r} differs from its label"
        assert min(button.width(), button.height()) >= min_target, (
            f"{screen_id}: {name!r} is {button.width()}x{button.height()} px"
        )
    nested = {b for b in buttons for other in buttons if other is not b and other.isAncestorOf(b)}
    for button in buttons:  # outside a scroll area, nothing may cut a control short
        scrolled = any(isinstance(p, QScrollArea) for p in ancestors(button, kiosk))
        if not scrolled and button not in nested:
            shown = button.visibleRegion().boundingRect().size()
            assert shown == button.size(), (
                f"{screen_id}: {button.accessibleName()!r} shows {shown.width()}x"
                f"{shown.height()} px of {button.width()}x{button.height()}"
            )
    rects = [
        (b.accessibleName(), visible_on_window(b, kiosk))
        for b in buttons
        if b not in nested and not b.visibleRegion().isEmpty()
    ]
    min_gap = round(min_target / 10)
    for index, (name, rect) in enumerate(rects):
        for other, other_rect in rects[index + 1 :]:
            assert gap(rect, other_rect) >= min_gap, f"{screen_id}: {name!r} touches {other!r}"


def assert_text_fits(
    kiosk: KioskWindow, screen_id: str, screen: QWidget, size: tuple[int, int], scale: float
) -> None:
    """Every label on ``screen`` is large, shows all its text and stays on a ``size`` window."""
    window = QRect(0, 0, *size)
    for label in screen.findChildren(QLabel):
        if not label.isVisibleTo(screen) or not label.text():
            continue
        where = f"{screen_id} {label.text()[:40]!r}"
        assert label.font().pixelSize() >= round(MIN_BODY_PX * scale), f"{where} is small"
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, f"{where}: {label.height()} px < {needed} px"
        else:
            assert label.width() >= label.sizeHint().width(), f"{where} is cut off"
        rect = on_window(label, kiosk)
        assert rect.right() <= window.right(), f"{where} runs off the right edge"
        scrolled = any(isinstance(p, QScrollArea) for p in ancestors(label, screen))
        if not scrolled:
            assert window.contains(rect), f"{where} is outside the screen: {rect}"
