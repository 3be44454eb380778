"""Dates in the patient's language, by Qt's locale data."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QLocale


def long_date(day: datetime.date, language: str) -> str:
    """``day`` as the language writes it in full, without the weekday: November 29, 2026."""
    locale = QLocale(language)
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    pattern = pattern.replace("dddd, ", "").replace("dddd ", "").strip()
    return locale.toString(QDate(day.year, day.month, day.day), pattern)
