"""`kiosk run` paints the welcome screen first and builds the other screens right after, one
per turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from kiosk.app import create_kiosk
from kiosk.core.session import ATTRACT, CHECKLIST, HOME, SUMMARY, is_staff_screen
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.home import TILE_MIN_WIDTH
from kiosk.ui.window import KioskWindow
from tests.conftest import Finger, open_kiosk


class FirstPaint(QObject):
    """Notes which screens existed when the window first painted."""

    def __init__(self, kiosk: KioskWindow):
        super().__init__()
        self.kiosk = kiosk
        self.screens_then: list[str] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.screens_then is None:
            self.screens_then = list(self.kiosk.screens)
        return False


def patient_screens(kiosk: KioskWindow) -> list[str]:
    return [key for key in kiosk.screens if not is_staff_screen(key)]


def test_the_welcome_screen_paints_before_the_rest_is_built(qtbot: QtBot) -> None:
    everything = patient_screens(open_kiosk(qtbot))
    kiosk = create_kiosk(welcome_first=True)
    qtbot.addWidget(kiosk, before_close_func=lambda w: setattr(w, "allow_close", True))
    assert patient_screens(kiosk) == [ATTRACT]
    painted = FirstPaint(kiosk)
    kiosk.installEventFilter(painted)
    kiosk.resize(1920, 1080)
    kiosk.show()
    qtbot.waitUntil(lambda: patient_screens(kiosk) == everything, timeout=5000)
    assert painted.screens_then is not None
    assert [key for key in painted.screens_then if not is_staff_screen(key)] == [ATTRACT]
    # Staff screens still come after the patient screens, as in a kiosk built all at once.
    assert list(kiosk.screens)[: len(everything)] == everything
    for key in everything:  # one access bar each, the welcome screen's built first
        assert len(kiosk.screens[key].findChildren(AccessBar)) == 1, key
    assert len(kiosk.preferences.bars) == len(everything)


def test_a_touch_before_the_rest_is_built_still_works(qtbot: QtBot, finger: Finger) -> None:
    kiosk = create_kiosk(welcome_first=True)
    qtbot.addWidget(kiosk, before_close_func=lambda w: setattr(w, "allow_close", True))
    kiosk.resize(1920, 1080)
    kiosk.go(HOME)  # what a tap on the welcome screen does; the window has not painted yet
    assert kiosk.current_screen() == HOME
    assert patient_screens(kiosk) == [ATTRACT, HOME], "the tap waited for home alone"
    kiosk.show()
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: SUMMARY in kiosk.screens)  # the rest, one per turn of the loop
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    assert kiosk.current_screen() == CHECKLIST


def test_choices_made_before_the_rest_is_built_apply_everywhere(qtbot: QtBot) -> None:
    kiosk = create_kiosk(welcome_first=True)
    qtbot.addWidget(kiosk, before_close_func=lambda w: setattr(w, "allow_close", True))
    kiosk.set_text_scale(2.0)
    kiosk.set_language("es")
    assert kiosk.language.code == "es"
    assert kiosk.home.title.text() == kiosk.pack.language("es").strings.home_title
    assert kiosk.home.grid.min_tile_width > TILE_MIN_WIDTH  # wider tiles for 200 % text
    kiosk.reset()
    assert kiosk.language.code == "en"
    assert kiosk.home.grid.min_tile_width == TILE_MIN_WIDTH
    assert kiosk.current_screen() == ATTRACT
