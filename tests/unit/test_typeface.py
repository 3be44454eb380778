"""The bundled typeface: Atkinson Hyperlegible in four styles, given to Qt at start, with every
letter English and Spanish need; the kiosk's words are set in it."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.app import application
from kiosk.core.paths import resources_dir
from kiosk.core.session import topic_screen
from kiosk.ui import typeface
from kiosk.ui.window import KioskWindow
from tests.conftest import REPO

# Letters and marks of Spanish, then quotes, dashes and the euro sign, written as code points.
SPANISH = "¿¡áéíóúüñÁÉÍÓÚÜÑ«»" + "\u201c\u201d\u2018\u2019\u2013\u2014\u20ac"


def test_the_bundled_typeface_loads_in_four_styles(qapp: QApplication) -> None:
    application()
    assert typeface.register() == [typeface.FAMILY]
    styles = set(QFontDatabase.styles(typeface.FAMILY))
    assert {"Regular", "Bold", "Italic", "Bold Italic"} <= styles
    metrics = QFontMetrics(QFont(typeface.FAMILY))
    missing = [c for c in SPANISH + "AZaz09.,;:!?%()" if not metrics.inFontUcs4(ord(c))]
    assert missing == []
    assert typeface.FAMILIES[0] == typeface.FAMILY and len(typeface.FAMILIES) > 1


def test_the_kiosk_sets_its_words_in_it(kiosk: KioskWindow) -> None:
    kiosk.go(topic_screen(kiosk.pack.language().pages[0].id))
    labels = kiosk.stack.currentWidget().findChildren(QLabel)
    assert labels
    assert {QFontInfo(label.font()).family() for label in labels} == {typeface.FAMILY}


def test_the_font_files_come_with_their_licence_and_source(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = resources_dir() / "fonts"
    monkeypatch.syspath_prepend(str(REPO / "scripts"))  # as when run: python scripts/make_fonts.py
    spec = importlib.util.spec_from_file_location("make_fonts", REPO / "scripts" / "make_fonts.py")
    assert spec is not None and spec.loader is not None
    make_fonts = importlib.util.module_from_spec(spec)
    sys.modules["make_fonts"] = make_fonts
    spec.loader.exec_module(make_fonts)
    assert sorted(p.name for p in folder.glob("*.ttf")) == sorted(make_fonts.STYLES.values())
    assert "SIL Open Font License" in (folder / "OFL.txt").read_text(encoding="utf-8")
    source = (folder / "SOURCE.txt").read_text(encoding="utf-8")
    assert make_fonts.PACKAGE in source and make_fonts.INTEGRITY in source
