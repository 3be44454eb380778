"""The kiosk as the service runs it, in a real X server: Xvfb, the xcb platform plugin and
``kiosk run`` (fullscreen, READY on a notify socket after the first paint)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO


@contextmanager
def xvfb(size: tuple[int, int]) -> Iterator[str]:
    """A fresh Xvfb screen of ``size``; its name, e.g. ":12"."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24",
         "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()  # Xvfb writes it once it accepts clients
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(30)


@contextmanager
def kiosk_run(
    display: str, folder: Path, *args: str, env: Mapping[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """``kiosk run *args`` on ``display`` once it said READY; stopped by SIGTERM after."""
    inbox = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    inbox.bind(str(folder / "notify"))
    inbox.settimeout(60)
    environment = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "NOTIFY_SOCKET": inbox.getsockname(),
        "KIOSK_DATA_DIR": str(folder / "data"),
        **(env or {}),
    }
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", *args],
        cwd=REPO, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert inbox.recv(4096).decode().startswith("READY=1"), "no READY from the kiosk"
        yield kiosk
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(30) == 0
    finally:
        kiosk.kill()
        kiosk.wait(30)
        inbox.close()


def xdotool(display: str, *args: object) -> None:
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", *map(str, args)], env=env, check=True, timeout=30)


def focus_kiosk(display: str, title: str) -> None:
    """Give the kiosk's window the keyboard, as a window manager (or cage) does: with no
    window manager, X keeps the focus on the root window and no key reaches the kiosk."""
    xdotool(display, "search", "--sync", "--onlyvisible", "--name", title, "windowfocus", "--sync")
