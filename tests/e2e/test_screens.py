"""Every screen, in three screen shapes and at 100% and 200% text: named, finger-sized,
well-spaced controls and large text that is never clipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, is_staff_screen
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.widgets import TouchButton
from kiosk.ui.window import KioskWindow
from tests.conftest import LANDSCAPE, PORTRAIT, Finger, open_kiosk
from tests.e2e.layout_checks import assert_controls_fit, assert_text_fits

SMALL = (1280, 800)
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
        assert_controls_fit(kiosk, screen_id, screen)


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_text_is_large_and_never_clipped(
    qtbot: QtBot, size: tuple[int, int], scale: float, language: str
) -> None:
    kiosk = open_at(qtbot, size, scale, language)
    for screen_id, screen in each_screen(kiosk):
        assert_text_fits(kiosk, screen_id, screen, size, scale)


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
