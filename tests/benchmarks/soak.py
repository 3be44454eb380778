"""Benchmark section: a day of patients in one process: memory and object growth.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.soak [--sessions 2000]

Each session is a patient who picks Spanish (every screen rebuilt), larger text (150 % or
200 %) and high contrast, touches their way through 20 screens (welcome, home, topics, next
topic, back, the checklist with three ticks, the summary, edit, the list again, home, a topic)
and then walks away: the real idle timer, the "Are you still there?" countdown and the reset
(back to English, 100 %, normal contrast: rebuilt and restyled again), all inside the
application's own event loop as on the kiosk. 2,000 sessions make 40,000 navigations and
2,000 idle resets. Resident memory, Python objects, the window's Qt objects and every widget
(parentless ones too) are sampled after a warm-up and every 100 sessions; growth between them
is what would accumulate over months.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.app import application, create_kiosk
from kiosk.core.session import ATTRACT
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.topic import TopicScreen
from kiosk.ui.window import KioskWindow
from tests.benchmarks.common import Result, rss_kib, section_main
from tests.conftest import short_idle_settings

SIZE = (1920, 1080)
NAVIGATIONS_PER_SESSION = 20
WARM_UP_SESSIONS = 20


@functools.cache
def _touch_device() -> QPointingDevice:
    return QTest.createTouchDevice()


def tap(widget: QWidget) -> None:
    """One finger press and release on the middle of ``widget``, then let the app react."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.touchEvent(window, _touch_device()).press(0, at, window).commit()
    QTest.touchEvent(window, _touch_device()).release(0, at, window).commit()
    QApplication.processEvents()


class Patient:
    """Touches its way through the kiosk, counting every screen change it causes."""

    def __init__(self, kiosk: KioskWindow):
        self.kiosk = kiosk
        self.navigations = 0
        kiosk.page_shown.connect(self._shown)

    def _shown(self, _screen: str) -> None:
        self.navigations += 1

    def touch(self, widget: QWidget, area: QScrollArea | None = None) -> None:
        if area is not None:
            area.ensureWidgetVisible(widget, 0, 120)
            QApplication.processEvents()
        tap(widget)

    def visit(self, session: int) -> None:
        kiosk = self.kiosk
        self.touch(kiosk.attract)
        # As many patients do: Spanish (every screen rebuilt), larger text, high contrast.
        bar = kiosk.home.findChild(AccessBar)
        assert bar is not None
        self.touch(bar.languages["es"])
        bar = kiosk.home.findChild(AccessBar)  # the home screen was rebuilt in Spanish
        assert bar is not None and kiosk.language.code == "es"
        self.touch(bar.sheet_button)
        sheet = kiosk.preferences.sheet
        assert sheet is not None
        self.touch(sheet.sizes[1.5 if session % 2 else 2.0])
        self.touch(sheet.contrast)
        self.touch(sheet.close_button)
        for round_ in range(2):
            home = kiosk.home
            first = (session + round_) % 3  # three "next topic" steps from here stay on topics
            self.touch(home.grid.tiles[first], home.scroll_area)
            for _ in range(3):
                topic = kiosk.stack.currentWidget()
                assert isinstance(topic, TopicScreen), (session, round_, kiosk.current_screen())
                self.touch(topic.next_step, topic.scroll_area)
            self.touch(kiosk.stack.currentWidget().back_button)  # type: ignore[attr-defined]
            self.touch(kiosk.stack.currentWidget().home_button)  # type: ignore[attr-defined]
        checklist = kiosk.checklist
        self.touch(kiosk.home.checklist_tile, kiosk.home.scroll_area)
        rows = list(checklist.rows.values())
        for offset in (0, 5, 11):
            self.touch(rows[(session + offset) % len(rows)], checklist.scroll_area)
        self.touch(checklist.see_list, checklist.scroll_area)
        self.touch(kiosk.summary.edit_button, kiosk.summary.scroll_area)
        self.touch(checklist.see_list, checklist.scroll_area)
        self.touch(kiosk.summary.home_button)
        self.touch(kiosk.home.grid.tiles[session % 3], kiosk.home.scroll_area)  # ...and leaves


class Day:
    """Patients one after another inside the application's own event loop (``app.exec()``),
    as on the kiosk: each visits, walks away, and the real idle timer, warning and reset bring
    the next. (A harness that waits in a nested loop and never returns to the outermost one
    never processes Qt's deferred deletions: every rebuilt screen would seem to leak.)"""

    def __init__(self, kiosk: KioskWindow, sessions: int, limit_ms: int = 10_000):
        self.kiosk, self.sessions, self.done = kiosk, sessions, 0
        self.patient = Patient(kiosk)
        self.samples: list[dict[str, int]] = []
        self.failure = ""
        self.deadline = QTimer(singleShot=True, interval=limit_ms)
        self.deadline.timeout.connect(lambda: self._stop("the idle reset did not happen"))
        kiosk.session_reset.connect(self._walked_away)

    def run(self) -> None:
        QTimer.singleShot(0, self._next)
        QApplication.exec()
        self.kiosk.session_reset.disconnect(self._walked_away)
        if self.failure:
            raise RuntimeError(f"after {self.done} sessions: {self.failure}")

    def _stop(self, failure: str = "") -> None:
        self.failure = failure
        QApplication.exit(0)  # quit() would ask the kiosk window, which refuses to close

    def _next(self) -> None:
        """Back in the event loop (the last reset's deletions done): sample, then a patient."""
        if self.done in (WARM_UP_SESSIONS, self.sessions) or (self.done and self.done % 100 == 0):
            self.samples.append(sample(self.kiosk) | {"after_sessions": self.done})
            print(f"soak: {self.samples[-1]}", file=sys.stderr, flush=True)  # the trend so far
        if self.done == self.sessions:
            self._stop()
            return
        try:
            self.patient.visit(self.done)
        except Exception as error:
            self._stop(f"{type(error).__name__}: {error}")
            return
        self.deadline.start()  # ...and the patient walks away

    def _walked_away(self) -> None:
        self.deadline.stop()
        if self.kiosk.current_screen() != ATTRACT or self.kiosk.session.ticked:
            self._stop("the reset left a trace of the session")
            return
        self.done += 1
        QTimer.singleShot(0, self._next)


def sample(kiosk: KioskWindow) -> dict[str, int]:
    gc.collect()
    objects = gc.get_objects()
    return {
        "rss_kib": rss_kib(),
        "python_objects": len(objects),
        "qt_objects": len(kiosk.findChildren(QObject)),
        # Every QObject Python holds a wrapper for, parentless or anywhere in the app.
        "wrapped_qobjects": sum(isinstance(thing, QObject) for thing in objects),
        "widgets": len(QApplication.allWidgets()),  # parentless ones too
    }


def measure(args: argparse.Namespace) -> Result:
    sessions = 40 if args.quick else args.sessions
    application()
    with tempfile.TemporaryDirectory() as folder:
        # Idle after 0.6 s (three times the longest step: a rebuild in Spanish), then a
        # 0.05 s warning.
        idle = short_idle_settings(Path(folder), timeout=0.6, warning=0.05)
        kiosk = create_kiosk(config_path=idle.path, time_scale=idle.scale)
        kiosk.resize(*SIZE)
        kiosk.show()
        QApplication.processEvents()
        day = Day(kiosk, sessions)
        start = time.perf_counter()
        day.run()
        elapsed = time.perf_counter() - start
        kiosk.allow_close = True
        kiosk.close()
    warm, end = day.samples[0], day.samples[-1]
    return {
        "sessions": sessions,
        "navigations": day.patient.navigations,
        "idle_resets": sessions,
        "seconds": round(elapsed, 1),
        "warm_up_sessions": WARM_UP_SESSIONS,
        "rss_growth_kib": end["rss_kib"] - warm["rss_kib"],
        "python_object_growth": end["python_objects"] - warm["python_objects"],
        "qt_object_growth": end["qt_objects"] - warm["qt_objects"],
        "widget_growth": end["widgets"] - warm["widgets"],
        "wrapped_qobject_growth": end["wrapped_qobjects"] - warm["wrapped_qobjects"],
        "samples": day.samples,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=2000)
    section_main(measure, parser)
