from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.core.session import ATTRACT, CHECKLIST, HOME, STAFF_PANEL, SUMMARY, topic_screen
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
from kiosk.core.usage import UsageRecorder
from kiosk.core.usage_buckets import length_key, length_label, pages_key, pages_label
from tests.usage_data import Clock

FINISHED_EVENTS = (SESSION_HOUR, SESSION_LENGTH, SESSION_PAGES, PAGE_REACHED)


def test_counts_accumulate_per_event_and_screen(tmp_path: Path) -> None:
    stats = UsageStats(tmp_path / "usage.sqlite3")
    for _ in range(3):
        stats.record(PAGE_VIEW, "home")
    stats.record(SESSION_STARTED)
    assert stats.totals() == {(PAGE_VIEW, "home"): 3, (SESSION_STARTED, ""): 1}
    lines = stats.csv().splitlines()
    assert lines[0] == "day,event,screen,count"
    assert any(line.endswith(",page_view,home,3") for line in lines)
    stats.close()
    assert UsageStats(tmp_path / "usage.sqlite3").totals()[PAGE_VIEW, "home"] == 3


def test_only_known_events_are_counted(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown event"):
        UsageStats(tmp_path / "u.sqlite3").record("ticked:bloating")


def test_recorder_counts_sessions_and_screens_never_answers(tmp_path: Path) -> None:
    stats = UsageStats(tmp_path / "u.sqlite3")
    recorder = UsageRecorder(stats)
    for screen in (ATTRACT, HOME, topic_screen("a"), HOME, CHECKLIST, SUMMARY, STAFF_PANEL):
        recorder.screen_shown(screen)
    recorder.session_ended()
    recorder.screen_shown(HOME)
    views = {key: n for key, n in stats.totals().items() if key[0] not in FINISHED_EVENTS}
    assert views == {
        (SESSION_STARTED, ""): 2,
        (PAGE_VIEW, HOME): 3,
        (PAGE_VIEW, "topic/a"): 1,
        (PAGE_VIEW, CHECKLIST): 1,
        (PAGE_VIEW, SUMMARY): 1,
        (CHECKLIST_OPENED, ""): 1,
        (CHECKLIST_COMPLETED, ""): 1,
    }


def timed_recorder(stats: UsageStats, clock: Clock) -> UsageRecorder:
    return UsageRecorder(stats, clock=lambda: clock.seconds, now=lambda: clock.wall)


def finished(stats: UsageStats) -> dict[tuple[str, str, str], int]:
    return {(day, event, key): n for day, event, key, n in stats.rows() if event in FINISHED_EVENTS}


def test_a_finished_session_is_counted_in_buckets_to_its_last_touch(tmp_path: Path) -> None:
    stats = UsageStats(tmp_path / "u.sqlite3")
    clocks = Clock(datetime(2026, 3, 2, 23, 58))  # it begins before midnight
    recorder = timed_recorder(stats, clocks)
    for screen in (HOME, topic_screen("a"), HOME, topic_screen("b"), CHECKLIST):
        recorder.screen_shown(screen)
        clocks.advance(30)
    clocks.advance(90 + 30)  # the idle timeout and its warning, after the last touch
    recorder.session_ended(idle_seconds=120)
    day = "2026-03-02"  # every count on the day it began, though it ended on the 3rd
    assert finished(stats) == {
        (day, SESSION_HOUR, "23"): 1,
        (day, SESSION_LENGTH, "120"): 1,  # 150 s to the last touch: the 2-3 min bucket
        (day, SESSION_PAGES, "4"): 1,  # home, a, b, checklist: pages, not page views
        (day, PAGE_REACHED, HOME): 1,
        (day, PAGE_REACHED, "topic/a"): 1,
        (day, PAGE_REACHED, "topic/b"): 1,
        (day, PAGE_REACHED, CHECKLIST): 1,
    }
    assert {row[0] for row in stats.rows()} == {day}
    recorder.session_ended(idle_seconds=5)  # a second reset: no session, nothing counted
    recorder.screen_shown(STAFF_PANEL)
    assert sum(finished(stats).values()) == 7
    clocks.advance(3)
    recorder.screen_shown(HOME)
    recorder.session_ended()
    after_midnight = "2026-03-03"
    assert finished(stats)[after_midnight, SESSION_LENGTH, "0"] == 1
    assert finished(stats)[after_midnight, SESSION_HOUR, "00"] == 1


@pytest.mark.parametrize(
    ("seconds", "key"),
    [
        (-3, "0"),
        (0, "0"),
        (9.99, "0"),
        (10, "10"),
        (59.9, "45"),
        (60, "60"),
        (1799, "1200"),
        (1800, "1800"),
        (86400, "1800"),
    ],
)
def test_length_buckets(seconds: float, key: str) -> None:
    assert length_key(seconds) == key


def test_pages_buckets_and_labels() -> None:
    assert [pages_key(n) for n in (0, 1, 9, 10, 40)] == ["1", "1", "9", "10", "10"]
    assert [pages_label(pages_key(n)) for n in (3, 12)] == ["3", "10+"]
    assert [length_label(key) for key in ("0", "45", "60", "420", "1800")] == [
        "<10 s",
        "45-60 s",
        "1-1.5 min",
        "7-10 min",
        "30+ min",
    ]


def test_a_session_s_counts_are_saved_together_or_not_at_all(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stats = UsageStats(tmp_path / "usage.sqlite3")
    recorder = UsageRecorder(stats)
    for screen in (HOME, topic_screen("a")):
        recorder.screen_shown(screen)
    with closing(sqlite3.connect(tmp_path / "usage.sqlite3", isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        recorder.session_ended()
        other.execute("ROLLBACK")
    assert "usage count not saved" in caplog.text
    assert not finished(stats), "part of a session was saved"


def test_corrupt_database_is_set_aside_and_counting_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "usage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    stats = UsageStats(path)
    stats.record(SESSION_STARTED)
    assert stats.totals() == {(SESSION_STARTED, ""): 1}
    assert list(tmp_path.glob("usage.sqlite3.corrupt-*"))
    assert "unreadable" in caplog.text


def test_locked_database_is_logged_and_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "usage.sqlite3"
    stats = UsageStats(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with caplog.at_level(logging.WARNING):
            stats.record(PAGE_VIEW, "home")  # must return quickly without raising
        assert "usage count not saved" in caplog.text
        other.execute("ROLLBACK")
    stats.record(PAGE_VIEW, "home")
    assert stats.totals() == {(PAGE_VIEW, "home"): 1}


def test_full_database_is_logged_and_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stats = UsageStats(tmp_path / "usage.sqlite3")
    assert stats._db is not None
    pages = stats._db.execute("PRAGMA page_count").fetchone()[0]
    stats._db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: like a full disk
    for index in range(400):
        stats.record(PAGE_VIEW, f"topic/page-{index}")
    assert "usage count not saved" in caplog.text and "full" in caplog.text


def test_unwritable_folder_turns_counting_off_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    stats = UsageStats(blocker / "usage.sqlite3")
    stats.record(PAGE_VIEW, "home")
    assert stats.totals() == {}
    assert "usage counts off" in caplog.text


def test_a_database_that_cannot_be_opened_is_left_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Only a corrupt file is moved aside: one that cannot be opened for another reason (here
    its write-ahead log cannot be created, as on a full disk) keeps its counts for later."""
    path = tmp_path / "usage.sqlite3"
    stats = UsageStats(path)
    stats.record(PAGE_VIEW, "home")
    stats.close()
    blocker = tmp_path / "usage.sqlite3-wal"
    blocker.mkdir()
    stats = UsageStats(path)
    stats.record(PAGE_VIEW, "home")
    assert stats.totals() == {}
    assert "usage counts off: cannot open" in caplog.text
    assert not list(tmp_path.glob("usage.sqlite3.corrupt-*"))
    blocker.rmdir()
    assert UsageStats(path).totals() == {(PAGE_VIEW, "home"): 1}


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[sqlite3.Connection]:
    """Every connection UsageStats opens, to check none is left open (Python 3.13 warns)."""
    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def tracking_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        db = connect(*args, **kwargs)  # type: ignore[call-overload]
        opened.append(db)
        return db

    monkeypatch.setattr("kiosk.core.stats.sqlite3.connect", tracking_connect)
    return opened


def _is_open(db: sqlite3.Connection) -> bool:
    try:
        db.total_changes  # noqa: B018 - raises on a closed connection
    except sqlite3.ProgrammingError:
        return False
    return True


@pytest.mark.parametrize("damage", ["corrupt", "wal_blocked"])
def test_every_failed_open_closes_its_connection(
    tmp_path: Path, connections: list[sqlite3.Connection], damage: str
) -> None:
    path = tmp_path / "usage.sqlite3"
    if damage == "corrupt":
        path.write_bytes(b"this is not a database" * 100)
    else:
        UsageStats(path).close()
        (tmp_path / "usage.sqlite3-wal").mkdir()
    stats = UsageStats(path)
    assert len(connections) >= 1
    live = [db for db in connections if _is_open(db)]
    assert live == ([stats._db] if stats._db is not None else [])
    stats.close()
    assert not any(_is_open(db) for db in connections)
