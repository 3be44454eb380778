from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.idle import IdleWatcher


def press(widget: QWidget) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def watcher_on(qtbot: QtBot, timeout_ms: int) -> tuple[IdleWatcher, QWidget]:
    widget = QWidget()
    qtbot.addWidget(widget)
    return IdleWatcher(timeout_ms, widget), widget


def test_disarmed_watcher_runs_no_timer(qtbot: QtBot) -> None:
    watcher, widget = watcher_on(qtbot, 20)
    press(widget)
    assert not watcher.is_armed
    with qtbot.assertNotEmitted(watcher.went_idle, wait=100):
        pass


def test_goes_idle_after_the_timeout_and_resumes_on_input(qtbot: QtBot) -> None:
    watcher, widget = watcher_on(qtbot, 50)
    with qtbot.waitSignal(watcher.went_idle, timeout=1000):
        watcher.arm()
    assert watcher.is_idle
    with qtbot.waitSignal(watcher.activity_resumed, timeout=100):
        press(widget)
    assert not watcher.is_idle


def test_input_restarts_the_countdown(qtbot: QtBot) -> None:
    watcher, widget = watcher_on(qtbot, 150)
    watcher.arm()
    for _ in range(4):  # keep touching for 4 x 80 ms = 320 ms, longer than the timeout
        with qtbot.assertNotEmitted(watcher.went_idle, wait=80):
            pass
        press(widget)
    with qtbot.waitSignal(watcher.went_idle, timeout=1000):
        pass


def test_disarm_stops_a_pending_countdown(qtbot: QtBot) -> None:
    watcher, _ = watcher_on(qtbot, 30)
    watcher.arm()
    watcher.disarm()
    with qtbot.assertNotEmitted(watcher.went_idle, wait=100):
        pass
