"""Every screen, in three screen shapes and at 100% and 200% text: named, finger-sized,
well-spaced controls and large text that is never clipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import ATTRACT, is_staff_screen
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.theme import target_px
from kiosk.ui.widgets import CheckRow, Tile, TouchButton
from kiosk.ui.window import KioskWindow
from tests.conftest import LANDSCAPE, PORTRAIT, Finger, open_kiosk

SMALL = (1280, 800)
MIN_BODY_PX = 28
# 20 mm on the configured (default 24-inch 1080p) screen, and 2 mm between neighbours.
MIN_TARGET = target_px(1920, 1080, 24)
MIN_GAP = round(MIN_TARGET / 10)
CASES = [
    pytest.param(size, scale, language, id=f"{size[0]}x{size[1]}-{round(scale * 100)}-{language}")
    for size in (LANDSCAPE, PORTRAIT, SMALL)
    for scale in (1.0, 2.0)
    for language in ("en", "es")
    if language == "en" or scale == 2.0
]


def each_screen(kiosk: KioskWindow) -> Iterator[tuple[str, QWidget]]:
    """Show every screen in turn (the check runs while it is on screen).

    The welcome and staff screens only ever show the clinic's defaults: choosing a text size
    or language on the welcome screen starts the session (see
    test_patient_choices_on_the_welcome_screen_start) and staff mode starts with a reset, so
    they are checked in the 100%, default-language cases only.
    """
    language, scale = kiosk.language.code, kiosk.session.text_scale
    defaults = (language, scale) == (kiosk.settings.languages.default, 1.0)
    for screen_id in list(kiosk.screens):
        if (screen_id == ATTRACT or is_staff_screen(screen_id)) and not defaults:
            continue
        if screen_id == ATTRACT:
            kiosk.reset()
        else:
            kiosk.go(screen_id)
        for _ in range(3):
            QApplication.processEvents()
        yield screen_id, kiosk.screens[screen_id]


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


def open_at(qtbot: QtBot, size: tuple[int, int], scale: float, language: str) -> KioskWindow:
    kiosk = open_kiosk(qtbot, size)
    kiosk.set_language(language)
    kiosk.set_text_scale(scale)
    return kiosk


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_controls_are_named_finger_sized_and_apart(
    qtbot: QtBot, size: tuple[int, int], scale: float, language: str
) -> None:
    kiosk = open_at(qtbot, size, scale, language)
    for screen_id, screen in each_screen(kiosk):
        buttons = controls(screen)
        assert buttons, f"{screen_id} has no controls"
        for button in buttons:
            name = button.accessibleName()
            assert name, f"unnamed control on {screen_id}"
            assert name == visible_label(button), f"{screen_id}: {name!r} differs from its label"
            assert min(button.width(), button.height()) >= MIN_TARGET, (
                f"{screen_id}: {name!r} is {button.width()}x{button.height()} px"
            )
        nested = {
            b for b in buttons for other in buttons if other is not b and other.isAncestorOf(b)
        }
        rects = [
            (b.accessibleName(), visible_on_window(b, kiosk))
            for b in buttons
            if b not in nested and not b.visibleRegion().isEmpty()
        ]
        for index, (name, rect) in enumerate(rects):
            for other, other_rect in rects[index + 1 :]:
                assert gap(rect, other_rect) >= MIN_GAP, f"{screen_id}: {name!r} touches {other!r}"


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_text_is_large_and_never_clipped(
    qtbot: QtBot, size: tuple[int, int], scale: float, language: str
) -> None:
    kiosk = open_at(qtbot, size, scale, language)
    window = QRect(0, 0, *size)
    for screen_id, screen in each_screen(kiosk):
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


def ancestors(widget: QWidget, stop: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def test_home_tiles_do_not_overlap(qtbot: QtBot) -> None:
    for size in (LANDSCAPE, PORTRAIT):
        kiosk = open_kiosk(qtbot, size)
        kiosk.go("home")
        QApplication.processEvents()
        tiles = kiosk.home.grid.tiles
        for index, tile in enumerate(tiles):
            for other in tiles[index + 1 :]:
                assert not tile.geometry().intersects(other.geometry())


@pytest.mark.parametrize("choice", ["200%", "High contrast", "Español"])
def test_patient_choices_on_the_welcome_screen_start(
    kiosk: KioskWindow, finger: Finger, choice: str
) -> None:
    bar = kiosk.attract.findChild(AccessBar)
    assert bar is not None
    [button] = [b for b in bar.findChildren(TouchButton) if b.accessibleName() == choice]
    finger.tap(button)
    assert kiosk.current_screen() == "home"
    assert kiosk.idle_watcher.is_armed, "the choice would outlive the patient"
