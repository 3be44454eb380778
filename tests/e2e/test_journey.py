"""A patient's journey through the real window, by touch alone."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QScroller
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, CHECKLIST, HOME, topic_screen
from kiosk.ui.topic import TopicScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger

INACTIVE = QScroller.State.Inactive


def visible_topic(kiosk: KioskWindow) -> TopicScreen:
    screen = kiosk.stack.currentWidget()
    assert isinstance(screen, TopicScreen)
    assert screen.isVisible()
    return screen


def test_starts_on_the_attract_screen_with_the_clinic_name(kiosk: KioskWindow) -> None:
    assert kiosk.current_screen() == ATTRACT
    assert kiosk.attract.brand.text() == "Riverside Family Clinic"
    assert kiosk.attract.accessibleName() == "Touch the screen to start"


def test_touch_reaches_every_topic_and_returns_home(
    kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    pages = kiosk.pack.language().pages
    assert [tile.accessibleName() for tile in kiosk.home.grid.tiles] == [p.title for p in pages]
    for index, page in enumerate(pages):
        finger.tap(kiosk.home.grid.tiles[index])
        screen = visible_topic(kiosk)
        assert kiosk.current_screen() == topic_screen(page.id)
        assert screen.title.text() == page.title
        bar = screen.scroll_area.verticalScrollBar()
        assert bar.maximum() > 0, f"{page.id} fits without scrolling at 1080p?"
        finger.swipe(screen.scroll_area.viewport(), -600)
        qtbot.waitUntil(lambda bar=bar: bar.value() > 200, timeout=3000)
        finger.tap(screen.home_button if index % 2 else screen.back_button)
        assert kiosk.current_screen() == HOME


def test_next_topic_steps_through_every_page_in_order(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[0])
    seen = []
    for _ in range(len(kiosk.pack.language().pages)):
        screen = visible_topic(kiosk)
        seen.append(screen.page.id)
        screen.scroll_area.ensureWidgetVisible(screen.next_step)
        finger.tap(screen.next_step)
    assert seen == [page.id for page in kiosk.pack.language().pages]
    assert kiosk.current_screen() == HOME
    assert visible_topic_names(kiosk) == []


def visible_topic_names(kiosk: KioskWindow) -> list[str]:
    return [s.page.id for s in kiosk.findChildren(TopicScreen) if s.isVisible()]


def test_back_returns_to_the_previous_page_where_it_was_left(
    kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[0])
    first = visible_topic(kiosk)
    first.scroll_area.verticalScrollBar().setValue(300)
    first.scroll_area.ensureWidgetVisible(first.next_step)
    kept = first.scroll_area.verticalScrollBar().value()
    finger.tap(first.next_step)
    second = visible_topic(kiosk)
    assert second is not first
    assert second.scroll_area.verticalScrollBar().value() == 0
    finger.tap(second.back_button)
    assert visible_topic(kiosk) is first
    assert first.scroll_area.verticalScrollBar().value() == kept
    finger.tap(first.back_button)
    assert kiosk.current_screen() == HOME


def test_opening_a_topic_again_starts_at_its_top(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[2])
    visible_topic(kiosk).scroll_area.verticalScrollBar().setValue(500)
    finger.tap(visible_topic(kiosk).home_button)
    finger.tap(kiosk.home.grid.tiles[2])
    assert visible_topic(kiosk).scroll_area.verticalScrollBar().value() == 0


def test_a_swipe_scrolls_and_never_selects_text(
    kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[0])
    screen = visible_topic(kiosk)
    finger.swipe(screen.scroll_area.viewport(), -500)
    qtbot.waitUntil(lambda: screen.scroll_area.verticalScrollBar().value() > 0, timeout=3000)
    for label in screen.findChildren(QLabel):
        assert not label.hasSelectedText()
        assert label.textInteractionFlags() == label.textInteractionFlags().NoTextInteraction
    assert kiosk.current_screen() == topic_screen(screen.page.id)


def test_a_mouse_drag_scrolls_like_a_finger_and_taps_still_work(
    kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    """Many touch panels report as a mouse: a left-button drag must scroll the page, a drag
    that starts on a checklist row must not tick it, and taps work right after."""
    finger.mouse_tap(kiosk.attract)
    finger.mouse_tap(kiosk.home.grid.tiles[0])
    screen = visible_topic(kiosk)
    bar = screen.scroll_area.verticalScrollBar()
    finger.mouse_drag(screen.scroll_area.viewport(), -500)
    qtbot.waitUntil(lambda: bar.value() > 200, timeout=3000)
    assert kiosk.current_screen() == topic_screen(screen.page.id)
    finger.mouse_tap(screen.back_button)
    assert kiosk.current_screen() == HOME
    finger.mouse_tap(kiosk.home.checklist_tile)
    assert kiosk.current_screen() == CHECKLIST
    rows = kiosk.checklist.scroll_area

    def a_row_in_view() -> QAbstractButton:
        return next(
            row
            for row in kiosk.checklist.rows.values()
            if row.visibleRegion().boundingRect().height() == row.height()
        )

    rows.verticalScrollBar().setValue(rows.verticalScrollBar().maximum() // 3)
    first = a_row_in_view()
    scrolled = rows.verticalScrollBar().value()
    finger.mouse_drag(first, -300)
    qtbot.waitUntil(lambda: rows.verticalScrollBar().value() > scrolled + 100, timeout=3000)
    qtbot.waitUntil(lambda: QScroller.scroller(rows.viewport()).state() == INACTIVE, timeout=5000)
    assert not kiosk.session.ticked and not first.isChecked() and not first.isDown()
    row = a_row_in_view()
    finger.mouse_tap(row)
    assert row.isChecked() and len(kiosk.session.ticked) == 1
