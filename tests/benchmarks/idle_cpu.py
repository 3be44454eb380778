"""Benchmark section: CPU used while nobody touches the screen.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.idle_cpu [--seconds 60]

Side by side in one process: the bare PySide6 window (one label), the kiosk's attract loop
(its fact rotation and the ring swelling round its invitation, 25 frames a second), and the
kiosk on an open topic page (the idle timer armed). Percent of one core over ``--seconds`` of
untouched event loop each.
"""

from __future__ import annotations

import argparse
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QLabel

from kiosk.app import application, create_kiosk
from kiosk.core.session import HOME, topic_screen
from tests.benchmarks.common import Result, cpu_seconds, section_main

SIZE = (1920, 1080)


def idle_cpu(seconds: float) -> float:
    """Percent of one core used while the event loop runs untouched for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    start_cpu, start = cpu_seconds(), time.perf_counter()
    loop.exec()
    return 100 * (cpu_seconds() - start_cpu) / (time.perf_counter() - start)


def settle() -> None:
    """Let the first paint and any start-up work finish before measuring."""
    idle_cpu(0.5)


def measure(args: argparse.Namespace) -> Result:
    seconds = 5.0 if args.quick else args.seconds
    application()
    bare = QLabel("Welcome")
    bare.resize(*SIZE)
    bare.show()
    settle()
    bare_percent = idle_cpu(seconds)
    bare.close()

    kiosk = create_kiosk()
    kiosk.resize(*SIZE)
    kiosk.show()
    settle()
    attract = idle_cpu(seconds)
    kiosk.go(HOME)
    kiosk.go(topic_screen(kiosk.pack.language().pages[0].id))
    settle()
    open_page = idle_cpu(seconds)
    kiosk.allow_close = True
    kiosk.close()
    return {
        "seconds_each": seconds,
        "bare_window_percent": round(bare_percent, 3),
        "attract_percent": round(attract, 3),
        "open_page_percent": round(open_page, 3),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    section_main(measure, parser)
