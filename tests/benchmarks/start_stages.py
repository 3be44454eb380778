"""Benchmark section: where start-up time and memory go, step by step, in one fresh process.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.start_stages

The steps of ``kiosk run`` in its order: the content stack (PyYAML, pydantic and the models),
Qt, the kiosk's screen modules, loading and checking the files, the window with its welcome
screen, the first paint, a tap at once (home is built, the rest waits), the other screens
(built after that, one per turn of the event loop: the longest turn is reported), and a visit to
every screen. Wall time and proportional set size added by each step. Run alone, in a fresh
process, so that nothing imported earlier blurs the steps.
"""

from __future__ import annotations

import argparse
import time

from tests.benchmarks.common import Result, pss_kib, section_main  # Qt-free


class Stages:
    def __init__(self) -> None:
        self.steps: list[dict[str, object]] = []
        self._time, self._pss = time.perf_counter(), pss_kib()

    def mark(self, stage: str) -> None:
        now, pss = time.perf_counter(), pss_kib()
        ms = round((now - self._time) * 1000, 1)
        self.steps.append({"stage": stage, "ms": ms, "added_kib": pss - self._pss})
        self._time, self._pss = time.perf_counter(), pss  # reading PSS is not counted


def measure(args: argparse.Namespace) -> Result:
    stages = Stages()
    # The imports are what is measured here, so they happen step by step, in start-up order.
    from kiosk.core.sources import load_all  # noqa: PLC0415

    stages.mark("PyYAML, pydantic, content models")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication(["kiosk"])
    stages.mark("PySide6 QtWidgets + QApplication")
    from kiosk.app import create_kiosk  # noqa: PLC0415
    from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen  # noqa: PLC0415

    stages.mark("kiosk screen modules")
    loaded = load_all()
    stages.mark("settings and content loaded and checked")
    kiosk = create_kiosk(welcome_first=True)  # loads again: the window needs its own copy
    stages.mark("window with the welcome screen (incl. a 2nd load)")
    kiosk.resize(1920, 1080)
    kiosk.show()
    app.sendPostedEvents()
    kiosk.repaint()
    stages.mark("first paint at 1920x1080")
    kiosk.go(HOME)  # a tap on the welcome screen at once: it waits for home alone
    app.processEvents()
    stages.mark("a tap at once: home built and painted")
    turns = []  # each turn of the event loop builds one more screen
    while SUMMARY not in kiosk.screens:
        start = time.perf_counter()
        app.processEvents()
        turns.append((time.perf_counter() - start) * 1000)
    stages.mark("the other screens, one per turn of the event loop")
    route = [HOME, *(topic_screen(page.id) for page in loaded.pack.language().pages)]
    for screen in [*route, CHECKLIST, SUMMARY]:
        kiosk.go(screen)
        app.processEvents()
    stages.mark("every screen visited once")
    kiosk.allow_close = True
    kiosk.close()
    return {
        "stages": stages.steps,
        "pss_kib": pss_kib(),
        "build_turns": len(turns),
        "longest_turn_ms": round(max(turns), 1),
    }


if __name__ == "__main__":
    section_main(measure, argparse.ArgumentParser(description=__doc__))
