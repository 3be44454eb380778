"""Patient answers never reach disk, logs or any other output."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.content.loader import load_pack
from kiosk.core.logs import setup_logging
from kiosk.ui.staff_mode import StaffMode
from tests.conftest import CONTENT, REPO, Finger, open_kiosk, short_idle_settings
from tests.e2e.privacy_driver import DONE

ROWS = [1, 4, 7, 10, 12, 15]  # bloating, cramping, eczema, joint pain, food sensitivities, low mood


def secrets_for(rows: list[int]) -> list[str]:
    """What must never be written: the ticked items' labels, hints and (long) ids."""
    items = load_pack(CONTENT).language().checklist.items()
    chosen = [items[index] for index in rows]
    found = [item.label for item in chosen] + [item.hint for item in chosen]
    return found + [item.id for item in chosen if len(item.id) >= 6]


def test_every_byte_written_by_a_session_holds_no_answer(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    trace = tmp_path / "trace.txt"
    idle = short_idle_settings(tmp_path, timeout=0.3, warning=0.3)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "TMPDIR": str(home / "tmp"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        **idle.env,
    }
    (home / "tmp").mkdir()
    command = [
        "strace", "-f", "-qq", "-s", "1000000", "-o", str(trace),
        "-e", "trace=write,writev,pwrite64,pwritev,pwritev2,sendto,sendmsg,sendmmsg",
        sys.executable, "-m", "tests.e2e.privacy_driver", str(idle.path), ",".join(map(str, ROWS)),
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    written = trace.read_text(encoding="utf-8", errors="replace")
    assert DONE in written, "strace did not capture the process's writes"
    assert "KIOSK_TIME_SCALE=" in written, "log records were not captured"
    files = [path for path in home.rglob("*") if path.is_file()]
    assert any(path.name == "kiosk-debug.log" for path in files)
    on_disk = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in files)
    for secret in secrets_for(ROWS):
        assert secret not in written, f"{secret!r} was written by the kiosk process"
        assert secret not in on_disk, f"{secret!r} is in a file under HOME"


def test_log_records_and_qt_messages_hold_no_answer(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kiosk = open_kiosk(qtbot, config_path=short_idle_settings(tmp_path))
    Finger().fill_checklist(kiosk, ROWS)
    assert len(kiosk.summary.answer_labels()) == len(ROWS)
    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        pass
    logged = caplog.text + "\n".join(str(record.args) for record in caplog.records)
    assert caplog.records, "nothing was logged at all; the capture is not working"
    for secret in secrets_for(ROWS):
        assert secret not in logged


def test_usage_database_and_log_file_hold_no_answer(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    log_file = setup_logging(data, logging.DEBUG)
    try:
        kiosk = open_kiosk(qtbot, config_path=short_idle_settings(tmp_path), data_dir=data)
        Finger().fill_checklist(kiosk, ROWS)
        with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
            pass
        kiosk.findChild(StaffMode).stats.close()  # type: ignore[union-attr]
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    assert log_file is not None and log_file.stat().st_size > 0
    database = data / "usage.sqlite3"
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT event, screen FROM counts").fetchall()
    assert ("checklist_completed", "") in rows, "the session was not counted at all"
    stored = "\n".join(
        path.read_bytes().decode("utf-8", errors="replace") for path in data.iterdir()
    )
    for secret in secrets_for(ROWS):
        assert secret not in stored, f"{secret!r} is in {data}"
