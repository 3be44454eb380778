"""How a finished session is counted: coarse buckets, never the session itself. Qt-free.

A session adds one to its start hour, one to its length's bucket, one to its number of pages
and one to each screen it reached, each counted per day: no row ever describes one session.
"""

from __future__ import annotations

import bisect

# Session length buckets, by their lower edge in seconds; the last is open ("30 min or more").
LENGTH_EDGES = (0, 10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800)
MOST_PAGES = 10  # "10 or more" pages


def length_key(seconds: float) -> str:
    """The bucket of a session that lasted ``seconds``: its lower edge, e.g. ``"60"``."""
    index = bisect.bisect_right(LENGTH_EDGES, max(0.0, seconds)) - 1
    return str(LENGTH_EDGES[index])


def pages_key(pages: int) -> str:
    return str(min(max(pages, 1), MOST_PAGES))


def hour_key(hour: int) -> str:
    return f"{hour:02d}"


def short_duration(seconds: float) -> str:
    """``"45 s"``, ``"2 min"``, ``"1 min 30 s"``: a length as staff would say it."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def length_label(key: str) -> str:
    """A bucket as a range staff can read: ``"1-1.5 min"``, ``"30+ min"``."""
    low = int(key)
    index = LENGTH_EDGES.index(low)
    if index == len(LENGTH_EDGES) - 1:
        return f"{low // 60}+ min"
    high = LENGTH_EDGES[index + 1]
    if high <= 60:
        return f"<{high} s" if low == 0 else f"{low}-{high} s"
    return f"{_minutes(low)}-{_minutes(high)} min"


def _minutes(seconds: int) -> str:
    return f"{seconds / 60:g}"


def pages_label(key: str) -> str:
    return f"{key}+" if int(key) == MOST_PAGES else key
