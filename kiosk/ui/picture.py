"""Pictures on patient screens: each file read once, drawn from a bitmap decoded at the size
it is shown, kept in a cache of bounded size (whatever pictures a pack holds).

A 4000 x 4000 photo shown 900 pixels wide costs 3 MB here, not the 64 MB of its full size;
an SVG is rendered once per size, not on every paint.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core.content.images import RASTER_FORMATS

CACHE_BYTES = 64 * 1024 * 1024
PICTURE_SUFFIXES = {".svg", *RASTER_FORMATS}
TALLEST = 1.5  # a picture is never shown taller than 1.5 times its widest

_last_read: dict[Path, bytes] = {}


def forget_pictures_except(keep: set[Path]) -> None:
    """Drop what is kept of pictures the current content no longer uses."""
    wanted = {Path(os.path.realpath(path)) for path in keep}
    for path in [path for path in _last_read if path not in wanted]:
        del _last_read[path]
    for key in [key for key in _natural_sizes if key[0] not in wanted]:
        del _natural_sizes[key]
    _bitmaps.keep_only(wanted)


def keep_pictures(paths: Iterable[Path]) -> None:
    """Read the pictures of new content that no screen has read yet, while its files are
    known to be there: screens built later (another language, say) still show them if a file
    is then lost."""
    for path in paths:
        kept = Path(os.path.realpath(path)) in _last_read
        if path.suffix.lower() in PICTURE_SUFFIXES and not kept:
            _picture_bytes(path)


def _picture_bytes(path: Path) -> tuple[Path, bytes]:
    """The file's real path and bytes, or those last read from it if it cannot be read now:
    screens rebuilt from the last good content (a new language, say) keep its pictures after
    a file is lost."""
    key = Path(os.path.realpath(path))  # never raises
    try:
        data = path.read_bytes()
    except OSError:
        return key, _last_read.get(key, b"")
    _last_read[key] = data
    return key, data


class BitmapCache:
    """Decoded pictures, least recently drawn dropped first once over ``budget`` bytes."""

    def __init__(self, budget: int = CACHE_BYTES):
        self.budget = budget
        self.size = 0
        self._images: OrderedDict[tuple[Path, int, int, int], QImage] = OrderedDict()

    def get(self, key: tuple[Path, int, int, int], make: Callable[[], QImage]) -> QImage:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        image = make()
        self._images[key] = image
        self.size += image.sizeInBytes()
        while self.size > self.budget and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            self.size -= dropped.sizeInBytes()
        return image

    def keep_only(self, paths: set[Path]) -> None:
        for key in [key for key in self._images if key[0] not in paths]:
            self.size -= self._images.pop(key).sizeInBytes()


_bitmaps = BitmapCache()


_natural_sizes: dict[tuple[Path, int], QSize] = {}  # parsing a busy SVG takes a while


def _natural_size(key: tuple[Path, int], data: bytes, svg: bool) -> QSize:
    if key not in _natural_sizes:
        _natural_sizes[key] = _read_natural_size(data, svg)
    return _natural_sizes[key]


def _read_natural_size(data: bytes, svg: bool) -> QSize:
    if svg:
        renderer = QSvgRenderer(QByteArray(data))
        return renderer.defaultSize() if renderer.isValid() else QSize()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buffer).size()


def _decode(data: bytes, svg: bool, size: QSize) -> QImage:
    """The picture drawn at exactly ``size`` device pixels (a null image if it cannot be)."""
    if svg:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        QSvgRenderer(QByteArray(data)).render(painter)
        painter.end()
        return image
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setScaledSize(size)  # JPEG decodes straight at this size; others are scaled once
    return reader.read()


class Picture(QWidget):
    """An image that fills the available width (up to ``max_width``) at its aspect ratio,
    never taller than ``TALLEST`` times ``max_width``; crisp at any size and pixel density."""

    def __init__(self, path: Path, max_width: int = 900, parent: QWidget | None = None):
        super().__init__(parent)
        self.max_width = max_width
        self._path, self._data = _picture_bytes(path)
        self._svg = path.suffix.lower() == ".svg"
        self._id = hash(self._data)  # a file replaced under the same name is another picture
        natural = _natural_size((self._path, self._id), self._data, self._svg)
        valid = natural.width() > 0 and natural.height() > 0
        self._aspect = natural.height() / natural.width() if valid else 0.0
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def is_valid(self) -> bool:
        return self._aspect > 0

    def shown_size(self, width: int) -> QSize:
        """The picture's size in a widget ``width`` wide."""
        if not self.is_valid():
            return QSize(0, 0)
        shown = min(width, self.max_width, TALLEST * self.max_width / self._aspect)
        return QSize(round(shown), round(shown * self._aspect))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.shown_size(width).height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.shown_size(self.max_width)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        size = self.shown_size(self.width())
        if size.isEmpty():
            return
        ratio = self.devicePixelRatioF()
        pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
        key = (self._path, self._id, pixels.width(), pixels.height())
        image = _bitmaps.get(key, lambda: _decode(self._data, self._svg, pixels))
        if image.isNull():
            return
        target = QRectF((self.width() - size.width()) / 2, 0, size.width(), size.height())
        QPainter(self).drawImage(target, image)
