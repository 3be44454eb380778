"""Render every screen to PNG, so staff can proof content and developers see what patients see."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.core.session import ATTRACT, CHECKLIST, HOME, SUMMARY, is_staff_screen, topic_screen
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


@dataclass(frozen=True)
class Look:
    """The patient choices to preview with: language, text size and contrast."""

    language: str | None = None
    text_scale: float = 1.0
    high_contrast: bool = False

    def apply(self, window: KioskWindow) -> None:
        if self.language:
            window.set_language(self.language)
        window.set_text_scale(self.text_scale)
        window.set_high_contrast(self.high_contrast)


def screen_image(
    window: KioskWindow, screen_id: str, size: QSize, *, whole: bool = True, look: Look = Look()
) -> QImage:
    """One screen at ``size``, from a reset kiosk (see ``screen_images``)."""
    window.reset()
    window.resize(size)
    window.show()
    if screen_id != ATTRACT and not is_staff_screen(screen_id):
        look.apply(window)
    if screen_id == SUMMARY:
        for item_id in _example_answers(window):
            window.session.set_ticked(item_id, True)
    if screen_id != ATTRACT:
        window.go(screen_id)
    else:
        window.attract.prompt.stop()  # a still: the ring round the invitation at rest
    window.fade.finish()  # the screen as it rests, not as it appears
    _settle()
    screen = window.screens[screen_id]
    if whole and isinstance(screen, ReadingScreen):
        _grow_to_fit(window, screen)
    return window.grab().toImage()


def screen_images(
    window: KioskWindow, size: QSize, *, whole: bool = True, look: Look = Look()
) -> Iterator[tuple[str, QImage]]:
    """Every screen at ``size`` (reading screens whole when ``whole``), then the idle warning.

    Yields (name, image). The kiosk is reset before each screen and afterwards. The welcome
    and staff screens are shown in the clinic's defaults, as they always are: a patient's
    choice on the welcome screen starts the session, and staff mode starts with a reset.
    """
    for index, screen_id in enumerate(list(window.screens)):
        image = screen_image(window, screen_id, size, whole=whole, look=look)
        yield f"{index:02d}-{screen_id.replace('/', '-')}", image
    window.reset()
    window.resize(size)
    look.apply(window)
    window.go(HOME)
    window.overlay.start(window.settings.idle.warning_seconds)
    _settle()
    yield f"{len(window.screens):02d}-still-there", window.grab().toImage()
    window.reset()


def render_screens(
    window: KioskWindow, out_dir: Path, sizes: list[QSize], look: Look = Look()
) -> list[Path]:
    """Write one PNG per screen per size into ``out_dir``, plus the idle warning."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        for name, image in screen_images(window, size, look=look):
            path = out_dir / f"{size.width()}x{size.height()}-{name}.png"
            if not image.save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)
    window.resize(sizes[0])
    return written


# The screens gallery (docs/screens, shown in the README): what a patient sees first on the
# main screens, on a landscape and a portrait screen, and in Spanish.
GALLERY_LOOKS = (
    ("1920x1080", QSize(1920, 1080), Look("en")),
    ("1080x1920", QSize(1080, 1920), Look("en")),
    ("1920x1080-es", QSize(1920, 1080), Look("es")),
)


def gallery(window: KioskWindow) -> Iterator[tuple[str, QImage]]:
    """(file name, image) for each picture of the screens gallery."""
    first_topic = topic_screen(window.pack.language().pages[0].id)
    screens = {
        ATTRACT: "welcome",
        HOME: "home",
        first_topic: "topic",
        CHECKLIST: "checklist",
        SUMMARY: "summary",
    }
    for suffix, size, look in GALLERY_LOOKS:
        for screen_id, name in screens.items():
            yield (
                f"{name}-{suffix}.png",
                screen_image(window, screen_id, size, whole=False, look=look),
            )
    window.reset()
