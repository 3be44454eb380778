"""Anonymous usage counts in SQLite: page views and sessions, never answers. Qt-free.

Only event names and a key (a screen id such as ``topic/lifestyle-steps``, or a bucket of
kiosk/core/usage_buckets.py) are stored, counted per day. A locked, corrupt or full database
is logged and skipped: counting must never get in a patient's way.
"""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
import time
import weakref
from collections.abc import Sequence
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

PAGE_VIEW = "page_view"
SESSION_STARTED = "session_started"
CHECKLIST_OPENED = "checklist_opened"
CHECKLIST_COMPLETED = "checklist_completed"
# Counted once per finished session (usage_buckets.py): its start hour, length bucket, number
# of pages, and each screen it reached.
SESSION_HOUR = "session_hour"
SESSION_LENGTH = "session_length"
SESSION_PAGES = "session_pages"
PAGE_REACHED = "page_reached"
EVENTS = (
    PAGE_VIEW,
    SESSION_STARTED,
    CHECKLIST_OPENED,
    CHECKLIST_COMPLETED,
    SESSION_HOUR,
    SESSION_LENGTH,
    SESSION_PAGES,
    PAGE_REACHED,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL,
    event TEXT NOT NULL,
    screen TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, event, screen)
)
"""


class UsageStats:
    """Counts events in ``path``. Every failure is logged once and then ignored."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._closer: weakref.finalize[[], UsageStats] | None = None
        self._failed_at = 0.0
        self._open()

    def _open(self) -> None:
        db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=0.2, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM counts").fetchone()
        except (sqlite3.DatabaseError, OSError) as error:
            if db is not None:
                db.close()  # every path closes what it opened
            if isinstance(error, sqlite3.DatabaseError):
                self._set_aside(error)
            else:
                self._fail("cannot open", error)
            return
        self._db = db
        # Closed by close(), or when this object is dropped, or at exit: never left open.
        self._closer = weakref.finalize(self, db.close)

    def _set_aside(self, error: sqlite3.DatabaseError) -> None:
        """A corrupt file is renamed (kept for inspection) and counting starts afresh; one that
        cannot be opened for another reason (a full disk, say) is left as it is."""
        corrupt = error.sqlite_errorname.startswith("SQLITE_CORRUPT") or (
            error.sqlite_errorname == "SQLITE_NOTADB"
        )
        if not corrupt or not self.path.exists() or self._failed_at:
            self._fail("cannot open", error)
            return
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        log.warning("usage database %s unreadable (%s); moved to %s", self.path, error, aside)
        try:
            self.path.rename(aside)
        except OSError as rename_error:
            self._fail("cannot move aside", rename_error)
            return
        self._failed_at = time.monotonic()
        self._open()

    def _fail(self, what: str, error: Exception) -> None:
        self.close()
        log.warning("usage counts off: %s %s: %s", what, self.path, error)

    def record(self, event: str, screen: str = "") -> None:
        self.record_all([(event, screen)])

    def record_all(self, counts: Sequence[tuple[str, str]], day: date | None = None) -> None:
        """Add one to each (event, key) of ``counts`` on ``day`` (today), all or none."""
        if unknown := [event for event, _ in counts if event not in EVENTS]:
            raise ValueError(f"unknown event {unknown[0]!r}")
        if self._db is None:
            return
        today = (day or date.today()).isoformat()
        try:
            with self._db:  # one transaction: a session's counts are saved together
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT INTO counts (day, event, screen, count) VALUES (?, ?, ?, 1) "
                    "ON CONFLICT (day, event, screen) DO UPDATE SET count = count + 1",
                    [(today, event, key) for event, key in counts],
                )
        except sqlite3.Error as error:
            log.warning("usage count not saved (%s): %s", counts[0][0], error)

    def rows(self) -> list[tuple[str, str, str, int]]:
        if self._db is None:
            return []
        try:
            cursor = self._db.execute(
                "SELECT day, event, screen, count FROM counts ORDER BY day, event, screen"
            )
            return [tuple(row) for row in cursor.fetchall()]
        except sqlite3.Error as error:
            log.warning("usage counts unreadable: %s", error)
            return []

    def totals(self) -> dict[tuple[str, str], int]:
        """All-time count per (event, screen)."""
        totals: dict[tuple[str, str], int] = {}
        for _, event, screen, count in self.rows():
            totals[event, screen] = totals.get((event, screen), 0) + count
        return totals

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["day", "event", "screen", "count"])
        writer.writerows(self.rows())
        return out.getvalue()

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
        self._db = None
