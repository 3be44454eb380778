"""Sentences assembled from staff text and settings: how long answers stay, who checked a page.
Qt-free."""

from __future__ import annotations

import math

from kiosk.core.config import Idle
from kiosk.core.content.model import Page, Strings
from kiosk.core.content.placeholders import fill


def clear_time_phrase(idle: Idle, strings: Strings) -> str:
    """When answers clear after the last touch: the idle wait plus the "still there?" count."""
    seconds = idle.timeout_seconds + idle.warning_seconds
    if seconds <= 60:
        return strings.clears_within_a_minute
    return fill(strings.clears_after_minutes, {"minutes": str(math.ceil(seconds / 60))})


def reviewed_line(page: Page, strings: Strings, date_text: str) -> str:
    """The page's foot line naming who checked it; empty when no review is recorded."""
    if page.review is None:
        return ""
    return fill(strings.reviewed, {"reviewer": page.review.by, "date": date_text})
