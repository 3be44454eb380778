"""Every screen, in three screen shapes and at 100% and 200% text: named, finger-sized,
well-spaced controls and large text that is never clipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, CHECKLIST, HOME, SUMMARY, is_staff_screen, topic_screen
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.scrolling import MoreBelow
from kiosk.ui.widgets import Panel, TouchButton
from kiosk.ui.window import KioskWindow
from tests.conftest import LANDSCAPE, PORTRAIT, SETTINGS, Finger, open_kiosk
from tests.e2e.layout_checks import (
    assert_controls_fit,
    assert_text_fits,
    on_window,
    visible_label,
    visible_on_window,
)

SMALL = (1280, 800)
UHD = (3840, 2160)
CASES = [
    pytest.param(size, scale, language, id=f"{size[0]}x{size[1]}-{round(scale * 100)}-{language}")
    for size, scales in (
        (LANDSCAPE, (1.0, 2.0)),
        (PORTRAIT, (1.0, 1.5, 2.0)),  # 150 % where a screen is narrow or short
        (SMALL, (1.0, 1.5, 2.0)),
        (UHD, (1.0, 2.0)),
    )
    for scale in scales
    for language in ("en", "es")
]
CHROME_MAX = 0.20  # of the window's height: the top bar with Back, Home and the choices


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


def open_at(
    qtbot: QtBot, size: tuple[int, int], scale: float, language: str, **options: object
) -> KioskWindow:
    kiosk = open_kiosk(qtbot, size, **options)
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
    if choice == "Español":  # one tap away, in the top bar
        finger.tap(bar.languages["es"])
    else:  # in the sheet "Aa" opens: opening it starts a session
        finger.tap(bar.sheet_button)
        sheet = kiosk.preferences.sheet
        assert sheet is not None and sheet.isVisible()
        [button] = [b for b in sheet.findChildren(TouchButton) if b.accessibleName() == choice]
        finger.tap(button)
    assert kiosk.current_screen() == "home"
    assert kiosk.idle_watcher.is_armed, "the choice would outlive the patient"


def primary_action(kiosk: KioskWindow, screen_id: str) -> QWidget | None:
    """What a patient came to the screen to do next, which must be in view without scrolling."""
    if screen_id == HOME and kiosk.home.show_checklist:
        return kiosk.home.checklist_tile
    if screen_id == CHECKLIST:
        return kiosk.checklist.see_list
    if screen_id == SUMMARY:
        return kiosk.summary.take_home
    return None


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_chrome_is_slim_and_the_main_action_in_view(
    qtbot: QtBot, size: tuple[int, int], scale: float, language: str
) -> None:
    kiosk = open_at(qtbot, size, scale, language)
    for screen_id, screen in each_screen(kiosk):
        if is_staff_screen(screen_id):
            continue
        window = kiosk.rect()
        bars = [p for p in screen.findChildren(Panel) if p.objectName() == "TopBar"]
        for bar in bars:
            assert bar.height() <= CHROME_MAX * window.height(), (
                f"{screen_id}: top bar {bar.height()} px of {window.height()}"
            )
        access = screen.findChild(AccessBar)
        assert access is not None and access.isVisible(), screen_id
        one_row = max(b.height() for b in access.findChildren(TouchButton) if b.isVisible())
        assert access.height() <= one_row, f"{screen_id}: the choices wrap"
        assert window.contains(on_window(access, kiosk)), f"{screen_id}: choices off screen"
        if (action := primary_action(kiosk, screen_id)) is not None:
            seen = visible_on_window(action, kiosk)
            assert seen == on_window(action, kiosk) and window.contains(seen), (
                f"{screen_id}: {visible_label(action)!r} is not in view"  # type: ignore[arg-type]
            )
        area = getattr(screen, "scroll_area", None)
        if isinstance(area, QScrollArea):
            cue, bar = area.findChild(MoreBelow), area.verticalScrollBar()
            assert cue is not None
            assert cue.isVisible() == (bar.maximum() > bar.value()), f"{screen_id}: more below?"
            bar.setValue(bar.maximum())
            assert not cue.isVisible(), f"{screen_id}: 'more below' at the end of the page"
            bar.setValue(0)


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_overlays_fit_and_show_all_their_text(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int], scale: float, language: str
) -> None:
    """The idle warning, the sheet of choices (with speech on: every choice it has) and the
    take-home card, over a patient screen."""
    speaking = tmp_path / "settings.yaml"
    speech = "features:\n  read_aloud: true\n  speech_engine: mock\n"
    speaking.write_text(SETTINGS.read_text(encoding="utf-8") + speech, encoding="utf-8")
    kiosk = open_at(qtbot, size, scale, language, config_path=speaking)
    kiosk.go(SUMMARY)
    kiosk.overlay.start(30)
    kiosk.preferences.open_sheet()
    kiosk.open_take_home()
    sheet = kiosk.preferences.sheet
    assert sheet is not None and sheet.touch_to_hear.isVisibleTo(sheet)
    for overlay in (kiosk.overlay, sheet, kiosk.take_home):
        overlay.raise_()
        for _ in range(3):
            QApplication.processEvents()
        assert overlay.isVisible(), overlay.objectName()
        assert_text_fits(kiosk, overlay.objectName(), overlay, size, scale)
        assert_controls_fit(kiosk, overlay.objectName(), overlay)


@pytest.mark.parametrize(("size", "scale", "language"), CASES)
def test_lines_hold_45_to_75_characters_where_the_screen_allows(
    qtbot: QtBot, size: tuple[int, int], scale: float, language: str
) -> None:
    kiosk = open_at(qtbot, size, scale, language)
    for page in kiosk.pack.language().pages:
        kiosk.go(topic_screen(page.id))
        QApplication.processEvents()
        screen = kiosk.screens[topic_screen(page.id)]
        column = screen.title.parentWidget()  # type: ignore[attr-defined]
        body = next(label for label in screen.findChildren(QLabel) if not label.property("role"))
        chars = column.width() / QFontMetrics(body.font()).averageCharWidth()
        assert chars <= 75, f"{page.id}: lines of {chars:.0f} characters"
        room = screen.scroll_area.viewport().width() - 2 * 56  # type: ignore[attr-defined]
        if column.width() < 0.95 * room:  # narrower than the screen allows: by choice
            assert chars >= 45, f"{page.id}: lines of {chars:.0f} characters"
