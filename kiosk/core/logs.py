"""Logging for a kiosk that runs for years: a rotating file in the data folder, never answers."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path, level: int = logging.INFO) -> Path | None:
    """Log to stderr and to ``folder/kiosk.log`` (1 MB x 5). Returns the file, if writable."""
    logging.raiseExceptions = False  # a full disk must not print tracebacks or stop the kiosk
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    path = folder / "kiosk.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except OSError as error:
        print(f"kiosk: cannot write logs in {folder}: {error}", file=sys.stderr)
        logging.basicConfig(level=level, format=FORMAT, handlers=handlers, force=True)
        return None
    logging.basicConfig(level=level, format=FORMAT, handlers=handlers, force=True)
    return path
