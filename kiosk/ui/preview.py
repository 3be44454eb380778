"""Render every screen to PNG, so staff can proof content and developers see what patients see."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.ui.topic import TopicScreen
from kiosk.ui.window import KioskWindow


def _settle() -> None:
    """Let posted layout requests run until geometry stops changing."""
    for _ in range(3):
        QApplication.processEvents()


def _grow_to_fit(window: KioskWindow, screen: TopicScreen) -> None:
    """Make the window tall enough that ``screen`` shows its whole page without scrolling."""
    bar = screen.scroll_area.verticalScrollBar()
    for _ in range(8):
        _settle()
        if bar.maximum() == 0:
            return
        window.resize(window.width(), window.height() + bar.maximum())


def render_screens(window: KioskWindow, out_dir: Path, sizes: list[QSize]) -> list[Path]:
    """Write one PNG per screen per size into ``out_dir``; topic pages are grabbed whole."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        for index, screen_id in enumerate(window.screens):
            window.resize(size)
            if index:
                window.go(screen_id)
            else:
                window.reset()
            window.show()
            _settle()
            screen = window.screens[screen_id]
            if isinstance(screen, TopicScreen):
                _grow_to_fit(window, screen)
            name = f"{size.width()}x{size.height()}-{index:02d}-{screen_id.replace('/', '-')}.png"
            path = out_dir / name
            if not window.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)
    window.resize(sizes[0])
    window.reset()
    return written
