"""A talking touchscreen, for patients who can touch but not read: turned on in the "Aa" sheet,
a first touch says what is under the finger and a second touch on it chooses it. Driven by
touch events on the window (and, once, by the mouse events of a panel that reports itself as a
mouse); what the kiosk hands Qt's mock speech engine is recorded in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, CHECKLIST, HOME, topic_screen
from kiosk.ui.widgets import CheckRow
from kiosk.ui.window import KioskWindow

from ..conftest import Finger, open_kiosk, short_idle_settings

SPEECH = "features:\n  read_aloud: true\n  speech_engine: mock\n"


def speaking_kiosk(qtbot: QtBot, settings: object) -> tuple[KioskWindow, list[str]]:
    kiosk = open_kiosk(qtbot, config_path=settings)
    said: list[str] = []
    kiosk.read_aloud.said.connect(said.append)
    return kiosk, said


@pytest.fixture
def talking(qtbot: QtBot, tmp_path: Path) -> tuple[KioskWindow, list[str]]:
    """The kiosk on home, the talking touchscreen turned on in the sheet by touch."""
    path = tmp_path / "settings.yaml"
    path.write_text(SPEECH, encoding="utf-8")
    kiosk, said = speaking_kiosk(qtbot, path)
    turn_on(kiosk)
    return kiosk, said


def sheet_button(kiosk: KioskWindow) -> QAbstractButton:
    """The "Aa" control of the screen shown."""
    [bar] = [bar for bar in kiosk.preferences.bars if bar.isVisible()]
    return bar.sheet_button


def turn_on(kiosk: KioskWindow) -> None:
    finger = Finger()
    finger.tap(kiosk.attract)
    finger.tap(sheet_button(kiosk))
    sheet = kiosk.preferences.sheet
    assert sheet is not None and sheet.touch_to_hear.isVisible()
    finger.tap(sheet.touch_to_hear)
    assert kiosk.talking_touch.active and not sheet.isVisible()


def test_a_first_touch_says_and_a_second_chooses(talking: tuple[KioskWindow, list[str]]) -> None:
    kiosk, said = talking
    finger, strings = Finger(), kiosk.language.strings
    assert said == [strings.touch_to_hear_start]
    [tile, *_] = kiosk.home.grid.tiles
    finger.tap_row(kiosk.home.scroll_area, tile)
    assert kiosk.current_screen() == HOME, "the first touch only says"
    assert said[-1] == kiosk.keypad.words(tile) and tile.accessibleName() in said[-1]
    assert kiosk.keypad.ring.isVisible() and kiosk.keypad.ring.target is tile
    finger.tap(tile)  # the second touch chooses
    assert kiosk.current_screen().startswith(topic_screen(""))
    page = kiosk.stack.currentWidget()
    labels = [label for label in page.findChildren(QLabel) if label.isVisible()]
    [title] = [label for label in labels if label.property("role") == "h1"]
    assert said[-1] == title.text() == tile.accessibleName(), "the new screen says its title"
    text = next(label for label in labels if not label.property("role") and len(label.text()) > 40)
    finger.tap(text)
    assert said[-1] == text.text(), "a text is said at each touch"
    finger.tap(text)
    assert said[-2:] == [text.text(), text.text()]


def test_a_checklist_row_is_said_with_its_state_then_ticked(
    talking: tuple[KioskWindow, list[str]],
) -> None:
    kiosk, said = talking
    finger, strings = Finger(), kiosk.language.strings
    tile = kiosk.home.checklist_tile
    finger.tap_row(kiosk.home.scroll_area, tile)
    finger.tap(tile)
    assert kiosk.current_screen() == CHECKLIST
    row = next(iter(kiosk.checklist.rows.values()))
    finger.tap_row(kiosk.checklist.scroll_area, row)
    assert not row.isChecked() and said[-1].startswith(
        f"{row.accessibleName()}, {strings.not_ticked}"
    )
    finger.tap(row)
    assert row.isChecked() and said[-1].startswith(f"{row.accessibleName()}, {strings.ticked}")
    assert kiosk.session.ticked, "the answer is the session's, as by a plain touch"


def test_a_drag_scrolls_and_says_nothing(
    qtbot: QtBot, talking: tuple[KioskWindow, list[str]]
) -> None:
    kiosk, said = talking
    finger = Finger()
    tile = kiosk.home.checklist_tile
    finger.tap_row(kiosk.home.scroll_area, tile)
    finger.tap(tile)
    area = kiosk.checklist.scroll_area
    heard = len(said)
    finger.mouse_drag(area.viewport(), -300)  # a panel that reports itself as a mouse
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert len(said) == heard and not kiosk.session.ticked
    assert not isinstance(kiosk.keypad.current, CheckRow), "nothing was chosen or marked"


def test_mouse_emulated_taps_say_then_choose(talking: tuple[KioskWindow, list[str]]) -> None:
    kiosk, said = talking
    finger = Finger()
    tile = kiosk.home.checklist_tile
    kiosk.home.scroll_area.ensureWidgetVisible(tile, 0, 120)
    finger.mouse_tap(tile)
    assert kiosk.current_screen() == HOME and said[-1] == kiosk.keypad.words(tile)
    finger.mouse_tap(tile)
    assert kiosk.current_screen() == CHECKLIST


def test_back_and_the_sheet_are_said_first_too(talking: tuple[KioskWindow, list[str]]) -> None:
    kiosk, said = talking
    finger, strings = Finger(), kiosk.language.strings
    tile = kiosk.home.checklist_tile
    finger.tap_row(kiosk.home.scroll_area, tile)
    finger.tap(tile)
    [back] = [
        button
        for button in kiosk.checklist.findChildren(QAbstractButton)
        if button.isVisible() and button.accessibleName() == strings.back
    ]
    finger.tap(back)
    assert (
        kiosk.current_screen() == CHECKLIST and said[-1] == f"{strings.back}, {strings.button_word}"
    )
    finger.tap(back)
    assert kiosk.current_screen() == HOME
    # Off again the same way: the sheet's choice is said, then chosen.
    finger.tap(sheet_button(kiosk))
    finger.tap(sheet_button(kiosk))
    sheet = kiosk.preferences.sheet
    assert sheet is not None and sheet.isVisible() and sheet.touch_to_hear.isChecked()
    finger.tap(sheet.touch_to_hear)
    assert strings.touch_to_hear in said[-1] and kiosk.talking_touch.active
    finger.tap(sheet.touch_to_hear)
    assert not kiosk.talking_touch.active and not sheet.isVisible()
    finger.tap_row(kiosk.home.scroll_area, tile)
    assert kiosk.current_screen() == CHECKLIST, "one touch chooses again"


def test_a_reset_ends_it_for_the_next_patient(talking: tuple[KioskWindow, list[str]]) -> None:
    kiosk, _ = talking
    kiosk.reset()
    assert not kiosk.talking_touch.active and not kiosk.keypad.ring.isVisible()
    finger = Finger()
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    assert kiosk.current_screen() == CHECKLIST, "a plain touch chooses at once"


def test_the_idle_warning_is_heard_with_a_chime_and_its_last_seconds(
    qtbot: QtBot, tmp_path: Path
) -> None:
    quick = short_idle_settings(tmp_path, timeout=0.6, warning=3.5)
    with quick.path.open("a", encoding="utf-8") as settings:
        settings.write(SPEECH + "  speech_volume: 0.4\n")
    kiosk = open_kiosk(qtbot, config_path=quick)
    heard: list[str] = []
    kiosk.audible_warning.chime.played.connect(lambda volume: heard.append(f"chime {volume}"))
    kiosk.read_aloud.said.connect(heard.append)
    turn_on(kiosk)
    strings = kiosk.language.strings
    qtbot.waitUntil(kiosk.overlay.isVisible)
    qtbot.waitUntil(lambda: any(words.startswith(strings.still_there_title) for words in heard))
    chime = heard.index("chime 0.4")
    warning = next(
        i for i, words in enumerate(heard) if words.startswith(strings.still_there_title)
    )
    assert chime < warning, "the chime comes first, at the patient's volume"
    qtbot.waitUntil(lambda: heard[-1] == "1", timeout=5000)  # the last seconds, counted aloud
    assert not any(words.isdigit() for words in heard[:warning]), "never before the warning"
    counted = heard[warning + 1 :]  # from the first tick after the words: "3" when on time
    assert len(counted) >= 2 and counted == [str(n) for n in range(len(counted), 0, -1)]
    qtbot.waitUntil(lambda: kiosk.current_screen() == ATTRACT, timeout=5000)
    assert not kiosk.talking_touch.active


def test_headphones_only_keeps_every_sound_off_the_loudspeaker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """features.speech_output: headphones, and no headphones (here no audio server at all):
    the sheet says how to listen, and nothing is said or chimed, touched or idle."""
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse/native")
    quick = short_idle_settings(tmp_path, timeout=0.6, warning=2.5)
    with quick.path.open("a", encoding="utf-8") as settings:
        settings.write(SPEECH + "  speech_output: headphones\n")
    kiosk, said = speaking_kiosk(qtbot, quick)
    chimes: list[float] = []
    kiosk.audible_warning.chime.played.connect(chimes.append)
    finger = Finger()
    finger.tap(kiosk.attract)
    finger.tap(sheet_button(kiosk))
    sheet = kiosk.preferences.sheet
    assert sheet is not None and sheet.headphones_hint.isVisible()
    assert sheet.headphones_hint.text() == kiosk.language.strings.headphones_hint
    finger.tap(sheet.read_aloud)
    finger.tap(sheet_button(kiosk))
    finger.tap(sheet.touch_to_hear)
    assert kiosk.talking_touch.active
    qtbot.waitUntil(kiosk.overlay.isVisible)  # left alone: the idle warning
    qtbot.waitUntil(lambda: kiosk.current_screen() == ATTRACT, timeout=4000)
    assert said == [] and chimes == []


def test_the_hint_is_only_where_speech_is_for_headphones(
    talking: tuple[KioskWindow, list[str]],
) -> None:
    kiosk, said = talking
    finger = Finger()
    button = sheet_button(kiosk)
    finger.tap(button)  # said
    assert said[-1] == kiosk.keypad.words(button), "the speaker setting speaks"
    finger.tap(button)  # opened
    sheet = kiosk.preferences.sheet
    assert sheet is not None and sheet.isVisible() and not sheet.headphones_hint.isVisible()
