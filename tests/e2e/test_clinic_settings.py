"""Clinic settings change what patients see: branding, colours, features."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from tests.conftest import CONTENT, open_kiosk


def settings_file(folder: Path, text: str) -> Path:
    path = folder / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_clinic_name_logo_and_colours_show(qtbot: QtBot, tmp_path: Path) -> None:
    shutil.copy(CONTENT / "images" / "gut-lining-en.svg", tmp_path / "logo.svg")
    path = settings_file(
        tmp_path,
        "clinic:\n  name: Elm Street Clinic\n  logo: logo.svg\ntheme:\n  primary: '#7A1F5C'\n",
    )
    kiosk = open_kiosk(qtbot, config_path=path)
    assert kiosk.attract.brand.text() == "Elm Street Clinic"
    assert kiosk.attract.logo.isVisible() and kiosk.attract.logo.is_valid()
    assert kiosk.attract.logo.accessibleName() == "Elm Street Clinic"
    prompt = kiosk.attract.prompt.grab().toImage()  # the invitation's ground is the primary
    assert prompt.pixelColor(24, prompt.height() // 2).name() == "#7a1f5c"
    assert kiosk.attract.brand.palette().color(QPalette.ColorRole.WindowText).name() == "#7a1f5c"


def test_checklist_can_be_switched_off(qtbot: QtBot, tmp_path: Path) -> None:
    path = settings_file(tmp_path, "features:\n  checklist: false\n")
    kiosk = open_kiosk(qtbot, config_path=path)
    kiosk.go("home")
    assert not kiosk.home.checklist_tile.isVisible()
    assert all(tile.isVisible() for tile in kiosk.home.grid.tiles)
