"""Every screen in both orientations: named controls, finger-sized targets, large unclipped text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.theme import MIN_TARGET_PX
from kiosk.ui.widgets import Tile
from kiosk.ui.window import KioskWindow
from tests.conftest import LANDSCAPE, PORTRAIT, open_kiosk

MIN_BODY_PX = 28


def each_screen(kiosk: KioskWindow) -> list[tuple[str, QWidget]]:
    shown = []
    for screen_id in list(kiosk.screens):
        if screen_id == "attract":
            kiosk.reset()
        else:
            kiosk.go(screen_id)
        QApplication.processEvents()
        QApplication.processEvents()
        shown.append((screen_id, kiosk.screens[screen_id]))
    return shown


def visible_label(button: QAbstractButton) -> str:
    if isinstance(button, Tile):
        return button.title_label.text()
    labels = [
        child.text() for child in button.findChildren(QLabel) if child.property("role") == "pill"
    ]
    return labels[0] if labels else button.text()


def controls(screen: QWidget) -> list[QAbstractButton]:
    found = screen.findChildren(QAbstractButton)
    if isinstance(screen, QAbstractButton):
        found.append(screen)
    return [button for button in found if button.isVisibleTo(screen) or button is screen]


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_every_control_is_named_and_finger_sized(qtbot: QtBot, size: tuple[int, int]) -> None:
    kiosk = open_kiosk(qtbot, size)
    for screen_id, screen in each_screen(kiosk):
        buttons = controls(screen)
        assert buttons, f"{screen_id} has no controls"
        for button in buttons:
            name = button.accessibleName()
            assert name, f"unnamed control on {screen_id}"
            assert name == visible_label(button), f"{screen_id}: {name!r} differs from its label"
            assert button.height() >= MIN_TARGET_PX, (
                f"{screen_id}: {name!r} is {button.height()} px tall"
            )
            assert button.width() >= MIN_TARGET_PX, (
                f"{screen_id}: {name!r} is {button.width()} px wide"
            )


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_text_is_large_and_never_clipped(qtbot: QtBot, size: tuple[int, int]) -> None:
    kiosk = open_kiosk(qtbot, size)
    for screen_id, screen in each_screen(kiosk):
        for label in screen.findChildren(QLabel):
            if not label.isVisibleTo(screen) or not label.text():
                continue
            where = f"{screen_id} {label.text()[:40]!r}"
            assert label.font().pixelSize() >= MIN_BODY_PX, f"{where} is under {MIN_BODY_PX} px"
            if label.wordWrap():
                needed = label.heightForWidth(label.width())
                assert label.height() >= needed, f"{where}: {label.height()} px < {needed} px"
            else:
                assert label.width() >= label.sizeHint().width(), f"{where} is cut off"
            right = label.mapTo(kiosk, label.rect().topRight()).x()
            assert right <= kiosk.width(), f"{where} runs off the screen"


def test_home_tiles_do_not_overlap(qtbot: QtBot) -> None:
    for size in (LANDSCAPE, PORTRAIT):
        kiosk = open_kiosk(qtbot, size)
        kiosk.go("home")
        QApplication.processEvents()
        tiles = kiosk.home.grid.tiles
        for index, tile in enumerate(tiles):
            for other in tiles[index + 1 :]:
                assert not tile.geometry().intersects(other.geometry())
