"""Every error in kiosk.log, and a kiosk that carries on after one.

Uncaught Python exceptions (PySide prints those raised in Qt slots through ``sys.excepthook``,
and threads through ``threading.excepthook``) are logged with their tracebacks, and Qt's own
messages go to the "qt" logger: none of it reaches only a stderr nobody reads. After an
uncaught error the running kiosk goes back to its welcome screen, a fresh patient session
(never a staff screen), at most once every ``RECOVERY_SECONDS`` so an error in the recovery
itself cannot loop. Tracebacks carry no local values, so no patient answer.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler

log = logging.getLogger("kiosk.errors")
qt_log = logging.getLogger("qt")

RECOVERY_SECONDS = 10.0
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class ErrorLog:
    """Installed for the life of the kiosk; ``restore()`` puts the previous hooks back."""

    def __init__(self, recover: Callable[[], None] | None = None) -> None:
        self.recover = recover
        self._recovered_at = -RECOVERY_SECONDS
        self._hook, self._thread_hook = sys.excepthook, threading.excepthook
        sys.excepthook = self._uncaught
        threading.excepthook = self._uncaught_in_thread
        self._qt_handler = qInstallMessageHandler(self._qt_message)

    def restore(self) -> None:
        sys.excepthook, threading.excepthook = self._hook, self._thread_hook
        qInstallMessageHandler(self._qt_handler)

    def _uncaught(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._hook(kind, error, trace)
            return
        log.critical("uncaught error; the kiosk carries on", exc_info=(kind, error, trace))
        now = time.monotonic()
        if self.recover is not None and now - self._recovered_at >= RECOVERY_SECONDS:
            self._recovered_at = now
            log.warning("back to the welcome screen after the error")
            QTimer.singleShot(0, self.recover)

    def _uncaught_in_thread(self, args: threading.ExceptHookArgs) -> None:
        log.critical(
            "uncaught error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )

    @staticmethod
    def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.log(QT_LEVELS.get(kind, logging.WARNING), "%s", message)
