"""One patient session with ticked answers, run in its own process for the privacy test.

Usage: python -m tests.e2e.privacy_driver SETTINGS ROW,ROW,...
Ticks the checklist rows at the given positions, opens the summary and its QR code, then
waits for the idle reset. Logs everything at DEBUG level to stderr and to a file, so any
leak would be written.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.app import application, create_kiosk
from tests.conftest import Finger

DONE = "privacy-driver-done"


def main(settings: Path, rows: list[int]) -> int:
    log_file = Path(os.environ["HOME"]) / "kiosk-debug.log"
    logging.basicConfig(
        level=logging.DEBUG, handlers=[logging.StreamHandler(), logging.FileHandler(log_file)]
    )
    app = application()
    kiosk = create_kiosk(config_path=settings)
    kiosk.resize(1920, 1080)
    kiosk.show()
    finger = Finger()
    finger.fill_checklist(kiosk, rows)
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.take_home)  # the QR of the answers
    if not kiosk.take_home.qr.matrix:
        return 4
    if len(kiosk.summary.answer_labels()) != len(rows):
        return 2
    loop = QEventLoop()
    kiosk.session_reset.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    loop.exec()
    reset = kiosk.current_screen() == "attract" and not kiosk.session.ticked
    app.processEvents()
    print(DONE if reset else "privacy-driver-no-reset", flush=True)
    return 0 if reset else 3


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), [int(part) for part in sys.argv[2].split(",")]))
