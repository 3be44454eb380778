"""The kiosk in a real X window, driven as a touch panel that reports itself as a mouse drives
it: Xvfb, the xcb platform plugin, ``kiosk run`` started as the service starts it (fullscreen,
READY after the first paint), xdotool for the finger and screenshots for the eyes.

Where to tap is found by laying out the same window offscreen at the same size: the same
code, content and fonts put the tiles and buttons in the same places.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageGrab
from PySide6.QtCore import QElapsedTimer, QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.transition import FADE_MS
from kiosk.ui.window import KioskWindow
from tests.conftest import open_kiosk
from tests.e2e.x_session import kiosk_run, xdotool, xvfb

SIZE = (1280, 800)
STILL_MS = FADE_MS * 2  # unchanged this long: no screen is fading in, no fling moving


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb(SIZE) as name:
        yield name


@pytest.fixture
def running_kiosk(display: str, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    with kiosk_run(display, tmp_path) as kiosk:
        yield kiosk


class Screen:
    """The X screen as a person sees and touches it."""

    def __init__(self, display: str, qtbot: QtBot):
        self.display, self.qtbot = display, qtbot

    def shot(self) -> Image.Image:
        return ImageGrab.grab(xdisplay=self.display).convert("RGB")

    def xdotool(self, *args: object) -> None:
        xdotool(self.display, *args)

    def tap(self, at: QPoint) -> None:
        self.xdotool("mousemove", "--sync", at.x(), at.y(), "click", 1)

    def drag(self, start: QPoint, dy: int, steps: int = 15) -> None:
        """Press, move by ``dy`` in steps at a finger's pace (a panel reports every 20 ms),
        hold still, lift: a drag on a mouse-emulating panel, with no fling after it."""
        moves: list[object] = ["mousemove", "--sync", start.x(), start.y(), "mousedown", 1]
        for step in range(1, steps + 1):
            moves += ["sleep", 0.02, "mousemove", start.x(), start.y() + round(dy * step / steps)]
        self.xdotool(*moves, "sleep", 0.3, "mouseup", 1)

    def settled(self) -> Image.Image:
        """The screen once it has not changed for longer than any motion lasts (a screen's
        fade-in, a fling's last steps): screenshots taken until then."""
        shots = [self.shot()]
        clock = QElapsedTimer()
        clock.start()

        def still() -> bool:
            shots.append(self.shot())
            if ImageChops.difference(shots[-2], shots[-1]).getbbox() is not None:
                clock.restart()
            return clock.elapsed() > STILL_MS

        self.qtbot.waitUntil(still, timeout=10_000)
        return shots[-1]


def centre(widget: QWidget, window: KioskWindow) -> QPoint:
    """Where ``widget``'s middle is once the window has laid out the screen shown."""
    QApplication.processEvents()
    return widget.mapTo(window, widget.rect().center())


def shift_between(before: Image.Image, after: Image.Image, band: QRect) -> int | None:
    """How far up the pixels of ``band`` in ``before`` are found in ``after`` (all of them
    exactly), or None when no shift finds them."""
    left, right = band.left(), band.right() + 1
    rows = before.crop((left, band.top(), right, band.bottom() + 1))
    for shift in range(band.top() + 1):
        moved = after.crop((left, band.top() - shift, right, band.bottom() + 1 - shift))
        if ImageChops.difference(rows, moved).getbbox() is None:
            return shift
    return None


def test_an_xdotool_mouse_drag_scrolls_a_topic_page(
    qtbot: QtBot, display: str, running_kiosk: subprocess.Popen[bytes]
) -> None:
    layout = open_kiosk(qtbot, SIZE)  # the same window, offscreen: where things are
    layout.build_all_screens()
    screen = Screen(display, qtbot)
    # The welcome screen is never still (its invitation pulses): one look at it is enough.
    qtbot.waitUntil(lambda: len(screen.shot().getcolors(1 << 16) or []) > 16, timeout=10_000)
    welcome = screen.shot()  # not a blank screen: the kiosk

    screen.tap(QPoint(SIZE[0] // 2, SIZE[1] // 2))  # "touch the screen to start"
    home = screen.settled()
    assert ImageChops.difference(welcome, home).getbbox() is not None, "the tap did nothing"
    layout.go("home")
    tile = layout.home.grid.tiles[0]
    screen.tap(centre(tile, layout))
    page = screen.settled()

    layout.go(f"topic/{tile_page(layout)}")
    topic = layout.stack.currentWidget()
    viewport = topic.scroll_area.viewport()  # type: ignore[attr-defined]
    middle = centre(viewport, layout)
    page_area = QRect(viewport.mapTo(layout, QPoint(0, 0)), viewport.size())
    screen.drag(middle, -300)
    scrolled = screen.settled()
    # The band just above the page's foot, found higher up after the drag: the page moved,
    # whole, by the drag (and a little fling), and nothing else changed.
    # A band across the middle of the page (not its foot, where "more below" fades it out).
    middle_row = page_area.top() + page_area.height() // 2
    band = QRect(page_area.left(), middle_row, page_area.width(), 100)
    shift = shift_between(page, scrolled, band)
    assert shift is not None and 250 <= shift <= 350, f"a 300 px drag moved the page {shift} px"

    back = topic.back_button  # type: ignore[attr-defined]
    screen.tap(centre(back, layout))
    assert ImageChops.difference(screen.settled(), home).getbbox() is None, "Back after a drag"


def tile_page(window: KioskWindow) -> str:
    return window.pack.language().pages[0].id
