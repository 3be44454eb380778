"""Benchmark section: how long a patient's text-size or contrast choice, and the reset after
them, hold the main thread, paint included.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.restyle [--rounds 20]

At 1920x1080 on the screens with the most widgets (the checklist, a topic page, home), each
change is timed from the call until the event loop has laid out and painted the screen
(a paint is required for it to count). Then the first showing of another screen after a
change, which is when that screen takes the new look.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import application, create_kiosk
from kiosk.core.session import CHECKLIST, HOME, topic_screen
from kiosk.ui.window import KioskWindow
from tests.benchmarks.common import Result, percentile, section_main

SIZE = (1920, 1080)


class Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def timed(app: QApplication, screen: QWidget, change: Callable[[], None]) -> float:
    """Milliseconds from ``change()`` until ``screen`` has been painted again."""
    painted = Painted()
    screen.installEventFilter(painted)
    start = time.perf_counter()
    change()
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    screen.removeEventFilter(painted)
    if painted.count == 0:
        raise RuntimeError("the change painted nothing; the timing would be a lie")
    return elapsed


def stats(times: list[float]) -> Result:
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "max_ms": round(max(times), 1),
    }


def measure(args: argparse.Namespace) -> Result:
    app = application()
    rounds = 3 if args.quick else args.rounds
    kiosk: KioskWindow = create_kiosk()
    kiosk.resize(*SIZE)
    kiosk.show()
    app.processEvents()
    topic = topic_screen(kiosk.pack.language().pages[0].id)
    times: dict[str, list[float]] = {
        "text_size": [],
        "contrast": [],
        "reset": [],
        "first_showing_after": [],
    }
    for _ in range(rounds):
        for where in (CHECKLIST, topic, HOME):
            kiosk.go(where)
            app.processEvents()
            screen = kiosk.screens[where]
            times["text_size"].append(timed(app, screen, lambda: kiosk.set_text_scale(2.0)))
            times["contrast"].append(timed(app, screen, lambda: kiosk.set_high_contrast(True)))
            times["text_size"].append(timed(app, screen, lambda: kiosk.set_text_scale(1.0)))
            times["contrast"].append(timed(app, screen, lambda: kiosk.set_high_contrast(False)))
        kiosk.set_text_scale(2.0)
        kiosk.set_high_contrast(True)
        app.processEvents()
        other = kiosk.screens[topic]  # not dressed for this look yet
        times["first_showing_after"].append(timed(app, other, lambda: kiosk.go(topic)))
        attract = kiosk.screens["attract"]
        times["reset"].append(timed(app, attract, kiosk.reset))
    kiosk.allow_close = True
    kiosk.close()
    return {"size": f"{SIZE[0]}x{SIZE[1]}", **{key: stats(value) for key, value in times.items()}}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    section_main(measure, parser)
