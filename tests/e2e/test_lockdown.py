"""Patients cannot leave the kiosk: close requests, escape keys, menus and tooltips do nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.session import HOME
from kiosk.runtime.lockdown import KioskGuard
from kiosk.ui.window import KioskWindow

ESCAPES = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Super_L, Qt.KeyboardModifier.NoModifier),
]


def guard_of(kiosk: KioskWindow) -> KioskGuard:
    guard = kiosk.findChild(KioskGuard)
    assert guard is not None
    return guard


def test_closing_the_window_leaves_it_open(kiosk: KioskWindow) -> None:
    assert kiosk.close() is False
    assert kiosk.isVisible()
    QApplication.processEvents()
    assert kiosk.isVisible()


@pytest.mark.parametrize(("key", "modifiers"), ESCAPES, ids=lambda v: getattr(v, "name", v))
def test_escape_keys_are_swallowed(
    kiosk: KioskWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    kiosk.go(HOME)
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert QApplication.sendEvent(kiosk, event) is True, "the guard did not take the key"
    QTest.keyClick(kiosk, key, modifiers)
    assert kiosk.isVisible() and kiosk.current_screen() == HOME


def test_ordinary_keys_pass(kiosk: KioskWindow) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert guard_of(kiosk).eventFilter(kiosk, event) is False


def test_context_menus_and_tooltips_never_open(kiosk: KioskWindow) -> None:
    kiosk.go(HOME)
    tile = kiosk.home.grid.tiles[0]
    tile.setToolTip("should never show")
    menu = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), tile.mapToGlobal(QPoint(5, 5))
    )
    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), tile.mapToGlobal(QPoint(5, 5)))
    assert QApplication.sendEvent(tile, menu) is True
    assert QApplication.sendEvent(tile, tip) is True
    assert kiosk.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_unlocked_guard_lets_keys_through(kiosk: KioskWindow) -> None:
    guard = guard_of(kiosk)
    guard.locked = False
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert guard.eventFilter(kiosk, event) is False


def test_window_close_is_allowed_only_when_staff_say_so(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.allow_close = True
    assert kiosk.close() is True
    assert not kiosk.isVisible()
