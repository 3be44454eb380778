"""Pictures as patients see them: decoded at the size shown, in a cache of bounded size, never
taller than the screen can take, and a file replaced under the same name shows anew."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from kiosk.ui import picture
from kiosk.ui.picture import TALLEST, BitmapCache, Picture, forget_pictures_except


def photo(path: Path, size: tuple[int, int], colour: str = "red") -> Path:
    """A picture of ``size`` in ``colour``, its top left quarter blue."""
    image = Image.new("RGB", size, colour)
    image.paste("blue", (0, 0, size[0] // 2, size[1] // 2))
    image.save(path)
    return path


def shown(qtbot: QtBot, widget: Picture, width: int) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(width, widget.heightForWidth(width))
    return widget.grab().toImage()


def cached_sizes(path: Path) -> list[tuple[int, int]]:
    real = path.resolve()
    return [(key[2], key[3]) for key in picture._bitmaps._images if key[0] == real]


def test_a_large_photo_is_decoded_at_the_size_shown(qtbot: QtBot, tmp_path: Path) -> None:
    big = photo(tmp_path / "big.png", (4000, 3000))
    widget = Picture(big, max_width=800)
    image = shown(qtbot, widget, 1000)
    assert widget.heightForWidth(1000) == 600  # at most max_width wide, at its aspect ratio
    assert image.pixelColor(200, 150) == QColor("blue")  # the picture, centred: 100 px margins
    assert image.pixelColor(700, 450) == QColor("red")
    assert cached_sizes(big) == [(800, 600)], "kept at 800 x 600, not 4000 x 3000"


def test_a_tall_picture_is_never_taller_than_its_limit(qtbot: QtBot, tmp_path: Path) -> None:
    tall = photo(tmp_path / "tall.png", (100, 4000))
    widget = Picture(tall, max_width=600)
    assert widget.sizeHint().height() == TALLEST * 600
    assert widget.sizeHint().width() == 900 * 100 // 4000  # narrower, at its aspect ratio
    image = shown(qtbot, widget, 600)
    assert image.height() == 900 and image.pixelColor(300 - 5, 10) == QColor("blue")
    assert image.pixelColor(300 + 5, 890) == QColor("red")


def test_the_cache_drops_the_least_recently_drawn_beyond_its_budget() -> None:
    cache = BitmapCache(budget=3 * 100 * 100 * 4)

    def key(n: int) -> tuple[Path, int, int, int]:
        return (Path(f"/p{n}"), 0, 100, 100)

    def make() -> QImage:
        return QImage(100, 100, QImage.Format.Format_ARGB32)

    for n in range(3):
        cache.get(key(n), make)

    def never() -> QImage:
        raise AssertionError("decoded again")

    cache.get(key(0), never)  # drawn again: a hit
    cache.get(key(3), make)  # over budget: /p1, least recently drawn, goes
    assert [k[0].name for k in cache._images] == ["p2", "p0", "p3"]
    assert cache.size == 3 * 100 * 100 * 4 <= cache.budget
    cache.keep_only({Path("/p3")})
    assert [k[0].name for k in cache._images] == ["p3"] and cache.size == 100 * 100 * 4


def test_a_picture_replaced_under_its_name_shows_the_new_one(qtbot: QtBot, tmp_path: Path) -> None:
    path = photo(tmp_path / "swap.png", (200, 100), "red")
    assert shown(qtbot, Picture(path), 200).pixelColor(150, 80) == QColor("red")
    photo(path, (200, 100), "green")
    assert shown(qtbot, Picture(path), 200).pixelColor(150, 80) == QColor("green")
    forget_pictures_except(set())  # content without pictures: nothing of them is kept
    assert cached_sizes(path) == [] and path.resolve() not in picture._last_read


def test_an_svg_is_rendered_once_per_size(qtbot: QtBot, tmp_path: Path) -> None:
    svg = tmp_path / "box.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="20" height="20" fill="blue"/><rect x="20" width="20" height="20" '
        'fill="red"/></svg>',
        encoding="utf-8",
    )
    widget = Picture(svg, max_width=400)
    image = shown(qtbot, widget, 400)
    assert image.pixelColor(100, 100) == QColor("blue")
    assert image.pixelColor(300, 100) == QColor("red")
    widget.repaint()
    assert cached_sizes(svg) == [(400, 200)]
