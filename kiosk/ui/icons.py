"""Icons from one open set, Lucide (ISC licence; resources/icons, made by
scripts/make_icons.py), drawn in the colour of the control at any size and pixel density.

Each icon is drawn once per colour and size and kept; one that cannot be found is left out
(logged once), never a reason for a screen to fail.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from functools import cache, lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.paths import resources_dir

log = logging.getLogger(__name__)


class Icon(StrEnum):
    """Every icon the kiosk uses, by the set's name for it."""

    BACK = "arrow-left"
    HOME = "house"
    CHECKLIST = "list-checks"
    TAKE_HOME = "qr-code"
    PRINT = "printer"
    EDIT = "pencil"
    CLEAR = "eraser"
    CLOSE = "x"
    MORE_BELOW = "chevron-down"
    TOUCH = "pointer"
    EXIT = "log-out"
    READ_ALOUD = "volume-2"
    CONTRAST = "contrast"
    STILL_HERE = "hand"


@cache
def _svg(name: str) -> bytes:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        return path.read_bytes()
    except OSError as error:
        log.warning("no icon %s (%s); the control shows its words only", path, error.strerror)
        return b""


@lru_cache(maxsize=256)
def pixmap(icon: Icon, colour: str, size: int, ratio: float = 1.0) -> QPixmap:
    """``icon`` in ``colour`` (#RRGGBB) ``size`` logical pixels square; null if missing."""
    data = _svg(icon.value)
    if not data or size <= 0:
        return QPixmap()
    renderer = QSvgRenderer(QByteArray(data.replace(b"currentColor", colour.encode())))
    if not renderer.isValid():
        return QPixmap()
    side = max(1, round(size * ratio))
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def draw(painter: QPainter, box: QRectF, icon: Icon, colour: QColor) -> None:
    """Draw ``icon`` centred in ``box`` as large as fits."""
    side = round(min(box.width(), box.height()))
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    image = pixmap(icon, colour.name(), side, ratio)
    if not image.isNull():
        left = box.left() + (box.width() - side) / 2
        top = box.top() + (box.height() - side) / 2
        painter.drawPixmap(QRectF(left, top, side, side), image, QRectF(image.rect()))
