"""Operating-system signals while Qt's event loop runs: SIGTERM and SIGINT stop the kiosk
cleanly (exit status 0), SIGHUP reloads the content files now.

Python runs its signal handlers only when the interpreter gets control, and Qt's loop is C++.
So CPython writes each signal's number to a socket (``signal.set_wakeup_fd``) and a
QSocketNotifier wakes the loop to act on it: no polling timer, so an idle kiosk stays idle.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger(__name__)

STOP = (signal.SIGTERM, signal.SIGINT)
# Windows has no SIGHUP. The kiosk never has a terminal to hang up, so the signal is free for
# "reload now", e.g. for content on a network share, whose changes the file watcher cannot see.
RELOAD = getattr(signal, "SIGHUP", None)


class SignalHandler(QObject):
    """Exits ``app``'s event loop with status 0 on SIGTERM or SIGINT; calls ``reload`` (if set)
    on SIGHUP. ``restore()`` puts back the handlers it replaced."""

    def __init__(self, app: QCoreApplication, reload: Callable[[], None] | None = None):
        super().__init__(app)
        self._app = app
        self.reload = reload
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._wakeup = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        handled = [*STOP, *([RELOAD] if RELOAD is not None else [])]
        # A Python-level handler that does nothing: the socket says which signal came.
        self._previous = {number: signal.signal(number, _noted) for number in handled}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(256)
        except BlockingIOError:
            return
        for number in numbers:
            if number in STOP:
                log.info("%s received; stopping", signal.Signals(number).name)
                self._app.exit(0)  # not quit(): the kiosk window refuses to close
                return
            if number == RELOAD:
                log.info("SIGHUP received; %s", "reloading" if self.reload else "nothing to reload")
                if self.reload is not None:
                    self.reload()

    def restore(self) -> None:
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, signal.SIG_DFL if previous is None else previous)
        signal.set_wakeup_fd(self._wakeup)
        self._reader.close()
        self._writer.close()
        self.deleteLater()


def _noted(number: int, frame: object) -> None:
    """Keeps the signal from killing the process; ``SignalHandler._woken`` acts on it."""
