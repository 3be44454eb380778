"""Benchmark section: page-switch latency at 1920x1080, the paint included.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.page_switch [--switches 1000]

In turns (A B C A B C ...): the kiosk moving between its real screens (home, each topic, the
checklist, the summary) through ``KioskWindow.go``; the naive reference, a QStackedWidget of
300-word rich-text labels; and the anchor, a QStackedWidget of pages laid out as a real app's
(bars of buttons, a scrolled column of headings and paragraphs in nested layouts). Each switch
is timed from the call until the event loop has laid out and painted the new screen (a paint
is required for the switch to count).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

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


def app_like_reference(pages: int = 9) -> QStackedWidget:
    """A QStackedWidget of pages built the way a real app builds them (the anchor): a top bar
    with two buttons, a scrolled column of word-wrapped headings and paragraphs in nested
    layouts, a bar of five buttons at the foot; plain Qt widgets and no style sheet."""
    stack = QStackedWidget()
    words = list(itertools.islice(itertools.cycle(SENTENCES.split()), 60))
    for page in range(pages):
        screen = QWidget()
        outer = QVBoxLayout(screen)
        top = QHBoxLayout()
        top.addWidget(QPushButton("Back"))
        top.addStretch(1)
        top.addWidget(QPushButton("Home"))
        outer.addLayout(top)
        body = QWidget()
        column = QVBoxLayout(body)
        for section in range(6):
            heading = QLabel(f"Section {page + 1}.{section + 1}")
            heading.setFont(QFont("DejaVu Sans", 26, QFont.Weight.Bold))
            column.addWidget(heading)
            for _ in range(2):
                paragraph = QLabel(" ".join(words))
                paragraph.setWordWrap(True)
                paragraph.setFont(QFont("DejaVu Sans", 22))
                column.addWidget(paragraph)
        area = QScrollArea()
        area.setWidget(body)
        area.setWidgetResizable(True)
        outer.addWidget(area, 1)
        foot = QHBoxLayout()
        for name in ("100%", "150%", "200%", "High contrast", "Espanol"):
            foot.addWidget(QPushButton(name))
        outer.addLayout(foot)
        stack.addWidget(screen)
    return stack


def summary(times: list[float]) -> Result:
    return {
        "switches": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "max_ms": round(max(times), 2),
        "mean_ms": round(statistics.fmean(times), 2),
    }


def _switch_to(stack: QStackedWidget, order: list[QWidget], index: int) -> None:
    stack.setCurrentWidget(order[index % len(order)])


def _onward(switch: Callable[[int], None], done: int, index: int) -> None:
    switch(done + index)


def measure(args: argparse.Namespace) -> Result:
    """The kiosk and both yardsticks in turns (A B C A B C ...), 100 switches a turn, so a
    slow moment of the machine falls on all of them alike."""
    app = application()
    count = 100 if args.quick else args.switches
    kiosk = create_kiosk()
    route = [HOME, *(topic_screen(page.id) for page in kiosk.pack.language().pages)]
    route += [CHECKLIST, SUMMARY]
    runners: dict[str, tuple[QWidget, list[QWidget], Callable[[int], None]]] = {}
    for name, stack in (("naive_reference", naive_reference()), ("app_like", app_like_reference())):
        pages = [stack.widget(index) for index in range(stack.count())]
        order = pages[1:] + pages[:1]  # the first page is showing already
        runners[name] = (
            stack,
            order,
            functools.partial(_switch_to, stack, order),
        )
    screens = [kiosk.screens[screen_id] for screen_id in route]
    runners["kiosk"] = (kiosk, screens, lambda i: kiosk.go(route[i % len(route)]))
    times: dict[str, list[float]] = {name: [] for name in runners}
    turn = min(100, count)
    for _ in range(max(1, count // turn)):
        for name, (window, pages, switch) in runners.items():
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            # On from where the last turn stopped: never a switch to the page shown.
            onward = functools.partial(_onward, switch, len(times[name]))
            times[name] += timed_switches(onward, pages, turn, app)
            window.hide()
    kiosk.allow_close = True
    kiosk.close()
    widget_count = len(kiosk.findChildren(QWidget))
    return {
        "size": f"{SIZE[0]}x{SIZE[1]}",
        "kiosk": summary(times["kiosk"]) | {"screens": len(route), "widgets": widget_count},
        "naive_reference": summary(times["naive_reference"]) | {"screens": 9},
        "app_like": summary(times["app_like"]) | {"screens": 9},
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--switches", type=int, default=1000)
    section_main(measure, parser)
