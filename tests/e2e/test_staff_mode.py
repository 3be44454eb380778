"""Staff mode: hidden gesture, PIN pad with growing delays, staff panel, timeout, exit."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, CHECKLIST, HOME, STAFF_PANEL, STAFF_PIN, is_staff_screen
from kiosk.core.staff import PIN_PAD_SECONDS, PinThrottle, hash_pin
from kiosk.core.timing import timer_ms
from kiosk.runtime.lockdown import CORNER_PX, KioskGuard, is_control
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


def free_corner_spots(kiosk: KioskWindow) -> list[QPoint]:
    """Points of the top-left staff corner (160 px) that no patient control covers."""
    grid = [QPoint(x, y) for y in range(4, CORNER_PX, 8) for x in range(4, CORNER_PX, 8)]
    return [point for point in grid if not is_control(kiosk.childAt(point))]


def corner_taps(kiosk: KioskWindow, finger: Finger, count: int = 5) -> None:
    """Taps where staff tap: in the corner, on a spot no patient control covers."""
    for _ in range(count):
        spot = free_corner_spots(kiosk)[0]
        target = kiosk.childAt(spot) or kiosk
        finger.tap(target, target.mapFrom(kiosk, spot))


def type_pin(staff: StaffMode, finger: Finger, pin: str) -> None:
    for digit in pin:
        finger.tap(staff.pin_pad.keys[digit])
    finger.tap(staff.pin_pad.keys["OK"])


def open_panel(kiosk: KioskWindow, finger: Finger) -> StaffMode:
    """As staff do: the corner gesture, then the right PIN."""
    staff = staff_of(kiosk)
    corner_taps(kiosk, finger)
    type_pin(staff, finger, PIN)
    return staff


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
    staff = open_panel(staffed, finger)
    assert staffed.current_screen() == STAFF_PANEL
    assert not staffed.findChild(KioskGuard).locked  # type: ignore[union-attr]
    shown = [label.text() for label in staff.panel.findChildren(QLabel)]
    assert any(text.startswith("Content folder: ") for text in shown)
    assert "Sessions in the last 28 days" in shown
    exit_button = staff.panel.exit_button
    with qtbot.assertNotEmitted(staff.exit_requested):
        finger.tap_row(staff.panel.scroll_area, exit_button)  # the first tap only arms it
    assert exit_button.text() == "Tap again to exit" and staffed.isVisible()
    with qtbot.waitSignal(staff.exit_requested, timeout=1000):
        finger.tap_row(staff.panel.scroll_area, exit_button)
    assert not staffed.isVisible()


def test_exit_disarms_after_a_few_seconds_and_on_leaving(
    staffed: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    staff = open_panel(staffed, finger)
    exit_button = staff.panel.exit_button
    staff.panel._disarm.setInterval(50)  # the 5 s wait, shortened
    finger.tap_row(staff.panel.scroll_area, exit_button)
    assert exit_button.isChecked()
    qtbot.waitUntil(lambda: exit_button.text() == "Exit the kiosk", timeout=2000)
    assert not exit_button.isChecked()
    finger.tap_row(staff.panel.scroll_area, exit_button)
    finger.tap_row(staff.panel.scroll_area, staff.panel.buttons["Back to patient mode"])
    assert staffed.current_screen() == ATTRACT
    assert exit_button.text() == "Exit the kiosk" and not exit_button.isChecked()


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


def patient_on_checklist(kiosk: KioskWindow, finger: Finger) -> tuple[set[str], int]:
    """A patient who ticked two rows, saw their list, came back and scrolled: what they
    ticked and where the list is scrolled to."""
    finger.fill_checklist(kiosk, [0, 5])
    finger.tap(kiosk.summary.back_button)
    assert kiosk.current_screen() == CHECKLIST
    bar = kiosk.checklist.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    return set(kiosk.session.ticked), bar.value()


def test_five_quick_taps_on_back_never_open_the_pin_pad(
    staffed: KioskWindow, finger: Finger
) -> None:
    ticked, _ = patient_on_checklist(staffed, finger)
    back = staffed.checklist.back_button
    spot = back.mapTo(staffed, back.rect().center())
    assert staffed.rect().contains(spot) and spot.x() < CORNER_PX and spot.y() < CORNER_PX
    for _ in range(5):  # checklist -> summary's Back: the list, then home, then home's corner
        target = staffed.childAt(spot)
        finger.tap(target, target.mapFrom(staffed, spot))
        assert staffed.current_screen() != STAFF_PIN
    assert staffed.session.ticked == ticked


def test_five_taps_on_any_control_in_the_corner_never_open_staff_mode(
    staffed: KioskWindow, finger: Finger
) -> None:
    finger.tap(staffed.attract)
    screens = [s for s in staffed.screens if s != ATTRACT and not is_staff_screen(s)]
    controls = 0
    for screen in screens:
        staffed.go(screen)
        corner = QRect(0, 0, CORNER_PX, CORNER_PX)
        for control in staffed.screens[screen].findChildren(QAbstractButton):
            if not control.isVisible():
                continue
            area = QRect(control.mapTo(staffed, QPoint(0, 0)), control.size()) & corner
            if area.isEmpty():
                continue
            controls += 1
            for _ in range(5):  # five taps well inside the gesture's 3 s
                if staffed.current_screen() != screen:  # Back took the patient away: return
                    staffed.go(screen)
                target = staffed.childAt(area.center())
                assert target is control or control.isAncestorOf(target)
                finger.tap(target, target.mapFrom(staffed, area.center()))
                assert staffed.current_screen() != STAFF_PIN, f"{control} on {screen}"
    assert controls >= len(screens) - 1, "every screen but home has Back in the corner"


def test_the_gesture_has_room_on_every_patient_screen(staffed: KioskWindow, finger: Finger) -> None:
    finger.tap(staffed.attract)
    for screen in [s for s in staffed.screens if not is_staff_screen(s)]:
        staffed.go(screen) if screen != ATTRACT else staffed.reset()
        free = free_corner_spots(staffed)
        assert len(free) >= 0.4 * (CORNER_PX // 8) ** 2, f"{screen}: {len(free)} free spots"
        corner_taps(staffed, finger)
        assert staffed.current_screen() == STAFF_PIN, screen
        finger.tap(staff_of(staffed).pin_pad.cancel)


def test_cancel_keeps_the_patient_exactly_where_they_were(
    staffed: KioskWindow, finger: Finger
) -> None:
    staff = staff_of(staffed)
    ticked, scrolled = patient_on_checklist(staffed, finger)
    history = list(staffed.session.history)
    corner_taps(staffed, finger)
    assert staffed.current_screen() == STAFF_PIN
    finger.tap(staff.pin_pad.cancel)
    assert staffed.current_screen() == CHECKLIST
    assert staffed.session.ticked == ticked
    assert staffed.checklist.scroll_area.verticalScrollBar().value() == scrolled
    assert [row.isChecked() for row in staffed.checklist.rows.values()].count(True) == 2
    assert staffed.session.history == history
    assert staffed.idle_watcher.is_armed, "the patient's idle reset must run again"


def test_an_untouched_pin_pad_goes_back_to_the_patient(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    kiosk = open_kiosk(qtbot, config_path=staff_settings(tmp_path), time_scale=0.01)
    ticked, _ = patient_on_checklist(kiosk, finger)
    corner_taps(kiosk, finger)
    assert kiosk.current_screen() == STAFF_PIN
    assert staff_of(kiosk).timeout.timeout_ms == timer_ms(PIN_PAD_SECONDS, 0.01)
    with qtbot.waitSignal(kiosk.page_shown, timeout=3000) as shown:
        pass
    assert shown.args == [CHECKLIST]
    assert kiosk.session.ticked == ticked


def test_the_right_pin_clears_the_patient_before_the_panel(
    staffed: KioskWindow, finger: Finger
) -> None:
    staff = staff_of(staffed)
    patient_on_checklist(staffed, finger)
    corner_taps(staffed, finger)
    type_pin(staff, finger, PIN)
    assert staffed.current_screen() == STAFF_PANEL
    assert not staffed.session.ticked
    assert not any(row.isChecked() for row in staffed.checklist.rows.values())


def test_panel_reloads_previews_and_exports(
    staffed: KioskWindow, finger: Finger, tmp_path: Path
) -> None:
    staff = open_panel(staffed, finger)
    staff.reload()
    assert staff.panel.message.text().startswith("Reloaded.")
    staff.preview()
    thumbnails = [label for label in staff.panel.findChildren(QLabel) if label.pixmap().width()]
    patient_screens = [key for key in staffed.screens if not is_staff_screen(key)]
    assert len(thumbnails) == len(patient_screens) + 1  # every screen and the idle warning
    assert staffed.current_screen() == STAFF_PANEL
    staff.save_usage_report()
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


def test_the_pin_pad_fits_the_shortest_screen(staffed: KioskWindow, finger: Finger) -> None:
    staffed.resize(1280, 800)
    staff = staff_of(staffed)
    corner_taps(staffed, finger)
    assert staff.pin_pad.minimumSizeHint().height() <= staffed.height()
    window = staffed.rect()
    for key in [*staff.pin_pad.keys.values(), staff.pin_pad.cancel]:
        placed = QRect(key.mapTo(staffed, QPoint(0, 0)), key.size())
        assert window.contains(placed) and key.height() >= key.minimumSizeHint().height()
    assert staff.pin_pad.display.text() == "\u25cb \u25cb \u25cb \u25cb", "empty dots: 4 digits"
    finger.tap(staff.pin_pad.keys["7"])
    assert staff.pin_pad.display.text() == "\u25cf \u25cb \u25cb \u25cb"
