"""Screens change calmly and never make a patient wait: the new screen is there at once under
a veil that clears by itself, and a tap during the veil lands on the new screen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.core.session import HOME, topic_screen
from kiosk.ui.transition import FADE_MS
from kiosk.ui.window import KioskWindow

from ..conftest import Finger


def test_a_new_screen_fades_in_and_takes_taps_at_once(
    kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    assert kiosk.fade.isVisible() and kiosk.fade.cover > 0
    first = kiosk.home.grid.tiles[0]
    finger.tap(first)  # through the veil, at once: no transition to wait for
    topic = topic_screen(kiosk.pack.language().pages[0].id)
    assert kiosk.current_screen() == topic
    screen = kiosk.screens[topic]
    veiled = kiosk.grab().toImage()
    qtbot.waitUntil(lambda: not kiosk.fade.isVisible(), timeout=FADE_MS * 10)
    assert kiosk.fade.cover == 0
    clear = kiosk.grab().toImage()
    assert veiled != clear, "the veil was drawn over the new screen"
    title = screen.title.mapTo(kiosk, screen.title.rect().topLeft())
    ink = [clear.pixelColor(title.x() + x, title.y() + y) for x in range(200) for y in range(40)]
    assert min(colour.lightness() for colour in ink) < 60, "the title in full ink once clear"


def test_the_same_screen_again_does_not_fade(kiosk: KioskWindow, qtbot: QtBot) -> None:
    kiosk.go(HOME)
    qtbot.waitUntil(lambda: not kiosk.fade.isVisible(), timeout=FADE_MS * 10)
    kiosk.go(HOME)
    assert not kiosk.fade.isVisible()
