"""Staff edit files while the kiosk runs: good edits appear, bad ones never take it down."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.session import ATTRACT, HOME, STAFF_PANEL, topic_screen
from kiosk.ui.staff_mode import StaffMode
from kiosk.ui.topic import TopicScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import CONTENT, SETTINGS, Finger, open_kiosk

RELOAD_MS = 5000  # generous for a loaded CI machine; docs/performance.md reports the real figure


@pytest.fixture
def editable(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    settings = tmp_path / "settings.yaml"
    shutil.copy(SETTINGS, settings)
    return content, settings


def edit(path: Path, old: str, new: str, *, by_rename: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    if by_rename:  # how many editors save: write a new file, then rename it over the old one
        temporary = path.with_name(path.name + ".swp")
        temporary.write_text(text.replace(old, new, 1), encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_title(kiosk: KioskWindow, page_id: str) -> str:
    screen = kiosk.screens[topic_screen(page_id)]
    assert isinstance(screen, TopicScreen)
    return screen.title.text()


def test_editing_a_page_updates_it(qtbot: QtBot, editable: tuple[Path, Path]) -> None:
    content, settings = editable
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    kiosk.go(HOME)
    with qtbot.waitSignal(kiosk.content_applied, timeout=RELOAD_MS):
        edit(
            content / "en" / "pages" / "lifestyle-steps.yaml",
            "title: Lifestyle steps",
            "title: Daily habits",
        )
    assert page_title(kiosk, "lifestyle-steps") == "Daily habits"
    assert kiosk.home.grid.tiles[3].accessibleName() == "Daily habits"
    assert kiosk.current_screen() == HOME


def test_saving_by_rename_is_seen_again_and_again(
    qtbot: QtBot, editable: tuple[Path, Path]
) -> None:
    content, settings = editable
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    page = content / "en" / "pages" / "signs-people-report.yaml"
    for number in range(1, 4):
        with qtbot.waitSignal(kiosk.content_applied, timeout=RELOAD_MS):
            old = "title: Signs people report" if number == 1 else f"title: Signs {number - 1}"
            edit(page, old, f"title: Signs {number}", by_rename=True)
        assert page_title(kiosk, "signs-people-report") == f"Signs {number}"


def test_settings_edits_apply_too(qtbot: QtBot, editable: tuple[Path, Path]) -> None:
    content, settings = editable
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    with qtbot.waitSignal(kiosk.content_applied, timeout=RELOAD_MS):
        edit(settings, "name: Riverside Family Clinic", "name: Elm Street Clinic")
    assert kiosk.attract.brand.text() == "Elm Street Clinic"
    assert kiosk.current_screen() == ATTRACT


def test_a_broken_edit_keeps_the_last_good_content_and_reports_why(
    qtbot: QtBot, editable: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    content, settings = editable
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None
    page = content / "en" / "pages" / "lifestyle-steps.yaml"
    with qtbot.waitSignal(reloader.reload_refused, timeout=RELOAD_MS):
        edit(page, "title: Lifestyle steps", "titel: Lifestyle steps")
    assert page_title(kiosk, "lifestyle-steps") == "Lifestyle steps"
    assert [str(problem) for problem in reloader.problems] == [
        f"{page}:2:1: title: this field is required but missing",
        f"{page}:3:1: titel: unknown key 'titel'; did you mean 'title'?",
    ]
    assert any("keeping the last good content" in r.getMessage() for r in caplog.records)
    assert any(r.levelno == logging.ERROR for r in caplog.records)
    kiosk.go(STAFF_PANEL)
    staff = kiosk.findChild(StaffMode)
    shown = [label.text() for label in staff.panel.findChildren(QLabel)]
    assert f"{page}:3:1: titel: unknown key 'titel'; did you mean 'title'?" in shown
    assert any(text.startswith("The last change was refused (2 problem(s))") for text in shown)
    kiosk.go(HOME)
    with qtbot.waitSignal(kiosk.content_applied, timeout=RELOAD_MS):
        edit(page, "titel: Lifestyle steps", "title: Fixed steps")
    assert page_title(kiosk, "lifestyle-steps") == "Fixed steps"
    assert reloader.problems == ()


def test_a_page_never_changes_under_a_patients_finger(
    qtbot: QtBot, editable: tuple[Path, Path], finger: Finger
) -> None:
    content, settings = editable
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[3])
    reading = kiosk.stack.currentWidget()
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        edit(
            content / "en" / "pages" / "lifestyle-steps.yaml",
            "title: Lifestyle steps",
            "title: New",
        )
    with qtbot.assertNotEmitted(kiosk.content_applied, wait=200):
        pass
    assert kiosk.stack.currentWidget() is reading
    assert page_title(kiosk, "lifestyle-steps") == "Lifestyle steps"
    with qtbot.waitSignal(kiosk.content_applied, timeout=RELOAD_MS):
        kiosk.reset()
    assert page_title(kiosk, "lifestyle-steps") == "New"
    assert kiosk.current_screen() == ATTRACT


def test_deleting_the_content_folder_keeps_the_kiosk_serving(
    qtbot: QtBot, editable: tuple[Path, Path], finger: Finger
) -> None:
    content, settings = editable
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    assert kiosk.reloader is not None
    with qtbot.waitSignal(kiosk.reloader.reload_refused, timeout=RELOAD_MS):
        shutil.rmtree(content)
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[0])
    assert page_title(kiosk, "what-is-leaky-gut") == "What is leaky gut?"
