"""Warning signs: seen without scrolling where people with symptoms are, in every language,
with the clinic's own numbers, read aloud, and kept current by lint."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.content.lint import lint
from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.core.sources import load_all
from kiosk.ui.read_aloud import screen_text
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.topic import TopicScreen
from kiosk.ui.warning import WarningPanel
from kiosk.ui.window import KioskWindow
from tests.conftest import CONTENT, LANDSCAPE, PORTRAIT, Finger, open_kiosk


def shown_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def visible_without_scrolling(screen: ReadingScreen, widget: QWidget) -> bool:
    """``widget`` lies wholly inside the scroll area's viewport, with the page at its top."""
    viewport = screen.scroll_area.viewport()
    assert screen.scroll_area.verticalScrollBar().value() == 0
    box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(box)


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["1920x1080", "1080x1920"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_warning_signs_are_seen_without_scrolling_on_checklist_and_summary(
    qtbot: QtBot, finger: Finger, size: tuple[int, int], language: str
) -> None:
    kiosk = open_kiosk(qtbot, size)
    kiosk.set_language(language)
    finger.fill_checklist(kiosk, [5, 14, 15])  # heartburn, asthma, low mood
    warning = kiosk.pack.language(language).checklist.warning
    for screen_id, screen in ((SUMMARY, kiosk.summary), (CHECKLIST, kiosk.checklist)):
        if screen_id == CHECKLIST:
            finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.edit_button)
            screen.reset()
        QApplication.processEvents()
        assert kiosk.current_screen() == screen_id
        panel = screen.findChild(WarningPanel)
        assert panel is not None and panel.isVisible()
        assert visible_without_scrolling(screen, panel), f"{screen_id} warning is cut off"
        texts = shown_texts(panel)
        for line in (warning.now.heading, warning.soon.heading, *warning.soon.signs):
            assert line in texts
        urgent = shown_texts(panel.now)
        assert urgent[0] == warning.now.heading
        assert urgent[1] in ("Call 911 now if you have:", "Llame al 911 ahora si tiene:")


def test_urgent_tier_comes_first_and_looks_different(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    panel = kiosk.checklist.warning
    now, soon = panel.now, panel.soon
    assert now.mapTo(panel, QPoint(0, 0)).x() < soon.mapTo(panel, QPoint(0, 0)).x(), "side by side"
    kiosk.resize(*PORTRAIT)
    QApplication.processEvents()
    assert now.mapTo(panel, QPoint(0, 0)).y() < soon.mapTo(panel, QPoint(0, 0)).y(), "stacked"
    edge = now.grab().toImage().pixelColor(4, now.height() // 2)
    other = soon.grab().toImage().pixelColor(4, soon.height() // 2)
    assert edge != other, "the two tiers share one colour"


def test_safety_lines_sit_with_their_items_and_on_the_summary(
    kiosk: KioskWindow, finger: Finger
) -> None:
    finger.fill_checklist(kiosk, [5, 15])
    rows = kiosk.checklist.rows
    assert "Chest pain or pressure can be your heart. Call 911 now." in shown_texts(
        rows["heartburn"]
    )
    assert any("call or text 988" in text for text in shown_texts(rows["low-mood"]))
    assert any("call 911 now" in text for text in shown_texts(rows["asthma"]))
    assert not rows["gas"].safety.isVisibleTo(rows["gas"])
    assert "Call 911 now" in rows["heartburn"].accessibleDescription()
    summary = shown_texts(kiosk.summary.answers)
    assert "Chest pain or pressure can be your heart. Call 911 now." in summary
    assert not any("breath" in text for text in summary), "asthma was not ticked"


def test_clinic_numbers_fill_every_blank(qtbot: QtBot, tmp_path: Path, finger: Finger) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text(
        "safety:\n  emergency_number: '112'\n  crisis_line: '116 123'\n  clinic_phone: 555-0100\n",
        encoding="utf-8",
    )
    kiosk = open_kiosk(qtbot, config_path=settings)
    finger.fill_checklist(kiosk, [15])
    words = " ".join(shown_texts(kiosk.summary) + shown_texts(kiosk.checklist))
    words += " ".join(shown_texts(kiosk.screens[topic_screen("signs-people-report")]))
    assert "Call 112 now if you have:" in words and "call or text 116 123" in words
    assert "Your clinic's phone: 555-0100" in words
    assert "{" not in words and "911" not in words and "988" not in words


def test_signs_page_opens_with_the_warning_and_ends_with_the_checklist(
    kiosk: KioskWindow, finger: Finger
) -> None:
    finger.tap(kiosk.attract)
    kiosk.go(topic_screen("signs-people-report"))
    QApplication.processEvents()
    screen = kiosk.stack.currentWidget()
    assert isinstance(screen, TopicScreen)
    panel = screen.findChild(WarningPanel)
    assert panel is not None and panel.title.isVisible()
    top = panel.mapTo(screen.scroll_area.viewport(), QPoint(0, 0)).y()
    assert 0 < top < screen.scroll_area.viewport().height(), "the warning starts on arrival"
    spoken = screen_text(screen)
    assert spoken.index("In short") < spoken.index("Get care now") < spoken.index("Gas")
    assert "Call 911 now if you have:" in spoken
    assert screen.checklist_step is not None
    finger.tap_row(screen.scroll_area, screen.checklist_step)
    assert kiosk.current_screen() == CHECKLIST


def test_every_page_starts_in_short_and_ends_with_its_review(kiosk: KioskWindow) -> None:
    kiosk.go(HOME)
    pages = kiosk.pack.language().pages
    for index, page in enumerate(pages):
        screen = kiosk.screens[topic_screen(page.id)]
        assert isinstance(screen, TopicScreen)
        column = widgets_in(screen.column)
        assert column[:2] == [screen.status, screen.title], page.id  # "1 / 6", the title
        after_title = column[3] if column[2] is screen.picture else column[2]  # its picture
        assert after_title is screen.in_short, f"{page.id}: 'In short' is not first"
        assert shown_texts(screen.in_short)[0] == "In short"
        assert all(point in shown_texts(screen.in_short) for point in page.key_points)
        assert screen.reviewed.text().startswith("Last checked by Gut-health kiosk content team")
        assert "November 29, 2026" in screen.reviewed.text()
        last = index + 1 == len(pages)
        wants_tile = page.offer_checklist or last
        assert (screen.checklist_step is not None) == wants_tile, page.id


def test_no_checklist_tiles_when_the_clinic_turns_the_checklist_off(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text("features:\n  checklist: false\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=settings)
    kiosk.go(HOME)
    for page in kiosk.pack.language().pages:
        screen = kiosk.screens[topic_screen(page.id)]
        assert isinstance(screen, TopicScreen) and screen.checklist_step is None


def test_spanish_review_date_is_written_in_spanish(kiosk: KioskWindow) -> None:
    kiosk.set_language("es")
    kiosk.go(HOME)
    screen = kiosk.screens[topic_screen("what-is-leaky-gut")]
    assert isinstance(screen, TopicScreen)
    assert screen.reviewed.text().endswith("29 de noviembre de 2026.")


def test_lint_warns_when_a_review_is_old_or_missing(tmp_path: Path) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    page = pack / "es" / "pages" / "lifestyle-steps.yaml"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("review:")], encoding="utf-8")
    loaded = load_all(content=pack)
    later = datetime.date(2027, 12, 30)
    found = [str(finding) for finding in lint(loaded, today=later)]
    old = [line for line in found if "months ago" in line]
    assert len(old) == 11, "every reviewed page is 13 months old"
    assert any(
        "what-is-leaky-gut.yaml:" in line
        and "warning: review.date: last checked 2026-11-29, 13 months ago (limit 12)" in line
        for line in old
    )
    missing = [line for line in found if "no review" in line]
    assert len(missing) == 1 and str(page) in missing[0]
    assert not [f for f in lint(loaded, review_months=24, today=later) if "months ago" in str(f)]


def widgets_in(layout: QLayout) -> list[QWidget]:
    """The widgets of ``layout`` and of the layouts in it, in reading order."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if (widget := item.widget()) is not None:
            found.append(widget)
        elif (inner := item.layout()) is not None:
            found.extend(widgets_in(inner))
    return found
