"""Every patient control shows it is pressed the moment a finger is on it, on every screen:
a tap that shows nothing until the screen changes feels broken."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.ui.widgets import CheckRow
from kiosk.ui.window import KioskWindow

from ..conftest import open_kiosk


def controls_in_view(kiosk: KioskWindow) -> list[QAbstractButton]:
    """The enabled buttons a patient can touch, scrolling to each (as a patient would)."""
    return [
        button
        for button in kiosk.findChildren(QAbstractButton)
        if button.isVisible() and button.isEnabled() and button is not kiosk.attract
        if scroll_to(kiosk, button)
    ]


def scroll_to(kiosk: KioskWindow, button: QAbstractButton) -> bool:
    """Scroll ``button`` into view if it is on a page; is it then there to touch?"""
    for area in kiosk.findChildren(QScrollArea):
        page = area.widget()
        if area.isVisible() and page is not None and page.isAncestorOf(button):
            area.ensureWidgetVisible(button, 0, 200)
            QApplication.processEvents()
    hit = kiosk.childAt(button.mapTo(kiosk, button.rect().center()))
    return hit is not None and (hit is button or button.isAncestorOf(hit))


def press_and_look(kiosk: KioskWindow, button: QAbstractButton) -> bool:
    """Hold a (mouse-emulated) finger on ``button``: does it look different at once? The
    finger then slides off and lifts, which presses nothing."""
    handle = kiosk.windowHandle()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    assert scroll_to(kiosk, button)
    before = button.grab().toImage()
    QTest.mousePress(handle, left, none, button.mapTo(kiosk, button.rect().center()))
    QApplication.processEvents()
    down, during = button.isDown(), button.grab().toImage()
    QTest.mouseRelease(handle, left, none, QPoint(kiosk.width() // 2, kiosk.height() - 2))
    QApplication.processEvents()
    assert not button.isDown()
    return down and during != before


@pytest.mark.parametrize("screen", ["home", "topic", "checklist", "summary"])
def test_every_control_shows_it_is_pressed(qtbot: QtBot, screen: str) -> None:
    kiosk = open_kiosk(qtbot)
    first = kiosk.pack.language().pages[0].id
    screen_id = {"home": HOME, "topic": topic_screen(first), "checklist": CHECKLIST}.get(
        screen, SUMMARY
    )
    if screen_id == SUMMARY:
        kiosk.session.set_ticked(kiosk.pack.language().checklist.items()[0].id, True)
    kiosk.go(screen_id)
    QApplication.processEvents()
    controls = controls_in_view(kiosk)
    assert len(controls) >= 4
    rows = [button for button in controls if isinstance(button, CheckRow)]
    assert screen != "checklist" or len(rows) == len(kiosk.pack.language().checklist.items())
    answers = set(kiosk.session.ticked)
    for button in controls:
        assert press_and_look(kiosk, button), f"{button.accessibleName()!r} shows no press"
        assert kiosk.current_screen() == screen_id, "sliding off a control presses nothing"
    assert set(kiosk.session.ticked) == answers


def test_the_choices_sheet_shows_presses_too(qtbot: QtBot) -> None:
    kiosk = open_kiosk(qtbot)
    kiosk.go(HOME)
    kiosk.preferences.open_sheet()
    QApplication.processEvents()
    sheet = kiosk.preferences.sheet
    assert sheet is not None
    controls = [button for button in controls_in_view(kiosk) if sheet.isAncestorOf(button)]
    assert len(controls) >= 5
    for button in controls:
        assert press_and_look(kiosk, button), f"{button.accessibleName()!r} shows no press"
