"""Months of made-up kiosk use, counted through the real recorder and database, for tests and
for looking at the usage charts:

    .venv/bin/python -m tests.usage_data /tmp/usage-demo   # then KIOSK_DATA_DIR=/tmp/usage-demo
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.core.stats import UsageStats
from kiosk.core.usage import UsageRecorder

TOPICS = (
    "what-is-leaky-gut",
    "why-gut-becomes-leaky",
    "signs-people-report",
    "when-gut-is-addressed",
    "lifestyle-steps",
    "what-the-science-says",
)


class Clock:
    """A monotonic clock and a wall clock that the simulation moves on."""

    def __init__(self, start: datetime) -> None:
        self.wall, self.seconds = start, 0.0

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.seconds += seconds


def visit(recorder: UsageRecorder, clock: Clock, screens: list[str], seconds: float) -> None:
    """One patient: ``screens`` in turn over ``seconds``, then walking away (idle reset)."""
    for screen in screens:
        recorder.screen_shown(screen)
        clock.advance(seconds / len(screens))
    idle = 90.0
    clock.advance(idle)
    recorder.session_ended(idle)


def simulate(
    path: Path,
    today: date,
    *,
    weeks: int = 16,
    per_day: int = 12,
    fall_weeks: int = 0,
    seed: int = 7,
) -> UsageStats:
    """``weeks`` of weekday use up to ``today``; the last ``fall_weeks`` at a quarter of it."""
    rng = random.Random(seed)
    stats = UsageStats(path)
    clock = Clock(datetime.combine(today - timedelta(weeks=weeks), time(8)))
    recorder = UsageRecorder(stats, clock=lambda: clock.seconds, now=lambda: clock.wall)
    day = today - timedelta(weeks=weeks)
    while day <= today:
        if day.weekday() < 5:
            falling = (today - day).days < 7 * fall_weeks
            sessions = max(0, round(rng.gauss(per_day / (4 if falling else 1), 2)))
            for _ in range(sessions):
                hour = min(17, max(8, round(rng.gauss(11, 2.5))))
                clock.wall = datetime.combine(day, time(hour, rng.randrange(60)))
                pages = [HOME, *(topic_screen(t) for t in rng.sample(TOPICS, rng.randint(0, 4)))]
                if rng.random() < 0.45:
                    pages.append(CHECKLIST)
                    if rng.random() < 0.5:
                        pages.append(SUMMARY)
                visit(recorder, clock, pages, rng.lognormvariate(4.6, 0.7))
        day += timedelta(days=1)
    return stats


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    simulate(folder / "usage.sqlite3", date.today(), fall_weeks=2).close()
    print(folder / "usage.sqlite3")
