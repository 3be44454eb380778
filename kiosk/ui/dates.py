"""Dates in the patient's language, by Qt's locale data."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QLocale

from kiosk.core.content.model import Page, Strings
from kiosk.core.wording import reviewed_line


def long_date(day: datetime.date, language: str) -> str:
    """``day`` as the language writes it in full, without the weekday: November 29, 2026."""
    locale = QLocale(language)
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    pattern = pattern.replace("dddd, ", "").replace("dddd ", "").strip()
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def reviewed(page: Page, strings: Strings, language: str) -> str:
    """The page's foot line, "Last checked by ..., <date in the language>"; empty if unreviewed."""
    when = long_date(page.review.date, language) if page.review else ""
    return reviewed_line(page, strings, when)
