"""Benchmark: time from saving a page to the kiosk showing it, and validation time.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.reload_latency [--edits 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.app import application, create_kiosk
from kiosk.core.paths import default_content_dir
from kiosk.core.session import HOME
from kiosk.core.sources import load_all


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    application()
    started = time.perf_counter()
    for _ in range(10):
        load_all()
    validate_ms = (time.perf_counter() - started) * 100
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(default_content_dir(), content)
        kiosk = create_kiosk(content)
        kiosk.go(HOME)
        page = content / "en" / "pages" / "lifestyle-steps.yaml"
        latencies = []
        for number in range(args.edits):
            loop = QEventLoop()
            kiosk.content_applied.connect(loop.quit)
            QTimer.singleShot(10_000, loop.quit)
            text = page.read_text(encoding="utf-8")
            start = time.perf_counter()
            page.write_text(text.replace("tile: ", f"tile: {number} ", 1), encoding="utf-8")
            loop.exec()
            latencies.append((time.perf_counter() - start) * 1000)
            kiosk.content_applied.disconnect(loop.quit)
    print(f"{'measure':<44} {'value':>10}")
    print(f"{'validate bundled pack + settings (mean)':<44} {validate_ms:>8.1f} ms")
    print(f"{'save -> shown on home screen, median':<44} {statistics.median(latencies):>8.0f} ms")
    print(f"{'save -> shown on home screen, worst':<44} {max(latencies):>8.0f} ms")


if __name__ == "__main__":
    main()
