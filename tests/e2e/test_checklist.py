"""The checklist, its summary and the idle reset, driven by touch in the real window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.content.problems import ContentError
from kiosk.core.session import ATTRACT, CHECKLIST, HOME, SUMMARY, Session
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger, open_kiosk, short_idle_settings


def open_checklist(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    assert kiosk.current_screen() == CHECKLIST


def tick(kiosk: KioskWindow, finger: Finger, *item_ids: str) -> None:
    for item_id in item_ids:
        finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.rows[item_id])


def see_list(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    assert kiosk.current_screen() == SUMMARY


def label_of(kiosk: KioskWindow, item_id: str) -> str:
    checklist = kiosk.pack.language().checklist
    return next(item.label for item in checklist.items() if item.id == item_id)


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def test_checklist_says_up_front_that_answers_stay_here_and_clear(
    kiosk: KioskWindow, finger: Finger
) -> None:
    open_checklist(kiosk, finger)
    notice = " ".join(texts(kiosk.checklist.notice)).lower()
    assert "nothing you check is saved or sent" in notice
    # 90 s idle + 30 s warning: how long answers stay, from the clinic's settings.
    assert "if you walk away, your answers clear after about 2 minutes" in notice
    assert '"clear my answers"' in notice
    assert "not a test" in notice
    top = kiosk.checklist.notice.mapTo(kiosk.checklist, QPoint(0, 0)).y()
    assert top < kiosk.height() / 2, "the privacy notice is not up front"


def test_privacy_notice_follows_the_idle_settings(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    kiosk = open_kiosk(qtbot, config_path=short_idle_settings(tmp_path, 20, 30))
    open_checklist(kiosk, finger)
    assert "your answers clear within a minute." in " ".join(texts(kiosk.checklist.notice))
    finger.tap(kiosk.checklist.findChild(type(kiosk.preferences.bars[0])).languages["es"])
    notice = " ".join(texts(kiosk.checklist.notice))
    assert "sus respuestas se borran en menos de un minuto." in notice


def test_every_row_is_one_big_toggle(kiosk: KioskWindow, finger: Finger) -> None:
    open_checklist(kiosk, finger)
    row = kiosk.checklist.rows["bloating"]
    assert row.height() >= 72
    finger.tap_row(kiosk.checklist.scroll_area, row)
    assert row.isChecked() and kiosk.session.ticked == {"bloating"}
    assert row.accessibleDescription().startswith("Checked.")
    # Tapping the far right end of the row, away from the box and label, toggles too.
    finger.tap(row, QPoint(row.width() - 10, row.height() // 2))
    assert not row.isChecked() and kiosk.session.ticked == set()


def test_ticked_state_shows_without_colour(kiosk: KioskWindow, finger: Finger) -> None:
    open_checklist(kiosk, finger)
    row = kiosk.checklist.rows["gas"]

    def grey(image: QImage) -> QImage:
        return image.convertToFormat(QImage.Format.Format_Grayscale8)

    before = grey(row.grab().toImage())
    finger.tap_row(kiosk.checklist.scroll_area, row)
    after = grey(row.grab().toImage())
    box = row.box.geometry()
    changed = sum(
        abs(before.pixelColor(x, y).value() - after.pixelColor(x, y).value()) > 60
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
    )
    assert changed > box.width() * box.height() // 4, "ticked box looks the same in grey"


def test_summary_lists_exactly_the_ticked_items(kiosk: KioskWindow, finger: Finger) -> None:
    open_checklist(kiosk, finger)
    tick(kiosk, finger, "heartburn", "eczema", "low-mood", "gas")
    see_list(kiosk, finger)
    expected = [label_of(kiosk, i) for i in ("gas", "heartburn", "eczema", "low-mood")]
    assert kiosk.summary.answer_labels() == expected
    shown = " ".join(texts(kiosk.summary))
    for item in kiosk.pack.language().checklist.items():
        if item.label not in expected:
            assert f"\u2713  {item.label}" not in shown
    # A group's name and the items under it do not look alike.
    lines = [label for label in kiosk.summary.lines if label.isVisible()]
    headings = [label for label in lines if label.property("role") == "group"]
    items = [label for label in lines if label.text().startswith("\u2713")]
    assert headings and items
    assert {(h.font().pixelSize(), h.font().bold()) for h in headings}.isdisjoint(
        {(i.font().pixelSize(), i.font().bold()) for i in items}
    )


def test_summary_message_is_the_same_whatever_was_ticked(
    kiosk: KioskWindow, finger: Finger
) -> None:
    summary = kiosk.pack.language().checklist.summary
    open_checklist(kiosk, finger)
    see_list(kiosk, finger)
    with_nothing = texts(kiosk.summary)
    assert summary.nothing_ticked in with_nothing
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.edit_button)
    tick(kiosk, finger, *kiosk.checklist.rows)
    see_list(kiosk, finger)
    with_everything = texts(kiosk.summary)
    for message in (summary.care_team, summary.cannot_tell, "Questions? Ask at the front desk."):
        assert message in with_nothing and message in with_everything
    phones = kiosk.settings.safety.numbers().values()
    for shown in with_everything:
        text = shown
        for phone in filter(None, phones):  # numbers to call are not a score
            text = text.replace(phone, "")
        assert not re.search(r"\d", text), f"a number on the summary: {shown!r}"
        assert "may have" not in text.lower() and "score" not in text.lower()


def test_edit_keeps_answers_and_clear_removes_them(kiosk: KioskWindow, finger: Finger) -> None:
    open_checklist(kiosk, finger)
    tick(kiosk, finger, "acne", "asthma")
    see_list(kiosk, finger)
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.edit_button)
    assert kiosk.current_screen() == CHECKLIST
    assert kiosk.checklist.rows["acne"].isChecked() and kiosk.checklist.rows["asthma"].isChecked()
    see_list(kiosk, finger)
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.clear_button)
    assert kiosk.current_screen() == CHECKLIST
    assert kiosk.session.ticked == set()
    assert not any(row.isChecked() for row in kiosk.checklist.rows.values())
    assert kiosk.summary.answer_labels() == []


def test_idle_warning_then_still_here_then_reset(
    quick_kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    kiosk = quick_kiosk
    open_checklist(kiosk, finger)
    tick(kiosk, finger, "bloating", "joint-pain")
    see_list(kiosk, finger)
    chosen = kiosk.summary.answer_labels()
    assert chosen == [label_of(kiosk, "bloating"), label_of(kiosk, "joint-pain")]

    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=3000)
    assert kiosk.overlay.title.text() == "Are you still there?"
    assert re.search(
        r"start over in (1 second|([02-9]|\d\d+) seconds)\.$", kiosk.overlay.message.text()
    )
    finger.tap(kiosk.overlay.button)
    assert not kiosk.overlay.isVisible()
    assert kiosk.current_screen() == SUMMARY
    assert kiosk.summary.answer_labels() == chosen

    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        pass  # no touch: the warning appears, counts down, and the kiosk resets
    assert kiosk.current_screen() == ATTRACT
    assert kiosk.session == Session()
    assert kiosk.summary.answer_labels() == []
    assert not kiosk.overlay.isVisible()
    open_checklist(kiosk, finger)
    assert not any(row.isChecked() for row in kiosk.checklist.rows.values())


def test_a_touch_anywhere_extends_any_number_of_times(
    quick_kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    kiosk = quick_kiosk
    open_checklist(kiosk, finger)
    tick(kiosk, finger, "gas")
    resets: list[bool] = []
    kiosk.session_reset.connect(lambda: resets.append(True))
    for _ in range(4):
        qtbot.waitUntil(kiosk.overlay.isVisible, timeout=3000)
        finger.tap(kiosk.overlay, QPoint(20, 20))  # the dimmed backdrop, not the button
        assert not kiosk.overlay.isVisible()
    assert resets == []
    assert kiosk.current_screen() == CHECKLIST
    assert kiosk.session.ticked == {"gas"}


def scroll_beneath(kiosk: KioskWindow, row: QWidget, at: QPoint) -> None:
    """Scroll the checklist so that the middle of ``row`` lies under window point ``at``."""
    bar = kiosk.checklist.scroll_area.verticalScrollBar()
    bar.setValue(bar.value() + row.mapTo(kiosk, row.rect().center()).y() - at.y())
    assert row.rect().contains(row.mapFrom(kiosk, at))


def test_still_here_answers_the_warning_and_ticks_nothing_beneath_it(
    quick_kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    kiosk = quick_kiosk
    open_checklist(kiosk, finger)
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=3000)
    button = kiosk.overlay.button
    row = kiosk.checklist.rows["eczema"]
    scroll_beneath(kiosk, row, button.mapTo(kiosk, button.rect().center()))
    with qtbot.waitSignal(kiosk.overlay.kept, timeout=1000):
        finger.tap(button)
    assert not kiosk.overlay.isVisible()
    assert kiosk.current_screen() == CHECKLIST
    assert kiosk.session.ticked == set() and not row.isChecked()


def test_a_touch_on_the_dimmed_screen_only_dismisses_the_warning(
    quick_kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    kiosk = quick_kiosk
    open_checklist(kiosk, finger)
    row = kiosk.checklist.rows["gas"]
    kiosk.checklist.scroll_area.ensureWidgetVisible(row, 0, 120)
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=3000)
    at = row.mapTo(kiosk, QPoint(30, row.height() // 2))  # the row's left end, beside the card
    finger.tap(kiosk.overlay, kiosk.overlay.mapFrom(kiosk, at))
    assert not kiosk.overlay.isVisible()
    assert kiosk.session.ticked == set() and not row.isChecked()
    finger.tap(kiosk.checklist.home_button)
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=3000)
    tile = kiosk.home.grid.tiles[0]
    finger.tap(kiosk.overlay, kiosk.overlay.mapFrom(kiosk, tile.mapTo(kiosk, QPoint(30, 30))))
    assert kiosk.current_screen() == HOME


def test_nothing_counts_down_on_the_attract_screen(
    quick_kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    kiosk = quick_kiosk

    def running_timers() -> list[QTimer]:
        # The only timers allowed on the attract screen are its own: the slow fact rotation
        # and the ring round its invitation (paint only; nothing counts down).
        prompt = kiosk.attract.prompt
        welcome = (kiosk.attract.rotation, prompt.frames, prompt.rest)
        return [
            timer
            for timer in kiosk.findChildren(QTimer)
            if timer.isActive() and timer not in welcome
        ]

    assert kiosk.current_screen() == ATTRACT
    assert running_timers() == []
    assert kiosk.attract.rotation.isActive() and kiosk.attract.rotation.interval() >= 5000
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    assert kiosk.idle_watcher.is_armed and not kiosk.attract.rotation.isActive()
    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        pass
    assert running_timers() == []
    with qtbot.assertNotEmitted(kiosk.overlay.timed_out, wait=600):
        pass
    assert not kiosk.overlay.isVisible()


def test_default_timings_match_the_standard(kiosk: KioskWindow) -> None:
    assert kiosk.settings.idle.timeout_seconds == 90
    assert kiosk.settings.idle.warning_seconds == 30


def test_a_warning_too_short_to_answer_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("idle:\n  warning_seconds: 10\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"warning_seconds: 10 s is under .* \(WCAG 2\.2\.1\)"):
        open_kiosk(qtbot, config_path=path)


@pytest.mark.parametrize(
    ("language", "counted"),
    [
        ("en", ("start over in 2 seconds.", "start over in 1 second.")),
        ("es", ("volverá al inicio en 2 segundos.", "volverá al inicio en 1 segundo.")),
    ],
)
def test_the_last_second_is_counted_in_the_singular(
    kiosk: KioskWindow, finger: Finger, qtbot: QtBot, language: str, counted: tuple[str, str]
) -> None:
    finger.tap(kiosk.attract)
    kiosk.set_language(language)
    shown: list[str] = []
    kiosk.overlay.counted.connect(lambda _: shown.append(kiosk.overlay.message.text()))
    kiosk.overlay.start(1.5)  # 2 seconds shown (rounded up), then 1
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=3000)
    assert shown[0].endswith(counted[0]) and shown[1].endswith(counted[1])
