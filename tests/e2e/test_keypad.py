"""A patient who cannot use the touch screen: a keypad (here, key events on the window and
nothing else) takes them through the whole kiosk, each step spoken by the speech engine
(Qt's mock engine; what the kiosk hands it is recorded in order)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.colors import contrast
from kiosk.core.session import ATTRACT, CHECKLIST, HOME, STAFF_PIN, SUMMARY, topic_screen
from kiosk.ui.keypad import GAP, RING
from kiosk.ui.widgets import CheckRow
from kiosk.ui.window import KioskWindow

from ..conftest import open_kiosk, short_idle_settings

STEPS = 400  # more key presses than any screen has items


@pytest.fixture
def keyed(qtbot: QtBot, tmp_path: Path) -> tuple[KioskWindow, list[str]]:
    path = tmp_path / "settings.yaml"
    path.write_text("features:\n  read_aloud: true\n  speech_engine: mock\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=path)
    said: list[str] = []
    kiosk.read_aloud.said.connect(said.append)
    return kiosk, said


def key(kiosk: KioskWindow, name: Qt.Key) -> None:
    QApplication.processEvents()
    target = QApplication.focusWidget() or kiosk  # where the window system delivers keys
    QTest.keyClick(target, name)
    QApplication.processEvents()


def down_to(kiosk: KioskWindow, found: Callable[[QWidget | None], bool]) -> QWidget:
    """Press Down until the keypad is on an item that ``found`` accepts."""
    for _ in range(STEPS):
        if found(kiosk.keypad.current):
            assert kiosk.keypad.current is not None
            return kiosk.keypad.current
        key(kiosk, Qt.Key.Key_Down)
    raise AssertionError("never reached by the keypad")


def named(name: str) -> Callable[[QWidget | None], bool]:
    return lambda item: isinstance(item, QAbstractButton) and item.accessibleName() == name


def test_a_whole_journey_by_keys_alone_is_spoken(keyed: tuple[KioskWindow, list[str]]) -> None:
    kiosk, said = keyed
    journey(kiosk, said, lambda: key(kiosk, Qt.Key.Key_Return))


def journey(kiosk: KioskWindow, said: list[str], choose: Callable[[], None]) -> None:
    """Welcome, every topic, the checklist with two rows ticked, the summary, take-home and
    home, by keys alone (``choose`` presses Enter), checking each step's words in order."""
    english = kiosk.language
    strings = english.strings
    assert kiosk.current_screen() == ATTRACT
    key(kiosk, Qt.Key.Key_Down)  # the first key starts, and says how the keys work
    assert kiosk.current_screen() == HOME and kiosk.keypad.active
    assert said == [f"{strings.keypad_start} {strings.home_title}"]
    for index, page in enumerate(english.pages):
        tile = down_to(kiosk, named(page.title)) if index == 0 else None
        if tile is not None:
            choose()
        assert kiosk.current_screen() == topic_screen(page.id)
        assert said[-1] == page.title, "each page starts with its title"
        point = page.key_points[0]  # its text is read as the keys reach it
        down_to(kiosk, lambda item: isinstance(item, QLabel) and item.text() == point)  # noqa: B023
        assert said[-1] == point
        if index + 1 < len(english.pages):
            down_to(kiosk, named(strings.next_topic))
            assert said[-1].startswith(f"{strings.next_topic}. {english.pages[index + 1].title}")
            choose()
    down_to(kiosk, named(english.checklist.title))  # the last page's tile to the checklist
    choose()
    assert kiosk.current_screen() == CHECKLIST and said[-1] == english.checklist.title
    ticked = []
    for item in english.checklist.items()[:2]:
        row = down_to(kiosk, named(item.label))
        assert said[-1].startswith(f"{item.label}, {strings.not_ticked}")
        choose()
        assert isinstance(row, CheckRow) and row.isChecked()
        assert said[-1].startswith(f"{item.label}, {strings.ticked}")
        ticked.append(item.id)
    assert sorted(kiosk.session.ticked) == sorted(ticked)
    down_to(kiosk, lambda item: item is kiosk.checklist.see_list)
    choose()
    assert kiosk.current_screen() == SUMMARY and said[-1] == english.checklist.summary.title
    down_to(kiosk, lambda item: item is kiosk.summary.take_home)
    choose()
    assert kiosk.take_home.isVisible()
    assert said[-1] == kiosk.take_home.title.text(), "the overlay is read from its start"
    down_to(kiosk, lambda item: item is kiosk.take_home.close_button)
    choose()
    assert not kiosk.take_home.isVisible() and kiosk.current_screen() == SUMMARY
    down_to(kiosk, named(strings.home))  # round from the foot to the top bar
    choose()
    assert kiosk.current_screen() == HOME and said[-1] == strings.home_title
    key(kiosk, Qt.Key.Key_H)
    assert said[-1] == strings.keypad_help
    down_to(kiosk, named(english.pages[-1].title))
    choose()
    assert kiosk.current_screen() == topic_screen(english.pages[-1].id)
    key(kiosk, Qt.Key.Key_Backspace)
    assert kiosk.current_screen() == HOME, "Backspace goes back a screen"
    assert sorted(kiosk.session.ticked) == sorted(ticked)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["theme", "high-contrast"])
def test_every_control_is_reachable_and_the_ring_stands_out(
    keyed: tuple[KioskWindow, list[str]], high_contrast: bool
) -> None:
    kiosk, _ = keyed
    key(kiosk, Qt.Key.Key_Down)
    kiosk.set_high_contrast(high_contrast)
    first = kiosk.pack.language().pages[0].id
    for screen_id in (HOME, topic_screen(first), CHECKLIST, SUMMARY):
        kiosk.go(screen_id)
        screen = kiosk.screens[screen_id]
        controls = {
            button
            for button in screen.findChildren(QAbstractButton)
            if button.isVisible() and button.isEnabled()
        }
        reached: set[QWidget] = set()
        for _ in range(len(kiosk.keypad.items()) + 1):
            key(kiosk, Qt.Key.Key_Down)
            assert kiosk.keypad.current is not None
            reached.add(kiosk.keypad.current)
            assert_ring_stands_out(kiosk, kiosk.keypad.current)
        missing = {button.accessibleName() for button in controls - reached}
        assert not missing, f"{screen_id}: never reached: {missing}"


def assert_ring_stands_out(kiosk: KioskWindow, item: QWidget) -> None:
    """A two-colour ring, its outer band at least 4 px thick, standing out from what is
    outside it and from the item inside it."""
    ring = kiosk.keypad.ring
    assert ring.isVisible() and RING >= 4
    image = kiosk.grab().toImage()
    box = item.mapTo(kiosk, QPoint(0, 0))
    y = box.y() + item.height() // 2
    outer_x, inner_x = box.x() - GAP - RING // 2, box.x() - GAP // 2
    if outer_x - RING < 0:
        return  # at the window's edge: nothing outside to stand out from
    at = image.pixelColor
    outer, inner = at(outer_x, y).name(), at(inner_x, y).name()
    outside, inside = at(outer_x - RING, y).name(), at(box.x() + 3, y).name()
    # WCAG technique C40 (a two-colour indicator): the bands 3:1 against each other, and one
    # of them 3:1 against each neighbour, whatever the item's colour.
    assert contrast(outer, inner) >= 3
    for neighbour in (outside, inside):
        best = max(contrast(outer, neighbour), contrast(inner, neighbour))
        assert best >= 3, f"ring {outer}/{inner} next to {neighbour} at {item}"


def test_a_reset_ends_keypad_mode(keyed: tuple[KioskWindow, list[str]]) -> None:
    kiosk, _ = keyed
    key(kiosk, Qt.Key.Key_Down)
    key(kiosk, Qt.Key.Key_Down)
    assert kiosk.keypad.active and kiosk.keypad.ring.isVisible()
    kiosk.reset()
    assert not kiosk.keypad.active and kiosk.keypad.current is None
    assert not kiosk.keypad.ring.isVisible()


def test_the_voice_can_be_repeated_paused_louder_and_faster_until_the_next_patient(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(
        "features:\n  read_aloud: true\n  speech_engine: mock\n  speech_volume: 0.5\n",
        encoding="utf-8",
    )
    kiosk = open_kiosk(qtbot, config_path=path)
    voice = kiosk.read_aloud
    said: list[str] = []
    voice.said.connect(said.append)
    key(kiosk, Qt.Key.Key_Down)
    key(kiosk, Qt.Key.Key_Down)
    heard = said[-1]
    key(kiosk, Qt.Key.Key_R)
    assert said[-2:] == [heard, heard], "repeated from its start"
    for _ in range(8):
        key(kiosk, Qt.Key.Key_Plus)
    assert voice.volume == 1.0 and said[-1] == heard  # heard again at each new volume
    for _ in range(12):
        key(kiosk, Qt.Key.Key_Minus)
    assert voice.volume == 0.1, "never silent: the quietest is still heard"
    for _ in range(9):
        key(kiosk, Qt.Key.Key_S)
    assert voice.rate == -0.5
    key(kiosk, Qt.Key.Key_F)
    assert voice.rate == -0.4
    assert voice._tts.volume() == pytest.approx(0.1) and voice._tts.rate() == pytest.approx(-0.4)
    key(kiosk, Qt.Key.Key_R)
    assert voice.speaking
    key(kiosk, Qt.Key.Key_P)
    assert voice.paused
    key(kiosk, Qt.Key.Key_P)
    assert not voice.paused
    kiosk.reset()
    assert (voice.volume, voice.rate, voice.last) == (0.5, 0.0, ("", "")), "the clinic's again"


@pytest.fixture
def quick_speaking(qtbot: QtBot, tmp_path: Path) -> tuple[KioskWindow, list[str]]:
    """Speech on, the idle warning after 0.3 s: the kiosk and what it says, in order."""
    quick = short_idle_settings(tmp_path, timeout=0.3, warning=1.5)
    with quick.path.open("a", encoding="utf-8") as settings:
        settings.write("features:\n  read_aloud: true\n  speech_engine: mock\n")
    kiosk = open_kiosk(qtbot, config_path=quick)
    said: list[str] = []
    kiosk.read_aloud.said.connect(said.append)
    return kiosk, said


def test_the_idle_warning_is_heard_and_any_key_keeps_the_session(
    qtbot: QtBot, quick_speaking: tuple[KioskWindow, list[str]]
) -> None:
    kiosk, said = quick_speaking
    key(kiosk, Qt.Key.Key_Down)  # keypad mode, on home
    strings = kiosk.language.strings
    qtbot.waitUntil(lambda: bool(said) and said[-1].startswith(strings.still_there_title))
    assert kiosk.overlay.isVisible()
    assert kiosk.overlay.message.text() in said[-1] and strings.still_here in said[-1]
    key(kiosk, Qt.Key.Key_Down)  # any key, as any touch
    qtbot.waitUntil(lambda: not kiosk.overlay.isVisible(), timeout=1000)
    assert kiosk.current_screen() == HOME and kiosk.keypad.active


def test_the_idle_warning_is_silent_where_speech_is_off(
    qtbot: QtBot, quick_speaking: tuple[KioskWindow, list[str]]
) -> None:
    kiosk, said = quick_speaking
    kiosk.go(HOME)  # by touch: no keypad, nothing being read
    qtbot.waitUntil(kiosk.overlay.isVisible)
    with qtbot.assertNotEmitted(kiosk.read_aloud.said, wait=100):
        pass
    assert said == []


def test_the_staff_pin_pad_is_never_spoken_or_keyed(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.e2e.test_staff_mode import PIN, staff_of, staff_settings  # noqa: PLC0415

    path = staff_settings(tmp_path)
    with path.open("a", encoding="utf-8") as settings:
        settings.write("features:\n  read_aloud: true\n  speech_engine: mock\n")
    kiosk = open_kiosk(qtbot, config_path=path)
    said: list[str] = []
    kiosk.read_aloud.said.connect(said.append)
    key(kiosk, Qt.Key.Key_Down)  # keypad mode on home
    staff_of(kiosk).ask_for_pin()
    assert kiosk.current_screen() == STAFF_PIN and not kiosk.keypad.ring.isVisible()
    heard = len(said)
    for digit in PIN:
        key(kiosk, Qt.Key(Qt.Key.Key_0 + int(digit)))
    for name in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_R, Qt.Key.Key_Down):
        key(kiosk, name)
    assert len(said) == heard, "nothing on the PIN pad is said"
    assert kiosk.current_screen() == STAFF_PIN and not kiosk.keypad.ring.isVisible()


def test_the_ring_goes_with_what_it_marks(
    qtbot: QtBot, quick_speaking: tuple[KioskWindow, list[str]]
) -> None:
    kiosk, _ = quick_speaking
    key(kiosk, Qt.Key.Key_Down)
    qtbot.waitUntil(kiosk.overlay.isVisible)
    qtbot.waitUntil(lambda: kiosk.keypad.current is kiosk.overlay.button)
    assert kiosk.keypad.ring.isVisible()
    kiosk.overlay.button.click()  # "I'm still here": the warning closes
    assert not kiosk.overlay.isVisible() and not kiosk.keypad.ring.isVisible()
    key(kiosk, Qt.Key.Key_Down)  # back on the screen, from its start
    assert kiosk.keypad.ring.isVisible() and kiosk.keypad.current in kiosk.keypad.items()
