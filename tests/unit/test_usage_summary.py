"""The usage summary, its charts' layout and the HTML report, from counts as the kiosk keeps."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.chart_layout import lay_out, natural_height, text_width
from kiosk.core.session import CHECKLIST, HOME, SUMMARY
from kiosk.core.stats import (
    PAGE_REACHED,
    SESSION_HOUR,
    SESSION_LENGTH,
    SESSION_PAGES,
    SESSION_STARTED,
)
from kiosk.core.usage_charts import Bar, Chart, charts, headline
from kiosk.core.usage_report import report
from kiosk.core.usage_summary import Week, falling_use, monday, summarise
from tests.usage_data import simulate

TODAY = date(2026, 11, 30)  # a Monday
SVG = "{http://www.w3.org/2000/svg}"


def day(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


def test_summary_of_counts_in_and_out_of_the_period() -> None:
    rows = [
        (day(0), SESSION_STARTED, "", 4),
        (day(27), SESSION_STARTED, "", 6),
        (day(28), SESSION_STARTED, "", 100),  # before the 28 days: in the weeks only
        (day(28), SESSION_LENGTH, "1800", 100),
        (day(2), SESSION_LENGTH, "60", 2),
        (day(3), SESSION_LENGTH, "120", 2),
        (day(2), SESSION_HOUR, "09", 3),
        (day(3), SESSION_HOUR, "14", 1),
        (day(2), SESSION_PAGES, "2", 1),
        (day(2), SESSION_PAGES, "5", 3),
        (day(2), PAGE_REACHED, HOME, 4),
        (day(2), PAGE_REACHED, CHECKLIST, 1),
        (day(2), PAGE_REACHED, SUMMARY, 1),
        ("not-a-day", SESSION_STARTED, "", 1000),  # not a row the kiosk wrote: skipped
    ]
    summary = summarise(rows, TODAY)
    assert summary.started == 10 and summary.finished == 4
    assert summary.daily[0] == (TODAY - timedelta(days=27), 6) and summary.daily[-1] == (TODAY, 4)
    assert summary.hourly[9] == 3 and summary.hourly[14] == 1 and sum(summary.hourly) == 4
    # two sessions in 60-90 s and two in 120-180 s: a straight line inside each bucket
    assert summary.length_quantile(0.5) == 90
    assert summary.length_quantile(0.25) == 75
    assert summary.length_quantile(0.75) == 150
    assert summary.typical_pages() == 5
    assert summary.reach == {HOME: 1.0, CHECKLIST: 0.25, SUMMARY: 0.25}
    assert sum(week.sessions for week in summary.weeks) == 110
    assert summary.weeks[-1] == Week(TODAY, 4, complete=False)
    assert dict(headline(summary)) == {
        "Sessions in the last 28 days": "10",
        "Typical session": "1 min 30 s",
        "Typical pages per session": "5",
        "Reached the checklist": "25 %",
        "Reached its summary": "25 %",
    }


def test_an_empty_database_says_so() -> None:
    summary = summarise([], TODAY)
    assert summary.started == 0 and summary.length_quantile(0.5) is None
    assert summary.weeks == [Week(TODAY, 0, complete=False)] and summary.falling is None
    assert {value for _, value in headline(summary)} == {"0", "none yet"}
    for chart in charts(summary):
        drawing = lay_out(chart, 800, natural_height(chart, 20), 20)
        assert [text.text for text in drawing.texts] == [chart.empty]
        assert not drawing.boxes


def weeks(*sessions: int, partial: int = 0) -> list[Week]:
    start = monday(TODAY) - timedelta(weeks=len(sessions))
    done = [Week(start + timedelta(weeks=n), count, True) for n, count in enumerate(sessions)]
    return [*done, Week(monday(TODAY), partial, complete=False)]


def test_a_steep_fall_in_weekly_use_is_flagged() -> None:
    falling = falling_use(weeks(60, 58, 62, 60, 22, 18))
    assert falling is not None
    assert (falling.baseline, falling.recent, falling.drop_percent) == (60, 20, 67)


@pytest.mark.parametrize(
    "history",
    [
        weeks(60, 58, 62, 60, 50, 45),  # a dip, not a fall (40 % is the line)
        weeks(60, 58, 62, 60, 60, 61, partial=0),  # this week has only begun: not counted
        weeks(8, 9, 8, 9, 1, 0),  # too little use to judge
        weeks(60, 58, 62, 10, 10),  # too few full weeks to judge
    ],
)
def test_use_that_holds_up_is_not_flagged(history: list[Week]) -> None:
    assert falling_use(history) is None


def test_weeks_run_from_the_first_use_and_the_fall_reaches_the_summary(tmp_path: Path) -> None:
    stats = simulate(tmp_path / "usage.sqlite3", TODAY, weeks=10, fall_weeks=2)
    summary = summarise(stats.rows(), TODAY)
    stats.close()
    assert summary.weeks[0].start == monday(TODAY - timedelta(weeks=10))
    assert len(summary.weeks) == 11 and [w.complete for w in summary.weeks].count(False) == 1
    assert summary.falling is not None and summary.falling.drop_percent >= 50
    assert summary.finished == summary.started  # every simulated visit ended in a reset


def test_columns_are_as_tall_as_their_values_and_labels_never_touch() -> None:
    bars = tuple(Bar(f"{n}:00", value, str(value)) for n, value in enumerate([3, 0, 12, 6]))
    drawing = lay_out(Chart("c", "C", "", "columns", bars), 400, 280, 20)
    heights = [box.height for box in drawing.boxes]
    assert heights[1] == 0 and heights[2] == pytest.approx(4 * heights[0])
    assert heights[3] == pytest.approx(heights[2] / 2)
    assert {"3", "12", "6"} <= {text.text for text in drawing.texts if text.role == "value"}


@given(
    st.lists(
        st.tuples(st.text(min_size=0, max_size=14), st.integers(min_value=0, max_value=10**6)),
        min_size=1,
        max_size=60,
    ),
    st.integers(min_value=160, max_value=1600),
    st.sampled_from(["columns", "rows", "line"]),
)
def test_any_chart_stays_inside_its_box(
    items: list[tuple[str, int]], width: int, kind: str
) -> None:
    bars = tuple(Bar(label, value, str(value)) for label, value in items)
    chart = Chart("any", "Any", "", kind, bars)  # type: ignore[arg-type]
    size = 18
    height = natural_height(chart, size)
    drawing = lay_out(chart, width, height, size)
    for box in drawing.boxes:
        assert box.x >= 0 and box.y >= 0 and box.width >= 0 and box.height >= 0
        assert box.x + box.width <= width + 0.01 and box.y + box.height <= height + 0.01
    labels = sorted(
        (text.x - text_width(text.text, size) / 2, text.x + text_width(text.text, size) / 2)
        for text in drawing.texts
        if text.role == "label" and text.anchor == "middle"
    )
    for (_, end), (start, _) in itertools.pairwise(labels):
        assert start > end, "two axis labels overlap"
    for text in drawing.texts:
        if text.anchor == "end":  # a row's label, cut to fit left of its bar
            assert text_width(text.text, size) <= text.x + 0.01
        if text.role in {"label", "value"} and text.anchor == "middle":  # whole, inside
            half = text_width(text.text, size) / 2
            assert text.x - half >= -0.01 and text.x + half <= width + 0.01


def parsed_report(summary_rows: list[tuple[str, str, str, int]], **kwargs: str) -> ET.Element:
    page = report(summarise(summary_rows, TODAY), clinic=kwargs.get("clinic", "Riverside"))
    assert page.startswith("<!DOCTYPE html>")
    return ET.fromstring(page.removeprefix("<!DOCTYPE html>"))


def test_the_report_is_one_self_contained_page_with_every_chart(tmp_path: Path) -> None:
    stats = simulate(tmp_path / "usage.sqlite3", TODAY, weeks=10, fall_weeks=2)
    rows = stats.rows()
    stats.close()
    summary = summarise(rows, TODAY)
    page = report(summary, clinic="Riverside", names={"topic/lifestyle-steps": "Everyday steps"})
    root = ET.fromstring(page.removeprefix("<!DOCTYPE html>"))
    # Nothing fetched, nothing run: no scripts, no links or sources out of the page.
    assert not root.findall(".//script") and not root.findall(".//link")
    assert not [e for e in root.iter() if {"src", "href"} & set(e.attrib)]
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)
    sections = root.findall(".//section")
    assert [s.get("id") for s in sections] == [chart.key for chart in charts(summary)]
    assert root.find(".//div[@class='alert']") is not None
    assert "Everyday steps" in page
    days = next(s for s in sections if s.get("id") == "days")
    columns = [float(rect.get("height", "")) for rect in days.iter(f"{SVG}rect")]
    counts = [count for _, count in summary.daily]
    tallest = max(columns)
    assert columns == pytest.approx([tallest * n / max(counts) for n in counts], abs=0.1)
    figures = [li.find("strong").text for li in root.findall(".//ul[@class='figures']/li")]  # type: ignore[union-attr]
    assert figures[0] == str(summary.started)


def test_steady_use_has_no_alert_and_hostile_names_stay_text(tmp_path: Path) -> None:
    stats = simulate(tmp_path / "usage.sqlite3", TODAY, weeks=10)
    rows = stats.rows()
    stats.close()
    hostile = '<script>alert("x")</script> & Co'
    page = report(summarise(rows, TODAY), clinic=hostile, names={HOME: "<img src=x>"})
    root = ET.fromstring(page.removeprefix("<!DOCTYPE html>"))
    assert root.find(".//div[@class='alert']") is None
    assert not root.findall(".//script") and not root.findall(".//img")
    assert hostile in (root.findtext(".//h1") or "")
