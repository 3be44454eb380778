"""Telling systemd how the kiosk is doing, for a ``Type=notify`` unit with ``WatchdogSec=``.

The sd_notify protocol is one datagram to the socket systemd names in ``$NOTIFY_SOCKET``.
The kiosk says READY=1 once its first screen is painted, and WATCHDOG=1 from a timer on Qt's
event loop: a loop that freezes stops the pings, and systemd kills and restarts the kiosk.
Outside systemd (no ``$NOTIFY_SOCKET``) none of this does anything.
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify(message: str) -> bool:
    """Send ``message`` (e.g. "READY=1") to systemd; False when not run by systemd."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as error:
        log.warning("cannot tell systemd %r: %s", message, error)
        return False
    return True


def watchdog_seconds() -> float | None:
    """The watchdog period systemd set, if any. The kiosk runs as cage's child, so the
    WATCHDOG_PID systemd sets (cage's) is not ours; the unit says NotifyAccess=all."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    return int(usec) / 1_000_000


class Heartbeat(QObject):
    """Pings systemd's watchdog from the event loop, three times per period."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: notify("WATCHDOG=1"))
        self.period = watchdog_seconds()

    def ready(self, status: str) -> None:
        """The kiosk is up: say so, and start the pings if systemd watches."""
        notify(f"READY=1\nSTATUS={status}")
        if self.period is not None:
            self.timer.start(max(1, round(self.period * 1000 / 3)))
            log.info("watchdog: pinging every %d ms", self.timer.interval())

    def stopping(self) -> None:
        self.timer.stop()
        notify("STOPPING=1")
