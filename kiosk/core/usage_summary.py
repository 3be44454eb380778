"""What the anonymous usage counts say: per day, hour and week, session length, pages and
reach, and whether use is falling. Qt-free; the staff panel and the HTML report show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.core.session import CHECKLIST, SUMMARY
from kiosk.core.stats import (
    PAGE_REACHED,
    SESSION_HOUR,
    SESSION_LENGTH,
    SESSION_PAGES,
    SESSION_STARTED,
)
from kiosk.core.usage_buckets import LENGTH_EDGES, MOST_PAGES

PERIOD_DAYS = 28  # the charts of "recent use"
TREND_WEEKS = 26
# A steep fall: the last RECENT_WEEKS full weeks average FALL_SHARE or less of the
# BASELINE_WEEKS before them, which averaged at least MIN_BASELINE sessions.
RECENT_WEEKS, BASELINE_WEEKS = 2, 4
FALL_SHARE = 0.6
MIN_BASELINE = 10

Row = tuple[str, str, str, int]


@dataclass(frozen=True)
class Falling:
    """Weekly use has fallen steeply: the sessions per week before and now."""

    baseline: float
    recent: float

    @property
    def drop_percent(self) -> int:
        return round(100 * (1 - self.recent / self.baseline))


@dataclass(frozen=True)
class Week:
    start: date  # a Monday
    sessions: int
    complete: bool  # False for the week still under way


@dataclass(frozen=True)
class UsageSummary:
    first_day: date
    last_day: date
    started: int  # sessions begun in the period
    finished: int  # sessions that ended in the period: the share of each "reach"
    daily: list[tuple[date, int]]
    hourly: list[int]  # 24 counts, by the hour a session began
    lengths: dict[str, int]  # by usage_buckets.length_key
    pages: dict[str, int]  # by usage_buckets.pages_key
    reach: dict[str, float]  # screen id -> share of finished sessions that opened it
    weeks: list[Week]
    falling: Falling | None

    @property
    def checklist_reach(self) -> float:
        return self.reach.get(CHECKLIST, 0.0)

    @property
    def summary_reach(self) -> float:
        return self.reach.get(SUMMARY, 0.0)

    def length_quantile(self, share: float) -> float | None:
        """The session length (seconds) below which ``share`` of sessions fall, read from the
        buckets with a straight line inside each; the open last bucket gives its lower edge."""
        edges = [*LENGTH_EDGES, LENGTH_EDGES[-1]]
        counts = [self.lengths.get(str(edge), 0) for edge in LENGTH_EDGES]
        return _quantile(counts, edges, share)

    def typical_pages(self) -> int | None:
        """The median number of pages (MOST_PAGES stands for that many or more)."""
        counts = [self.pages.get(str(n), 0) for n in range(1, MOST_PAGES + 1)]
        total, seen = sum(counts), 0
        for pages, count in enumerate(counts, start=1):
            seen += count
            if total and seen >= total / 2:
                return pages
        return None


def _quantile(counts: list[int], edges: list[int], share: float) -> float | None:
    total = sum(counts)
    if not total:
        return None
    target, seen = share * total, 0
    for index, count in enumerate(counts):
        if count and seen + count >= target:
            low, high = edges[index], edges[index + 1]
            return low + (high - low) * (target - seen) / count
        seen += count
    return float(edges[-1])


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summarise(
    rows: Iterable[Row], today: date, days: int = PERIOD_DAYS, weeks: int = TREND_WEEKS
) -> UsageSummary:
    """The summary of ``rows`` (UsageStats.rows()) for the ``days`` up to ``today`` and the
    ``weeks`` up to this one."""
    first = today - timedelta(days=days - 1)
    per_day: dict[date, int] = {}
    recent: dict[tuple[str, str], int] = {}
    for day_text, event, key, count in rows:
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            continue  # not a row this kiosk wrote
        if event == SESSION_STARTED:
            per_day[day] = per_day.get(day, 0) + count
        if first <= day <= today:
            recent[event, key] = recent.get((event, key), 0) + count
    daily = [
        (first + timedelta(days=n), per_day.get(first + timedelta(days=n), 0)) for n in range(days)
    ]
    lengths = _keyed(recent, SESSION_LENGTH)
    finished = sum(lengths.values())
    reached = _keyed(recent, PAGE_REACHED)
    trend = _weeks(per_day, today, weeks)
    return UsageSummary(
        first_day=first,
        last_day=today,
        started=sum(count for _, count in daily),
        finished=finished,
        daily=daily,
        hourly=[recent.get((SESSION_HOUR, f"{hour:02d}"), 0) for hour in range(24)],
        lengths=lengths,
        pages=_keyed(recent, SESSION_PAGES),
        reach={screen: min(1.0, n / finished) for screen, n in reached.items()} if finished else {},
        weeks=trend,
        falling=falling_use(trend),
    )


def _keyed(counts: Mapping[tuple[str, str], int], event: str) -> dict[str, int]:
    return {key: count for (name, key), count in counts.items() if name == event}


def _weeks(per_day: Mapping[date, int], today: date, limit: int) -> list[Week]:
    """Sessions per week, from the first week with any (at most ``limit`` weeks) to this one."""
    this_week = monday(today)
    if not per_day:
        return [Week(this_week, 0, complete=False)]
    start = max(monday(min(per_day)), this_week - timedelta(weeks=limit - 1))
    totals: dict[date, int] = {}
    for day, count in per_day.items():
        totals[monday(day)] = totals.get(monday(day), 0) + count
    span = (this_week - start).days // 7 + 1
    mondays = [start + timedelta(weeks=n) for n in range(span)]
    return [Week(week, totals.get(week, 0), complete=week < this_week) for week in mondays]


def falling_use(weeks: list[Week]) -> Falling | None:
    """A steep fall in weekly use, judged on full weeks only; None when use holds up or
    there are too few weeks to tell."""
    full = [week.sessions for week in weeks if week.complete]
    if len(full) < RECENT_WEEKS + BASELINE_WEEKS:
        return None
    recent = sum(full[-RECENT_WEEKS:]) / RECENT_WEEKS
    before = full[-RECENT_WEEKS - BASELINE_WEEKS : -RECENT_WEEKS]
    baseline = sum(before) / BASELINE_WEEKS
    if baseline < MIN_BASELINE or recent > FALL_SHARE * baseline:
        return None
    return Falling(baseline, recent)
