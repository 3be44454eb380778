"""Benchmark: CPU used while the kiosk sits untouched. Prints a table; not part of the test run.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.idle_cpu [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.app import application, create_kiosk
from kiosk.session import HOME, topic_screen


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def idle_cpu(seconds: float) -> float:
    """Percent of one core used while the event loop runs untouched for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    start_cpu, start = cpu_seconds(), time.perf_counter()
    loop.exec()
    return 100 * (cpu_seconds() - start_cpu) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    application()
    kiosk = create_kiosk()
    kiosk.resize(1920, 1080)
    kiosk.show()
    rows = [("attract screen", idle_cpu(args.seconds))]
    kiosk.go(HOME)
    kiosk.go(topic_screen(kiosk.pack.language().pages[0].id))
    rows.append(("open topic page (idle timer armed)", idle_cpu(args.seconds)))
    print(f"{'state':<40} {'CPU %':>8}   ({args.seconds:g} s each)")
    for name, percent in rows:
        print(f"{name:<40} {percent:>8.3f}")


if __name__ == "__main__":
    main()
