"""The systemd watchdog protocol as the kiosk speaks it: READY after the first paint, pings
from the event loop while it runs, none while it is frozen, STOPPING on the way out."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.runtime.service import Heartbeat
from tests.conftest import REPO


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(tmp_path / "notify"))
    yield sock
    sock.close()


def receive(sock: socket.socket, timeout: float) -> str | None:
    """The next message within ``timeout`` seconds, or None."""
    sock.settimeout(timeout)
    try:
        return sock.recv(4096).decode()
    except TimeoutError:
        return None


def test_the_running_kiosk_says_ready_pings_and_says_stopping(
    notify_socket: socket.socket,
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": notify_socket.getsockname(),
        "WATCHDOG_USEC": "300000",
    }
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    ) as kiosk:  # fmt: skip
        try:
            ready = receive(notify_socket, 60)
            assert ready == "READY=1\nSTATUS=showing the attract screen"
            pings = [receive(notify_socket, 1) for _ in range(3)]
            assert pings == ["WATCHDOG=1"] * 3, "a ping every 100 ms, a third of the period"
            kiosk.send_signal(signal.SIGTERM)
            messages = iter(lambda: receive(notify_socket, 10), "STOPPING=1")
            assert all(message == "WATCHDOG=1" for message in messages)
            assert kiosk.wait(30) == 0
        finally:
            kiosk.kill()


def test_a_frozen_event_loop_stops_the_pings(
    qtbot: QtBot, notify_socket: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTIFY_SOCKET", notify_socket.getsockname())
    monkeypatch.setenv("WATCHDOG_USEC", "150000")
    heartbeat = Heartbeat()
    heartbeat.ready("test")
    assert receive(notify_socket, 5) == "READY=1\nSTATUS=test"
    notify_socket.setblocking(False)
    qtbot.waitUntil(lambda: _drain(notify_socket) > 0, timeout=2000)
    during: list[str | None] = []

    def freeze() -> None:
        """Hold the loop as a hang would, for three watchdog periods, listening meanwhile."""
        _drain(notify_socket)
        end = time.monotonic() + 0.45
        while (left := end - time.monotonic()) > 0:
            during.append(receive(notify_socket, left))

    QTimer.singleShot(0, freeze)
    qtbot.waitUntil(lambda: bool(during), timeout=3000)
    assert set(during) == {None}, "pinged while the event loop was frozen"
    notify_socket.setblocking(False)
    qtbot.waitUntil(lambda: _drain(notify_socket) > 0, timeout=2000)  # pings resume
    heartbeat.stopping()


def _drain(sock: socket.socket) -> int:
    count = 0
    sock.setblocking(False)
    while True:
        try:
            sock.recv(4096)
        except BlockingIOError:
            return count
        count += 1
