"""The monkey's problem log really catches Qt warnings and exceptions raised in Qt callbacks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer, qCritical, qWarning
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.monkey import (
    GESTURE_OFF_SCREEN,
    PLATFORM_NOTICES,
    ProblemLog,
    Stroke,
    off_screen_notices,
)


def test_qt_warnings_and_criticals_are_caught() -> None:
    with ProblemLog() as log:
        qWarning("monkey probe: a warning")
        qCritical("monkey probe: a critical")
    assert log.problems == [
        "Qt QtWarningMsg: monkey probe: a warning",
        "Qt QtCriticalMsg: monkey probe: a critical",
    ]


def test_nothing_is_caught_after_leaving() -> None:
    with ProblemLog() as log:
        pass
    qWarning("monkey probe: after the run")
    assert log.problems == []


def test_an_exception_in_a_slot_is_caught_and_passed_on(qtbot: QtBot) -> None:
    def broken() -> None:
        raise ValueError("monkey probe")

    with qtbot.capture_exceptions() as passed_on, ProblemLog() as log:
        QTimer.singleShot(0, broken)
        QApplication.processEvents()
    assert len(log.problems) == 1 and "ValueError: monkey probe" in log.problems[0]
    assert [type(error) for _, error, _ in passed_on] == [ValueError]


def test_only_offscreen_platform_notices_are_ignored() -> None:
    assert QApplication.platformName() == "offscreen"
    (notice,) = PLATFORM_NOTICES
    with ProblemLog() as log:
        qWarning(notice)
        qWarning("This plugin does not support something else")
        qWarning(GESTURE_OFF_SCREEN)  # not expected here: a finger on screen found no target
        with log.expecting(frozenset({GESTURE_OFF_SCREEN})):
            qWarning(GESTURE_OFF_SCREEN)
    assert log.ignored == {notice: 1, GESTURE_OFF_SCREEN: 1}
    assert log.problems == [
        "Qt QtWarningMsg: This plugin does not support something else",
        f"Qt QtWarningMsg: {GESTURE_OFF_SCREEN}",
    ]


def test_the_gesture_notice_is_expected_only_for_fingers_beyond_the_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1920, 1080)  # larger than the offscreen platform's screen
    inside, beyond = QPoint(10, 10), QPoint(1900, 1000)
    assert off_screen_notices(Stroke("tap", (inside,), (inside,)), window) == frozenset()
    two = Stroke("two-finger", (inside, beyond), (inside, beyond))
    assert off_screen_notices(two, window) == {GESTURE_OFF_SCREEN}
