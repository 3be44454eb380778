"""The icons: one open set, every one the kiosk names bundled, drawn in the colour asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from kiosk.core.paths import resources_dir
from kiosk.ui import icons
from kiosk.ui.icons import Icon

ICONS = resources_dir() / "icons"


def test_every_icon_named_is_bundled_with_its_licence_and_nothing_else() -> None:
    assert {path.stem for path in ICONS.glob("*.svg")} == {icon.value for icon in Icon}
    assert "ISC License" in (ICONS / "LICENSE.txt").read_text(encoding="utf-8")
    assert "lucide-static@" in (ICONS / "SOURCE.txt").read_text(encoding="utf-8")
    for path in ICONS.glob("*.svg"):
        assert b"currentColor" in path.read_bytes(), f"{path.name} takes the control's colour"


def test_icons_are_drawn_in_the_colour_asked_at_the_density_asked(qtbot: QtBot) -> None:
    for icon in Icon:
        image = icons.pixmap(icon, "#a4161a", 48, 2.0).toImage()
        assert (image.width(), image.height()) == (96, 96)
        assert image.devicePixelRatio() == 2.0
        inked = [
            image.pixelColor(x, y)
            for x in range(0, 96, 2)
            for y in range(0, 96, 2)
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert inked, f"{icon.value} drew nothing"
        assert {colour.name() for colour in inked} == {"#a4161a"}, icon.value


def test_a_missing_icon_is_left_out_without_failing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KIOSK_RESOURCES", str(tmp_path))  # a folder without icons
    icons._svg.cache_clear()
    icons.pixmap.cache_clear()
    try:
        image = QImage(40, 40, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        icons.draw(painter, QRectF(0, 0, 40, 40), Icon.HOME, QColor("#000000"))
        painter.end()
        assert {image.pixelColor(x, y).name() for x in range(40) for y in range(40)} == {"#ffffff"}
    finally:
        icons._svg.cache_clear()
        icons.pixmap.cache_clear()
