"""The largest pack the limits allow (tests/benchmarks/largest_pack.py: 24 topics at the page
text limit in two languages, a 4000 x 3000 photo and a 19,000-shape SVG on every page, a
checklist of 240 items) validates and runs: every page shows with its pictures, every item
can be ticked, the take-home code still reads. Its timings and memory are the benchmark's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.content.model import MAX_PAGE_CHARACTERS, MAX_TOPICS
from kiosk.core.content.readability import page_text
from kiosk.core.session import HOME, SUMMARY, topic_screen
from kiosk.core.sources import load_all
from kiosk.ui import picture
from kiosk.ui.picture import CACHE_BYTES, Picture
from kiosk.ui.topic import TopicScreen
from kiosk.ui.widgets import Illustration
from tests.benchmarks.largest_pack import generate_largest_pack
from tests.conftest import Finger, open_kiosk
from tests.e2e.test_take_home import decoded


@pytest.fixture(scope="module")
def largest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return generate_largest_pack(tmp_path_factory.mktemp("largest"), photos=False)


def test_the_largest_pack_validates_at_every_limit(largest: tuple[Path, Path]) -> None:
    content, settings = largest
    pack = load_all(settings, content).pack
    for language in pack.languages.values():
        assert len(language.pages) == MAX_TOPICS and len(language.checklist.items()) == 240
        assert all(len(page_text(page)) == MAX_PAGE_CHARACTERS for page in language.pages)


def test_the_largest_pack_runs(qtbot: QtBot, largest: tuple[Path, Path], finger: Finger) -> None:
    content, settings = largest
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings, welcome_first=True)
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    for page in kiosk.language.pages:
        kiosk.go(topic_screen(page.id))
        screen = kiosk.stack.currentWidget()
        assert isinstance(screen, TopicScreen) and screen.title.text() == page.title
        pictures = screen.findChildren(Picture)  # 2 in its text; its own and its tiles'
        assert len([p for p in pictures if not isinstance(p, Illustration)]) == 2
        assert screen.picture is not None and screen.picture in pictures
        assert all(p.is_valid() for p in pictures)
        for shown in pictures:  # drawn, as a patient scrolls past them
            screen.scroll_area.ensureWidgetVisible(shown)
            shown.repaint()
        assert picture._bitmaps.size <= CACHE_BYTES
    kiosk.reset()
    finger.fill_checklist(kiosk, list(range(len(kiosk.checklist.rows))))
    assert kiosk.current_screen() == SUMMARY and len(kiosk.session.ticked) == 240
    kiosk.open_take_home()
    text = decoded(kiosk)
    assert text.endswith(kiosk.language.checklist.warning.soon.signs[-1])  # safety kept
