"""Turns screen changes into anonymous usage counts. Qt-free.

Records which screens are opened, never anything a patient chose on them.
"""

from __future__ import annotations

from kiosk.core.session import ATTRACT, CHECKLIST, SUMMARY, is_staff_screen
from kiosk.core.stats import (
    CHECKLIST_COMPLETED,
    CHECKLIST_OPENED,
    PAGE_VIEW,
    SESSION_STARTED,
    UsageStats,
)


class UsageRecorder:
    def __init__(self, stats: UsageStats) -> None:
        self.stats = stats
        self.in_session = False

    def screen_shown(self, screen_id: str) -> None:
        if screen_id == ATTRACT or is_staff_screen(screen_id):
            return
        if not self.in_session:
            self.in_session = True
            self.stats.record(SESSION_STARTED)
        self.stats.record(PAGE_VIEW, screen_id)
        if screen_id == CHECKLIST:
            self.stats.record(CHECKLIST_OPENED)
        elif screen_id == SUMMARY:
            self.stats.record(CHECKLIST_COMPLETED)

    def session_reset(self) -> None:
        self.in_session = False
