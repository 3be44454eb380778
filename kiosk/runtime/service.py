"""Telling systemd how the kiosk is doing, for a ``Type=notify`` unit with ``WatchdogSec=``.

The kiosk says READY=1 once its first screen is painted, and WATCHDOG=1 from a timer on Qt's
event loop: a loop that freezes stops the pings, and systemd kills and restarts the kiosk.
Under the unit the messages go through ``kiosk supervise`` (kiosk/runtime/supervise.py); outside
systemd (no ``$NOTIFY_SOCKET``) none of this does anything.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.runtime.sd_notify import notify, watchdog_seconds

log = logging.getLogger(__name__)


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
