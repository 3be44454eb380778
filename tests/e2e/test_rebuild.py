"""Rebuilding the screens (every patient who picks Spanish, every content change) leaks
nothing and tears nothing down early. Each new scroll viewport used to register a gesture
type, for which PySide keeps a Python enum class forever (about 100 objects, 60 KB, per
switch); the memory figure over 2,000 sessions is the soak benchmark's, here the mechanism.
And the screens patients see stay until the new ones are whole."""

from __future__ import annotations

import gc
import itertools
import weakref
from collections import Counter
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFrame, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.core.content.model import Language
from kiosk.core.session import ATTRACT
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.flow import FlowLayout
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger


def switch_language(kiosk: KioskWindow, finger: Finger, code: str) -> None:
    bar = kiosk.screens[kiosk.current_screen()].findChild(AccessBar)
    assert bar is not None
    finger.tap(bar.languages[code])
    assert kiosk.language.code == code
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old screens


def weak_references_to(thing: object) -> int:
    gc.collect()
    return sum(
        1 for ref in gc.get_objects() if isinstance(ref, weakref.ReferenceType) and ref() is thing
    )


def census() -> Counter[str]:
    gc.collect()
    return Counter(type(thing).__name__ for thing in gc.get_objects())


@pytest.mark.no_qt_log  # pytest-qt would keep a record of every Qt message it sees
def test_language_switches_leak_no_gesture_types_or_objects(
    kiosk: KioskWindow, finger: Finger
) -> None:
    finger.tap(kiosk.attract)
    for _ in range(3):  # warm up: the spare scroll areas, caches
        switch_language(kiosk, finger, "es")
        switch_language(kiosk, finger, "en")
    before, to_session = census(), weak_references_to(kiosk.session)
    areas = len(kiosk.findChildren(QScrollArea))
    for _ in range(10):
        switch_language(kiosk, finger, "es")
        switch_language(kiosk, finger, "en")
    grown = census() - before
    assert grown["EnumType"] == 0 and grown["GestureType"] == 0, "gesture types registered"
    assert sum(grown.values()) < 100, grown.most_common(8)  # was about 2,000
    assert len(kiosk.findChildren(QScrollArea)) == areas, "scroll areas are reused, not piled"
    # A connection to a plain object's method left PySide holding one more weak reference
    # to the session for every checklist built.
    assert weak_references_to(kiosk.session) == to_session
    kiosk.reset()
    assert kiosk.current_screen() == ATTRACT


def test_screens_that_fail_to_build_leave_the_patient_where_they_were(
    kiosk: KioskWindow,
    finger: Finger,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever goes wrong building the Spanish screens (here: an injected error), the
    English ones stay until the new ones are whole: same screen, same answers."""
    steps = KioskWindow._build_steps

    def failing(window: KioskWindow, language: Language) -> Iterator[None]:
        built = steps(window, language)
        if language.code == "es":  # three Spanish screens are made, then the failure
            yield from itertools.islice(built, 3)
            raise RuntimeError("cannot build these screens")
        yield from built

    finger.fill_checklist(kiosk, [0, 3])
    shown, ticked = kiosk.current_screen(), set(kiosk.session.ticked)
    screens = dict(kiosk.screens)
    monkeypatch.setattr(KioskWindow, "_build_steps", failing)
    bar = kiosk.screens[shown].findChild(AccessBar)
    assert bar is not None
    finger.tap(bar.languages["es"])
    assert "could not build the screens; patients keep the ones they had" in caplog.text
    assert "cannot build these screens" in caplog.text  # with its traceback
    assert kiosk.language.code == "en" and kiosk.session.language in ("en", None)
    assert kiosk.current_screen() == shown and kiosk.session.ticked == ticked
    assert kiosk.screens == screens, "the very same screens, none torn down"
    assert kiosk.stack.currentWidget() is screens[shown]
    # Fixed: Spanish works, still at the same place with the same answers.
    monkeypatch.undo()
    switch_language(kiosk, finger, "es")
    assert kiosk.current_screen() == shown and kiosk.session.ticked == ticked


def test_a_flow_layout_leaves_no_layout_items_behind(qtbot: QtBot) -> None:
    """Qt's layouts delete their items in C++ destructors, which a Python layout has not:
    every access bar (ten per rebuild) used to leave its buttons' QWidgetItems behind, about
    16 KB of native memory per language switch, for ever."""
    frame = QFrame()
    flow = FlowLayout(frame)
    for text in ("100%", "150%", "200%", "High contrast", "Español"):
        flow.addWidget(QPushButton(text))
    items = [flow.itemAt(index) for index in range(flow.count())]
    assert len(items) == 5 and all(shiboken6.isValid(item) for item in items)
    frame.deleteLater()  # as screens are dropped: the layout goes before its widgets
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(frame)
    assert not any(shiboken6.isValid(item) for item in items), "QWidgetItems leaked"
