"""Staff mode: hidden gesture, PIN pad with growing delays, staff panel, timeout, exit."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, HOME, STAFF_PANEL, STAFF_PIN, is_staff_screen
from kiosk.core.staff import PinThrottle, hash_pin
from kiosk.runtime.lockdown import KioskGuard
from kiosk.ui.staff_mode import StaffMode
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger, open_kiosk

PIN = "2468"


def staff_settings(folder: Path, *, pin: str | None = PIN, timeout: float = 120) -> Path:
    path = folder / "settings.yaml"
    lines = ["staff:", f"  timeout_seconds: {timeout}"]
    if pin:
        lines.append(f'  pin_hash: "{hash_pin(pin)}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def staff_of(kiosk: KioskWindow) -> StaffMode:
    staff = kiosk.findChild(StaffMode)
    assert staff is not None
    return staff


def corner_taps(kiosk: KioskWindow, finger: Finger, count: int = 5) -> None:
    for _ in range(count):
        target = kiosk.childAt(QPoint(20, 20)) or kiosk
        finger.tap(target, target.mapFrom(kiosk, QPoint(20, 20)))


def type_pin(staff: StaffMode, finger: Finger, pin: str) -> None:
    for digit in pin:
        finger.tap(staff.pin_pad.keys[digit])
    finger.tap(staff.pin_pad.keys["OK"])


@pytest.fixture
def staffed(qtbot: QtBot, tmp_path: Path) -> KioskWindow:
    return open_kiosk(qtbot, config_path=staff_settings(tmp_path), data_dir=tmp_path / "data")


def test_five_corner_taps_open_the_pin_pad(staffed: KioskWindow, finger: Finger) -> None:
    corner_taps(staffed, finger, 4)
    assert staffed.current_screen() != STAFF_PIN
    corner_taps(staffed, finger, 1)
    assert staffed.current_screen() == STAFF_PIN
    assert staffed.findChild(KioskGuard).locked  # type: ignore[union-attr]


def test_slow_or_scattered_taps_do_not(staffed: KioskWindow, finger: Finger) -> None:
    staff = staff_of(staffed)
    now = [100.0]
    staff.gesture._clock = lambda: now[0]
    for _ in range(5):
        corner_taps(staffed, finger, 1)
        now[0] += 1.0  # five taps over five seconds: slower than the 3 s allowed
    assert staffed.current_screen() != STAFF_PIN
    now[0] += 10
    corner_taps(staffed, finger, 3)
    finger.tap(staffed, QPoint(staffed.width() // 2, staffed.height() // 2))
    corner_taps(staffed, finger, 2)
    assert staffed.current_screen() != STAFF_PIN


def test_without_a_pin_hash_there_is_no_staff_mode(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    kiosk = open_kiosk(qtbot, config_path=staff_settings(tmp_path, pin=None))
    corner_taps(kiosk, finger)
    assert kiosk.current_screen() == HOME


def test_right_pin_opens_the_panel_and_exit_closes_the_kiosk(
    staffed: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    staff = staff_of(staffed)
    corner_taps(staffed, finger)
    type_pin(staff, finger, PIN)
    assert staffed.current_screen() == STAFF_PANEL
    assert not staffed.findChild(KioskGuard).locked  # type: ignore[union-attr]
    shown = [label.text() for label in staff.panel.findChildren(QLabel)]
    assert any(text.startswith("Content folder: ") for text in shown)
    assert any(text.startswith("Sessions started: ") for text in shown)
    with qtbot.waitSignal(staff.exit_requested, timeout=1000):
        finger.tap_row(staff.panel.scroll_area, staff.panel.buttons["Exit the kiosk"])
    assert not staffed.isVisible()


def test_wrong_pins_wait_longer_each_time(
    staffed: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    staff = staff_of(staffed)
    staff.throttle = PinThrottle(base=0.05)
    corner_taps(staffed, finger)
    for attempt in range(3):
        type_pin(staff, finger, "0000")
        assert staffed.current_screen() == STAFF_PIN
        assert not staff.pin_pad.keys["1"].isEnabled(), "keys stay live after a wrong PIN"
        assert "Wrong PIN." in staff.pin_pad.message.text()
        assert staff.throttle.history == [0.05 * 2**n for n in range(attempt + 1)]
        qtbot.waitUntil(staff.pin_pad.keys["1"].isEnabled, timeout=2000)
    staff.throttle.failed()  # a fourth mistake; even the right PIN must now wait
    staff.check_pin(PIN)
    assert staffed.current_screen() == STAFF_PIN
    qtbot.waitUntil(lambda: staff.throttle.seconds_to_wait() == 0, timeout=3000)
    qtbot.waitUntil(staff.pin_pad.keys["1"].isEnabled, timeout=3000)
    type_pin(staff, finger, PIN)
    assert staffed.current_screen() == STAFF_PANEL
    assert staff.throttle.failures == 0


def test_staff_mode_times_out_to_a_fresh_patient_mode(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    # The shortest staff timeout allowed, 30 s, run 100 times faster (kiosk/core/timing.py).
    kiosk = open_kiosk(qtbot, config_path=staff_settings(tmp_path, timeout=30), time_scale=0.01)
    staff = staff_of(kiosk)
    corner_taps(kiosk, finger)
    type_pin(staff, finger, PIN)
    assert kiosk.current_screen() == STAFF_PANEL
    with qtbot.waitSignal(kiosk.session_reset, timeout=3000):
        pass
    assert kiosk.current_screen() == ATTRACT
    assert kiosk.findChild(KioskGuard).locked  # type: ignore[union-attr]
    assert not staff.timeout.is_armed


def test_cancel_returns_to_patient_mode(staffed: KioskWindow, finger: Finger) -> None:
    staff = staff_of(staffed)
    corner_taps(staffed, finger)
    finger.tap(staff.pin_pad.cancel)
    assert staffed.current_screen() == ATTRACT


def test_panel_reloads_previews_and_exports(
    staffed: KioskWindow, finger: Finger, tmp_path: Path
) -> None:
    staff = staff_of(staffed)
    corner_taps(staffed, finger)
    type_pin(staff, finger, PIN)
    staff.reload()
    assert staff.panel.message.text().startswith("Reloaded.")
    staff.preview()
    thumbnails = [label for label in staff.panel.findChildren(QLabel) if label.pixmap().width()]
    patient_screens = [key for key in staffed.screens if not is_staff_screen(key)]
    assert len(thumbnails) == len(patient_screens) + 1  # every screen and the idle warning
    assert staffed.current_screen() == STAFF_PANEL
    staff.export_counts()
    [export] = list((tmp_path / "data").glob("usage-*.csv"))
    rows = list(csv.DictReader(io.StringIO(export.read_text(encoding="utf-8"))))
    events = {row["event"] for row in rows}
    assert {"session_started", "page_view"} <= events
    assert str(export) in staff.panel.message.text()


def test_wrong_pins_still_count_after_a_restart(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    data = tmp_path / "data"
    settings = staff_settings(tmp_path)
    first = open_kiosk(qtbot, config_path=settings, data_dir=data)
    staff = staff_of(first)
    staff.throttle.base = 0.01  # short waits here (the base is the kiosk's, not saved)
    corner_taps(first, finger)
    for _ in range(3):
        qtbot.waitUntil(staff.pin_pad.keys["1"].isEnabled, timeout=2000)
        type_pin(staff, finger, "0000")
    first.allow_close = True
    first.close()
    # Restarted (a power cut, say): the count goes on, and the next mistake waits 8 s.
    second = open_kiosk(qtbot, config_path=settings, data_dir=data)
    again = staff_of(second)
    assert again.throttle.failures == 3
    corner_taps(second, finger)
    type_pin(again, finger, "0000")
    assert again.throttle.history == [8.0]
    assert not again.pin_pad.keys["1"].isEnabled()
    saved = (data / "pin-throttle.json").read_text(encoding="utf-8")
    assert "0000" not in saved and PIN not in saved
