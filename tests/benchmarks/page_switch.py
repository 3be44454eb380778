"""Benchmark section: page-switch latency at 1920x1080, the paint included.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.page_switch [--switches 1000]

Side by side: the kiosk moving between its real screens (home, each topic, the checklist, the
summary) through ``KioskWindow.go``, and the naive reference, a QStackedWidget of 300-word
rich-text labels. Each switch is timed from the call until the event loop has laid out and
painted the new screen (a paint is required for the switch to count).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QWidget

from kiosk.app import application, create_kiosk
from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen
from tests.benchmarks.common import Result, percentile, section_main

SIZE = (1920, 1080)
SENTENCES = (
    "The gut lining is a thin wall that lets food in and keeps germs out. Some people "
    "say it can become leaky. Doctors do not agree on this yet, so ask your care team. "
)


class PaintCounter(QObject):
    """Counts the paint events of the screens it is installed on."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def timed_switches(
    switch: Callable[[int], None], screens: list[QWidget], count: int, app: QApplication
) -> list[float]:
    """Milliseconds per switch, from ``switch(i)`` (which shows ``screens[i % len]``) until the
    event loop is done and that screen has been painted."""
    painter = PaintCounter()
    for screen in screens:  # on the screens only: an app-wide filter would slow every event
        screen.installEventFilter(painter)
    times = []
    for index in range(count):
        before = painter.count
        start = time.perf_counter()
        switch(index)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        if painter.count == before:
            raise RuntimeError(f"switch {index} painted nothing; the timing would be a lie")
    for screen in screens:
        screen.removeEventFilter(painter)
    return times


def naive_reference(pages: int = 9) -> QStackedWidget:
    """A QStackedWidget of word-wrapped 300-word rich-text labels (the yardstick)."""
    stack = QStackedWidget()
    words = list(itertools.islice(itertools.cycle(SENTENCES.split()), 300))
    for page in range(pages):
        paragraphs = [" ".join(words[start : start + 60]) for start in range(0, 300, 60)]
        html = f"<h1>Page {page + 1}</h1>" + "".join(
            f"<p>{text} <b>Ask.</b></p>" for text in paragraphs
        )
        label = QLabel(html)
        label.setWordWrap(True)
        label.setStyleSheet("font-size: 30px; padding: 40px;")
        stack.addWidget(label)
    return stack


def summary(times: list[float]) -> Result:
    return {
        "switches": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "max_ms": round(max(times), 2),
        "mean_ms": round(statistics.fmean(times), 2),
    }


def measure(args: argparse.Namespace) -> Result:
    app = application()
    count = 100 if args.quick else args.switches
    reference = naive_reference()
    reference.resize(*SIZE)
    reference.show()
    app.processEvents()
    pages = [reference.widget(index) for index in range(reference.count())]
    order = pages[1:] + pages[:1]  # the first page is showing already
    reference_times = timed_switches(
        lambda i: reference.setCurrentWidget(order[i % len(order)]), order, count, app
    )
    reference.close()

    kiosk = create_kiosk()
    kiosk.resize(*SIZE)
    kiosk.show()
    app.processEvents()
    route = [HOME, *(topic_screen(page.id) for page in kiosk.pack.language().pages)]
    route += [CHECKLIST, SUMMARY]
    screens = [kiosk.screens[screen_id] for screen_id in route]
    kiosk_times = timed_switches(lambda i: kiosk.go(route[i % len(route)]), screens, count, app)
    kiosk.allow_close = True
    kiosk.close()
    widget_count = len(kiosk.findChildren(QWidget))
    return {
        "size": f"{SIZE[0]}x{SIZE[1]}",
        "kiosk": summary(kiosk_times) | {"screens": len(route), "widgets": widget_count},
        "naive_reference": summary(reference_times) | {"screens": len(pages)},
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--switches", type=int, default=1000)
    section_main(measure, parser)
