"""The attract loop: calm rotating facts that also move, on one slow timer only while shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.core.session import HOME
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.attract import NUDGES, PULSE_MS, ROTATE_MS
from kiosk.ui.window import KioskWindow


def test_facts_rotate_and_the_layout_moves(kiosk: KioskWindow) -> None:
    attract = kiosk.attract
    facts = [page.key_points[0] for page in kiosk.pack.language().pages]
    assert attract.fact.text() == facts[0]
    choices = attract.findChild(AccessBar)
    assert choices is not None
    seen, places, frame = [], set(), set()
    for _ in range(len(facts)):
        places.add(attract.title.mapTo(kiosk, attract.title.rect().topLeft()).toTuple())
        frame.add(choices.mapTo(kiosk, choices.rect().topLeft()).toTuple())
        seen.append(attract.fact.text())
        attract.advance()
        attract.layout().activate()
    assert seen == facts
    assert len(places) == min(len(facts), len(NUDGES)), "the content moves against burn-in"
    assert len(frame) == 1, "the frame (the patient's choices in the corner) stays put"
    assert "not an accepted medical diagnosis" in facts[0]


def test_rotation_runs_only_while_the_attract_screen_shows(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    timer = kiosk.attract.rotation
    assert timer.isActive() and timer.interval() == ROTATE_MS >= 5000
    kiosk.go(HOME)
    assert not timer.isActive()
    kiosk.reset()
    assert timer.isActive()
    assert kiosk.attract.fact.text() == kiosk.attract.facts[0]


def test_the_welcome_shows_its_picture_and_invites_in_every_language(kiosk: KioskWindow) -> None:
    attract = kiosk.attract
    assert attract.picture is not None and attract.picture.isVisible()
    assert attract.picture.is_valid() and attract.picture.width() >= 400
    assert attract.prompt.text() == "Touch the screen to start"
    assert attract.others.isVisible()
    assert attract.others.text() == "Toque la pantalla para empezar"


def test_the_invitation_pulses_only_while_the_welcome_shows(
    kiosk: KioskWindow, qtbot: QtBot
) -> None:
    prompt = kiosk.attract.prompt
    before = prompt.grab().toImage()
    qtbot.waitUntil(lambda: 0.2 < prompt.phase < 0.8, timeout=PULSE_MS * 2)
    assert prompt.grab().toImage() != before, "the ring is drawn round the invitation"
    qtbot.waitUntil(prompt.rest.isActive, timeout=PULSE_MS * 2)  # between swells: at rest
    assert not prompt.frames.isActive() and prompt.phase == 0
    kiosk.go(HOME)
    assert not prompt.frames.isActive() and not prompt.rest.isActive() and prompt.phase == 0
    kiosk.reset()
    assert prompt.frames.isActive()
