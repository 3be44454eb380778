"""Render every screen to PNG, so staff can proof content and developers see what patients see."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.session import HOME, SUMMARY
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.window import KioskWindow


def _settle() -> None:
    """Let posted layout requests run until geometry stops changing."""
    for _ in range(3):
        QApplication.processEvents()


def _grow_to_fit(window: KioskWindow, screen: ReadingScreen) -> None:
    """Make the window tall enough that ``screen`` shows its whole page without scrolling."""
    bar = screen.scroll_area.verticalScrollBar()
    for _ in range(8):
        _settle()
        if bar.maximum() == 0:
            return
        window.resize(window.width(), window.height() + bar.maximum())


def _example_answers(window: KioskWindow) -> set[str]:
    """Tick the first item of each group, so the summary preview shows a filled list."""
    return {group.items[0].id for group in window.pack.language().checklist.groups}


def _save(window: KioskWindow, path: Path) -> Path:
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_screens(window: KioskWindow, out_dir: Path, sizes: list[QSize]) -> list[Path]:
    """Write one PNG per screen per size into ``out_dir``, plus the idle warning.

    Reading screens are grabbed whole, as tall as their content. The kiosk is reset afterwards.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        prefix = f"{size.width()}x{size.height()}"
        for index, screen_id in enumerate(window.screens):
            window.reset()
            window.resize(size)
            window.show()
            if screen_id == SUMMARY:
                for item_id in _example_answers(window):
                    window.session.set_ticked(item_id, True)
            if index:
                window.go(screen_id)
            _settle()
            screen = window.screens[screen_id]
            if isinstance(screen, ReadingScreen):
                _grow_to_fit(window, screen)
            name = f"{prefix}-{index:02d}-{screen_id.replace('/', '-')}.png"
            written.append(_save(window, out_dir / name))
        window.reset()
        window.resize(size)
        window.go(HOME)
        window.overlay.start(window.settings.idle.warning_seconds)
        _settle()
        written.append(
            _save(window, out_dir / f"{prefix}-{len(window.screens):02d}-still-there.png")
        )
    window.reset()
    window.resize(sizes[0])
    return written
