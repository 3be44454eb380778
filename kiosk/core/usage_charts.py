"""The usage charts staff see, as data: which charts, their bars and their one-line reading.
Qt-free; drawn by kiosk/ui/usage_chart.py (the staff panel) and kiosk/core/usage_report.py
(the HTML report), both through kiosk/core/chart_layout.py, so the two show the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kiosk.core.content.model import ContentPack
from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.core.usage_buckets import (
    LENGTH_EDGES,
    MOST_PAGES,
    length_label,
    pages_label,
    short_duration,
)
from kiosk.core.usage_summary import (
    BASELINE_WEEKS,
    RECENT_WEEKS,
    Falling,
    UsageSummary,
)

Kind = Literal["columns", "rows", "line"]
# Hours always shown on the time-of-day chart, widened to any hour that had a session.
OPENING_HOURS = range(8, 18)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as written on the chart
    partial: bool = False  # a week still under way: drawn faded


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    reading: str  # one line saying what the chart shows
    kind: Kind
    bars: tuple[Bar, ...]
    empty: str = "No sessions in this period yet."

    @property
    def has_data(self) -> bool:
        return any(bar.value for bar in self.bars)


def page_titles(pack: ContentPack) -> dict[str, str]:
    """Each topic screen's title in the pack's default language, by screen id."""
    return {topic_screen(page.id): page.title for page in pack.language().pages}


def _percent(share: float) -> str:
    return f"{round(100 * share)} %"


def headline(summary: UsageSummary) -> list[tuple[str, str]]:
    """The key figures: (what, how much)."""
    middle = summary.length_quantile(0.5)
    pages = summary.typical_pages()
    none = "none yet"
    finished = summary.finished
    return [
        (f"Sessions in the last {len(summary.daily)} days", str(summary.started)),
        ("Typical session", short_duration(middle) if middle is not None else none),
        ("Typical pages per session", pages_label(str(pages)) if pages else none),
        ("Reached the checklist", _percent(summary.checklist_reach) if finished else none),
        ("Reached its summary", _percent(summary.summary_reach) if finished else none),
    ]


FALLING_TITLE = "Fewer people use the kiosk"


def long_date(day: date) -> str:
    """``"3 November 2026"``."""
    return f"{day.day} {day:%B %Y}"


def falling_text(falling: Falling) -> str:
    return (
        f"Use has fallen by {falling.drop_percent} %: {falling.recent:.0f} sessions a week over "
        f"the last {RECENT_WEEKS} full weeks, against {falling.baseline:.0f} in the "
        f"{BASELINE_WEEKS} weeks before. People stop noticing a kiosk after a while: "
        "refresh the pages (new pictures, a new topic) or move the screen where people wait."
    )


def charts(summary: UsageSummary, names: Mapping[str, str] | None = None) -> list[Chart]:
    """Every usage chart, in the order staff read them. ``names`` gives a title for screen ids."""
    return [
        _per_day(summary),
        _per_week(summary),
        _per_hour(summary),
        _lengths(summary),
        _pages(summary),
        _reach(summary, names or {}),
    ]


def _per_day(summary: UsageSummary) -> Chart:
    bars = tuple(
        Bar(f"{day.day} {day:%b}" if day.weekday() == 0 else "", count, str(count))
        for day, count in summary.daily
    )
    busiest = max(summary.daily, key=lambda item: item[1])
    reading = (
        f"Busiest day: {busiest[0]:%a %d %b} with {busiest[1]} sessions (Mondays are labelled)."
        if busiest[1]
        else ""
    )
    return Chart("days", "Sessions per day", reading, "columns", bars)


def _per_week(summary: UsageSummary) -> Chart:
    bars = tuple(
        Bar(
            f"{week.start.day} {week.start:%b}",
            week.sessions,
            str(week.sessions),
            partial=not week.complete,
        )
        for week in summary.weeks
    )
    reading = "Each point is a week from Monday; the last, still under way, is faded."
    if summary.falling:
        reading = "Weekly use is falling steeply: see the note above."
    return Chart("weeks", "Sessions per week", reading, "line", bars)


def _per_hour(summary: UsageSummary) -> Chart:
    used = [hour for hour, count in enumerate(summary.hourly) if count]
    first = min([*used, OPENING_HOURS.start])
    last = max([*used, OPENING_HOURS.stop - 1])
    bars = tuple(
        Bar(f"{hour}:00", summary.hourly[hour], str(summary.hourly[hour]))
        for hour in range(first, last + 1)
    )
    reading = ""
    if used:
        peak = max(range(24), key=lambda hour: summary.hourly[hour])
        reading = f"Busiest hour: {peak}:00 to {peak + 1}:00 (by when each session began)."
    return Chart("hours", "Time of day", reading, "columns", bars)


def _lengths(summary: UsageSummary) -> Chart:
    bars = tuple(
        Bar(length_label(str(edge)), count, str(count))
        for edge in LENGTH_EDGES
        for count in [summary.lengths.get(str(edge), 0)]
    )
    middle = summary.length_quantile(0.5)
    low, high = summary.length_quantile(0.25), summary.length_quantile(0.75)
    reading = ""
    if middle is not None and low is not None and high is not None:
        reading = (
            f"Typical session {short_duration(middle)}; half of them last between "
            f"{short_duration(low)} and {short_duration(high)} (to the last touch)."
        )
    return Chart("lengths", "How long sessions last", reading, "rows", bars)


def _pages(summary: UsageSummary) -> Chart:
    bars = tuple(
        Bar(pages_label(str(n)), count, str(count))
        for n in range(1, MOST_PAGES + 1)
        for count in [summary.pages.get(str(n), 0)]
    )
    typical = summary.typical_pages()
    reading = f"Half of sessions open {typical} or more different pages." if typical else ""
    return Chart("pages", "Pages per session", reading, "columns", bars)


def _reach(summary: UsageSummary, names: Mapping[str, str]) -> Chart:
    titles = {HOME: "Home", CHECKLIST: "Symptom checklist", SUMMARY: "Checklist summary"}
    titles.update(names)
    ranked = sorted(summary.reach.items(), key=lambda item: (-item[1], item[0]))
    bars = tuple(
        Bar(titles.get(screen, screen), share, _percent(share)) for screen, share in ranked
    )
    reading = (
        f"Of {summary.finished} finished sessions, the share that opened each page."
        if summary.finished
        else ""
    )
    return Chart("reach", "How far people go", reading, "rows", bars)
