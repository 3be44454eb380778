"""Property: whatever a patient did, the idle timeout leaves the kiosk as if freshly started."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT
from kiosk.ui.access_bar import TEXT_SCALES, AccessBar
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.topic import TopicScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger, QuickIdle, short_idle_settings
from tests.kiosk_state import dispose, fresh_kiosk, fresh_observable, observable

Action = tuple[str, int]

actions = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["tile", "tick"]), st.integers(0, 15)),
        st.tuples(st.just("scroll"), st.integers(0, 4000)),
        st.tuples(
            st.sampled_from(["start", "back", "home", "next", "see", "edit", "clear"]), st.just(0)
        ),
        st.tuples(st.sampled_from(["size", "contrast", "language"]), st.integers(0, 2)),
    ),
    max_size=25,
)


def perform(kiosk: KioskWindow, finger: Finger, action: Action) -> None:
    kind, number = action
    screen = kiosk.screens[kiosk.current_screen()]
    if kind == "start" and screen is kiosk.attract:
        finger.tap(kiosk.attract)
    elif kind == "tile" and screen is kiosk.home:
        tiles = [*kiosk.home.grid.tiles, kiosk.home.checklist_tile]
        finger.tap_row(kiosk.home.scroll_area, tiles[number % len(tiles)])
    elif kind == "tick" and screen is kiosk.checklist:
        rows = list(kiosk.checklist.rows.values())
        finger.tap_row(kiosk.checklist.scroll_area, rows[number % len(rows)])
    elif kind == "scroll" and isinstance(screen, ReadingScreen):
        screen.scroll_area.verticalScrollBar().setValue(number)
    elif kind in ("back", "home") and isinstance(screen, ReadingScreen):
        finger.tap(screen.back_button if kind == "back" else screen.home_button)
    elif kind == "next" and isinstance(screen, TopicScreen):
        finger.tap_row(screen.scroll_area, screen.next_step)
    elif kind == "see" and screen is kiosk.checklist:
        finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    elif kind in ("size", "contrast", "language") and (bar := screen.findChild(AccessBar)):
        if kind in ("size", "contrast"):
            # Opening the sheet and restyling may outlast the 50 ms timers on a busy machine:
            # no warning (or reset) may come over the sheet before its buttons are tapped.
            kiosk.idle_watcher.disarm()
            finger.tap(bar.sheet_button)
            sheet = kiosk.preferences.sheet
            assert sheet is not None
            scale = TEXT_SCALES[number % len(TEXT_SCALES)]
            finger.tap(sheet.sizes[scale] if kind == "size" else sheet.contrast)
            calm(kiosk)  # a restyle may outlast these 50 ms timers: no warning over the sheet
            finger.tap(sheet.close_button)
        else:
            other = [b for b in bar.languages.values() if b.isVisible()]
            finger.tap(other[number % len(other)])
    elif kind in ("edit", "clear") and screen is kiosk.summary:
        button = kiosk.summary.edit_button if kind == "edit" else kiosk.summary.clear_button
        finger.tap_row(kiosk.summary.scroll_area, button)


def calm(kiosk: KioskWindow) -> None:
    """The property is about the final timeout: keep earlier warnings from interleaving."""
    kiosk.overlay.stop()
    if kiosk.current_screen() != ATTRACT:
        kiosk.idle_watcher.arm()


@pytest.fixture(scope="module")
def quick_config(tmp_path_factory: pytest.TempPathFactory) -> QuickIdle:
    return short_idle_settings(tmp_path_factory.mktemp("idle"), timeout=0.05, warning=0.05)


@pytest.fixture(scope="module")
def fresh_state(quick_config: QuickIdle, qapp: QApplication) -> dict[str, Any]:
    return fresh_observable(quick_config)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=actions)
def test_timeout_after_any_session_equals_a_fresh_start(
    qtbot: QtBot, quick_config: QuickIdle, fresh_state: dict[str, Any], steps: list[Action]
) -> None:
    kiosk = fresh_kiosk(quick_config)
    try:
        finger = Finger()
        for step in steps:
            perform(kiosk, finger, step)
            calm(kiosk)
        if kiosk.current_screen() != ATTRACT:
            with qtbot.waitSignal(kiosk.session_reset, timeout=3000):
                pass
        QApplication.processEvents()
        assert observable(kiosk) == fresh_state
    finally:
        dispose(kiosk)
