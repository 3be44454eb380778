"""Turns screen changes into anonymous usage counts. Qt-free.

Records which screens are opened, never anything a patient chose on them. A session's start
time, pages and screens are held in memory only until it ends, then counted into buckets
(kiosk/core/usage_buckets.py) and forgotten.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from kiosk.core.session import ATTRACT, CHECKLIST, SUMMARY, is_staff_screen
from kiosk.core.stats import (
    CHECKLIST_COMPLETED,
    CHECKLIST_OPENED,
    PAGE_REACHED,
    PAGE_VIEW,
    SESSION_HOUR,
    SESSION_LENGTH,
    SESSION_PAGES,
    SESSION_STARTED,
    UsageStats,
)
from kiosk.core.usage_buckets import hour_key, length_key, pages_key


class UsageRecorder:
    def __init__(
        self,
        stats: UsageStats,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.stats = stats
        self.clock, self.now = clock, now
        self.started_at: float | None = None  # None between sessions
        self.began = datetime.min  # the wall-clock start: its day and hour are counted
        self.reached: set[str] = set()

    @property
    def in_session(self) -> bool:
        return self.started_at is not None

    def screen_shown(self, screen_id: str) -> None:
        if screen_id == ATTRACT or is_staff_screen(screen_id):
            return
        counts = [(PAGE_VIEW, screen_id)]
        if self.started_at is None:
            self.started_at, self.began = self.clock(), self.now()
            counts.insert(0, (SESSION_STARTED, ""))
        self.reached.add(screen_id)
        if screen_id == CHECKLIST:
            counts.append((CHECKLIST_OPENED, ""))
        elif screen_id == SUMMARY:
            counts.append((CHECKLIST_COMPLETED, ""))
        self.stats.record_all(counts, self.began.date())

    def session_ended(self, idle_seconds: float = 0.0) -> None:
        """Count the session that just ended, ``idle_seconds`` after its last touch (a
        session lasts from its first screen to its last touch, not to the idle reset)."""
        if self.started_at is None:
            return
        length = self.clock() - self.started_at - idle_seconds
        counts = [
            (SESSION_HOUR, hour_key(self.began.hour)),
            (SESSION_LENGTH, length_key(length)),
            (SESSION_PAGES, pages_key(len(self.reached))),
        ]
        reached = [(PAGE_REACHED, screen) for screen in sorted(self.reached)]
        self.stats.record_all(counts + reached, self.began.date())  # all on the day it began
        self.started_at, self.reached = None, set()
