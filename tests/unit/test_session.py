from __future__ import annotations

import subprocess
import sys

from kiosk.core.session import ATTRACT, HOME, Session, topic_screen


def test_back_retraces_the_trail_and_home_forgets_it() -> None:
    session = Session()
    session.go(HOME)
    session.go(topic_screen("a"))
    session.go(topic_screen("b"))
    assert session.back() == topic_screen("a")
    assert session.back() == HOME
    assert session.back() == HOME
    session.go(topic_screen("c"))
    session.go(HOME)
    assert session.history == []


def test_going_to_the_current_screen_adds_no_history() -> None:
    session = Session()
    session.go(HOME)
    session.go(topic_screen("a"))
    session.go(topic_screen("a"))
    assert session.history == [HOME]


def test_reset_returns_to_a_fresh_session() -> None:
    session = Session()
    session.go(HOME)
    session.go(topic_screen("a"))
    session.reset()
    assert session == Session()
    assert session.screen == ATTRACT


def test_core_modules_import_no_qt() -> None:
    code = (
        "import sys, kiosk.core.session, kiosk.core.config, kiosk.core.content.loader,"
        " kiosk.core.content.readability;"
        "qt = [m for m in sys.modules if m.startswith('PySide6')];"
        "assert not qt, qt"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
