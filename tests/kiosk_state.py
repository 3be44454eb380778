"""What the next patient could see or reach of the previous one, and fresh kiosks to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.app import create_kiosk
from kiosk.core.session import ATTRACT, Session
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import LANDSCAPE, QuickIdle, kiosk_options


def observable(kiosk: KioskWindow) -> dict[str, Any]:
    """Everything the next patient could see or reach."""
    scrollers = {key: s for key, s in kiosk.screens.items() if isinstance(s, ReadingScreen)}
    return {
        "screen": kiosk.current_screen(),
        "session": (
            kiosk.session.screen,
            list(kiosk.session.history),
            sorted(kiosk.session.ticked),
        ),
        "scroll": {key: s.scroll_area.verticalScrollBar().value() for key, s in scrollers.items()},
        "home scroll": kiosk.home.scroll_area.verticalScrollBar().value(),
        "ticked rows": [key for key, row in kiosk.checklist.rows.items() if row.isChecked()],
        "summary": kiosk.summary.answer_labels(),
        "labels": sorted(label.text() for label in kiosk.findChildren(QLabel)),
        "overlay": kiosk.overlay.isVisible(),
        "idle armed": kiosk.idle_watcher.is_armed,
        "language": kiosk.language.code,
        "preferences": (
            kiosk.session.language,
            kiosk.session.text_scale,
            kiosk.session.high_contrast,
        ),
        "look": kiosk.styler.look,
    }


def leftovers(kiosk: KioskWindow) -> list[str]:
    """Traces of a patient session left in ``kiosk``; empty when it is as if freshly started.

    Cheap enough to call at the moment of every reset, before deferred deletions run.
    """
    found = []
    if kiosk.current_screen() != ATTRACT:
        found.append(f"screen is {kiosk.current_screen()!r}, not the attract screen")
    if kiosk.session != Session():
        found.append(f"session not fresh: {kiosk.session}")
    if kiosk.language.code != kiosk.settings.languages.default:
        found.append(f"language is {kiosk.language.code!r}")
    for item_id, row in kiosk.checklist.rows.items():
        if row.isChecked() or row.box.ticked or row.property("ticked"):
            found.append(f"checklist row {item_id!r} shows ticked")
    languages = kiosk.pack.languages.values()
    item_labels = {item.label for lang in languages for item in lang.checklist.items()}
    shown = [label.text() for label in kiosk.summary.findChildren(QLabel)]
    if kiosk.summary.answer_labels() or item_labels & {t.removeprefix("\u2713  ") for t in shown}:
        found.append("the summary still shows checklist items")
    take_home = kiosk.take_home
    if take_home.isVisible() or take_home.qr.matrix or take_home.message.text():
        found.append("the take-home overlay is open or remembers its code")
    if kiosk.overlay.isVisible():
        found.append("the idle warning is still shown")
    return found


def fresh_kiosk(config: Path | QuickIdle, size: tuple[int, int] = LANDSCAPE) -> KioskWindow:
    kiosk = create_kiosk(**kiosk_options(config_path=config, watch=False))
    kiosk.resize(*size)
    kiosk.show()
    QApplication.processEvents()
    return kiosk


def dispose(kiosk: KioskWindow) -> None:
    kiosk.close()
    kiosk.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def fresh_observable(config: Path | QuickIdle, size: tuple[int, int] = LANDSCAPE) -> dict[str, Any]:
    """``observable`` of a kiosk just started with ``config`` at ``size``."""
    reference = fresh_kiosk(config, size)
    try:
        return observable(reference)
    finally:
        dispose(reference)
