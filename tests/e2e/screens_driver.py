"""A kiosk moved to another screen, in its own process (the tests' Qt has only one screen).

Usage: QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json python -m tests.e2e.screens_driver
With two screens of different pixel densities configured: the kiosk covers the primary one, a
patient ticks two checklist rows, the window moves to the other screen, and the patient's
place, ticks and layout are checked (touch targets sized for the new screen) before the
patient carries on to the summary. Prints one JSON line of what it measured; fails with an
AssertionError otherwise.
"""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kiosk.app import application, create_kiosk
from kiosk.core.session import CHECKLIST, SUMMARY
from kiosk.ui.theme import target_px
from tests.conftest import SETTINGS, Finger
from tests.e2e.layout_checks import assert_controls_fit, assert_text_fits


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def main() -> None:
    app = application()
    first = app.primaryScreen()
    [second] = [screen for screen in app.screens() if screen != first]
    kiosk = create_kiosk(config_path=SETTINGS, watch=False, count_usage=False)
    kiosk.cover_screen()
    settle()
    assert kiosk.screen() == first and kiosk.geometry() == first.geometry()
    finger = Finger()
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    rows = list(kiosk.checklist.rows.values())
    for index in (0, 2):
        finger.tap_row(kiosk.checklist.scroll_area, rows[index])
    before = rows[0].height()
    diagonal = kiosk.settings.display.diagonal_inches
    target_before = target_px(first.size().width(), first.size().height(), diagonal)
    kiosk.setScreen(second)
    settle()
    assert kiosk.screen() == second
    assert kiosk.geometry() == second.geometry(), kiosk.geometry()
    assert kiosk.current_screen() == CHECKLIST
    assert [row.isChecked() for row in rows[:3]] == [True, False, True]
    size = second.size()
    target = target_px(size.width(), size.height(), diagonal)
    screen = kiosk.screens[CHECKLIST]
    assert_controls_fit(kiosk, CHECKLIST, screen, min_target=target)
    assert_text_fits(kiosk, CHECKLIST, screen, (size.width(), size.height()), 1.0)
    measured = {
        "from": first.name(),
        "to": kiosk.screen().name(),
        "geometry": list(kiosk.geometry().getRect()),
        "to_geometry": list(second.geometry().getRect()),
        "target_before": target_before,
        "target": target,
        "row_height_before": before,
        "row_height": rows[0].height(),
    }
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    assert kiosk.current_screen() == SUMMARY
    assert len(kiosk.summary.answer_labels()) == 2
    kiosk.allow_close = True
    kiosk.close()
    print(json.dumps(measured), flush=True)


if __name__ == "__main__":
    main()
