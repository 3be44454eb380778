"""Usage staff can see: the staff panel's charts painted from a real usage database, sessions
ended at their last touch, the report saved from the panel and from `kiosk stats --report`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.session import HOME, STAFF_PANEL
from kiosk.core.usage_charts import FALLING_TITLE
from kiosk.ui.look import colour
from kiosk.ui.usage_chart import UsageChart
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger, open_kiosk, short_idle_settings
from tests.e2e.layout_checks import assert_text_fits
from tests.e2e.test_staff_mode import open_panel, staff_of, staff_settings
from tests.usage_data import simulate

CHARTS = ["days", "weeks", "hours", "lengths", "pages", "reach"]


def sessions_in_last_28_days(database: Path) -> dict[str, int]:
    """Sessions per day straight from the database, not through the kiosk's summary."""
    first = (date.today() - timedelta(days=27)).isoformat()
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute(
            "SELECT day, sum(count) FROM counts WHERE event = 'session_started' AND day >= ? "
            "GROUP BY day",
            (first,),
        ).fetchall()
    return dict(rows)


def panel_with_usage(qtbot: QtBot, tmp_path: Path, finger: Finger, **simulated: int) -> KioskWindow:
    data = tmp_path / "data"
    data.mkdir()
    simulate(data / "usage.sqlite3", date.today(), weeks=10, **simulated).close()
    kiosk = open_kiosk(qtbot, config_path=staff_settings(tmp_path), data_dir=data)
    open_panel(kiosk, finger)
    assert kiosk.current_screen() == STAFF_PANEL
    return kiosk


def primary_runs(image: QImage, y: int, primary: QColor) -> int:
    """How many separate runs of the primary colour cross the row ``y`` of ``image``."""
    runs, inside = 0, False
    for x in range(image.width()):
        hit = image.pixelColor(x, y) == primary
        runs += hit and not inside
        inside = hit
    return runs


def test_staff_panel_paints_the_charts_from_the_database(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    kiosk = panel_with_usage(qtbot, tmp_path, finger, fall_weeks=2)
    panel = staff_of(kiosk).panel
    charts = panel.findChildren(UsageChart)
    assert [chart.chart.key for chart in charts] == CHARTS
    falling = panel.findChild(QWidget, "UsageFalling")
    assert falling is not None and falling.isVisibleTo(panel)
    assert FALLING_TITLE in [label.text() for label in falling.findChildren(QLabel)]
    per_day = sessions_in_last_28_days(tmp_path / "data" / "usage.sqlite3")
    texts = [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]
    assert str(sum(per_day.values())) in texts and "Sessions in the last 28 days" in texts
    days = charts[0]
    image = days.grab().toImage()
    primary = colour(days, "primary")
    floor = max(box.y + box.height for box in days.drawing().boxes)
    # Just above the axis, one column of bar colour per day with sessions, none for the rest.
    assert primary_runs(image, round(floor) - 3, primary) == len(per_day)
    tallest = max(days.drawing().boxes, key=lambda box: box.height)
    centre = round(tallest.x + tallest.width / 2)
    assert image.pixelColor(centre, round(tallest.y + 4)) == primary
    assert image.pixelColor(centre, round(tallest.y - 6)) != primary
    for chart in charts:  # every bar and point of every chart painted where it belongs
        picture, drawing = chart.grab().toImage(), chart.drawing()
        big = [box for box in drawing.boxes if min(box.width, box.height) >= 3]
        marks = [(box.x + box.width / 2, box.y + box.height / 2) for box in big]
        marks += [(dot.x, dot.y) for dot in drawing.dots if dot.role == "line"]
        assert len(marks) > 3, f"{chart.chart.key} drew almost nothing"
        for x, y in marks:
            assert picture.pixelColor(round(x), round(y)) == primary, chart.chart.key


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)])
def test_usage_section_fits_every_screen(
    qtbot: QtBot, tmp_path: Path, finger: Finger, size: tuple[int, int]
) -> None:
    kiosk = panel_with_usage(qtbot, tmp_path, finger)
    kiosk.resize(*size)
    qtbot.waitUntil(lambda: kiosk.width() == size[0])
    panel = staff_of(kiosk).panel
    assert panel.findChild(QWidget, "UsageFalling") is None  # steady use: no alert
    assert_text_fits(kiosk, STAFF_PANEL, panel, size, 1.0)
    for chart in panel.findChildren(UsageChart):
        assert chart.width() >= 400, f"{chart.chart.key} is squeezed to {chart.width()} px"


def test_a_session_ends_at_its_last_touch_not_at_the_reset(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    data = tmp_path / "data"
    kiosk = open_kiosk(qtbot, config_path=short_idle_settings(tmp_path), data_dir=data)
    ended: list[tuple[float, float]] = []
    kiosk.session_ended.connect(lambda idle: ended.append((idle, time.monotonic())))
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    last_touch = time.monotonic()
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    idle, at = ended[0]
    watcher = kiosk.idle_watcher
    assert idle >= watcher.timeout_ms / 1000, "the idle time before the warning is not counted"
    assert abs((at - last_touch) - idle) < 0.25, "the session's end is not its last touch"
    assert kiosk.current_screen() != HOME
    staff_of(kiosk).stats.close()  # type: ignore[union-attr]
    with closing(sqlite3.connect(data / "usage.sqlite3")) as db:
        finished = dict(db.execute("SELECT event, sum(count) FROM counts GROUP BY event"))
    assert finished["session_length"] == finished["session_pages"] == 1
    assert finished["page_reached"] == 2  # home and the checklist


def test_save_usage_report_writes_the_report_and_the_counts(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    kiosk = panel_with_usage(qtbot, tmp_path, finger)
    staff = staff_of(kiosk)
    finger.tap_row(staff.panel.scroll_area, staff.panel.buttons["Save usage report"])
    [page] = (tmp_path / "data").glob("usage-*.html")
    [counts] = (tmp_path / "data").glob("usage-*.csv")
    root = ET.fromstring(page.read_text(encoding="utf-8").removeprefix("<!DOCTYPE html>"))
    assert [section.get("id") for section in root.iter("section")] == CHARTS
    assert counts.read_text(encoding="utf-8").startswith("day,event,screen,count\n")
    assert str(page) in staff.panel.message.text()


def test_kiosk_stats_report_names_pages_by_their_titles(tmp_path: Path) -> None:
    simulate(tmp_path / "usage.sqlite3", date.today(), weeks=8).close()
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp_path)}
    out = tmp_path / "report.html"
    run = [sys.executable, "-m", "kiosk", "stats", "--report", str(out)]
    result = subprocess.run(run, capture_output=True, text=True, check=False, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    assert "Lifestyle steps" in page and "topic/lifestyle-steps" not in page
    wrong = subprocess.run(
        [*run, "--days", "3"], capture_output=True, text=True, check=False, env=env, timeout=120
    )
    assert wrong.returncode == 2 and "--days must be between 7 and 366" in wrong.stderr
