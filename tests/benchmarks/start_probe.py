"""Child process for the start-up and memory benchmark: start, paint once, report, exit.

python -m tests.benchmarks.start_probe bare|kiosk [--settle-ms 500]

``bare`` is the yardstick: a PySide6 window showing one label. ``kiosk`` starts the real
``kiosk run --windowed`` path (logging, content, settings, every screen, lockdown, usage counts).
Both show a 1920x1080 window. When the first paint of that window has been flushed, the probe
notes the wall-clock time (the parent, which started the process, subtracts its own start
time) and, after ``--settle-ms`` of event loop, prints one JSON line with that time, the
proportional set size and the peak resident set size. With ``--settle-ms 0`` it leaves at
once, without tearing anything down (for instruction counts up to the first paint).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.argv[1:2] == ["kiosk"]:
    # As the `kiosk` command does: its module first, which imports Qt only when it runs.
    from kiosk.cli import main as kiosk_main

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

SIZE = (1920, 1080)


def pss_kib() -> int:
    """Proportional set size of this process (Linux), in KiB."""
    with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise RuntimeError("no Pss line in /proc/self/smaps_rollup")


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


class FirstPaint(QObject):
    """Waits for the first paint of a top-level window, then reports and quits."""

    def __init__(self, app: QApplication, settle_ms: int):
        super().__init__()
        self.app, self.settle_ms = app, settle_ms
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            self.painted_at is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            # Children paint right after their window in the same flush: report once it ends.
            QTimer.singleShot(0, self._painted)
            self.painted_at = 0.0
        return False

    def _painted(self) -> None:
        self.painted_at = time.time()  # wall clock: comparable with the parent's
        QTimer.singleShot(self.settle_ms, self._report)

    def _report(self) -> None:
        assert self.painted_at is not None
        result = {
            "painted_at": self.painted_at,
            "pss_kib": pss_kib(),
            "peak_rss_kib": peak_rss_kib(),
        }
        print(json.dumps(result), flush=True)
        if self.settle_ms == 0:  # counting instructions: no teardown in the count
            os._exit(0)
        self.app.exit(0)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["bare", "kiosk"])
    parser.add_argument("--settle-ms", type=int, default=500)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(app, args.settle_ms)
    app.installEventFilter(watcher)
    if args.kind == "bare":
        label = QLabel("Welcome")
        label.resize(*SIZE)
        label.show()
        return app.exec()
    size = f"{SIZE[0]}x{SIZE[1]}"
    # --windowed shows a window of --size instead of the fullscreen geometry.
    return kiosk_main(["run", "--windowed", "--size", size])


if __name__ == "__main__":
    sys.exit(main())
