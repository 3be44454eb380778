"""The patient screens made from one language of a pack and the clinic's settings, before the
window wires them to its navigation: home, a topic screen per page, checklist and summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk.core.config import Settings
from kiosk.core.content.model import ContentPack, Language
from kiosk.core.session import CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.core.wording import clear_time_phrase
from kiosk.ui.checklist import ChecklistScreen, SummaryScreen
from kiosk.ui.dates import reviewed
from kiosk.ui.home import HomeScreen
from kiosk.ui.topic import TopicScreen


def patient_screens(
    pack: ContentPack, language: Language, settings: Settings, text_scale: float
) -> Iterator[tuple[str, QWidget]]:
    """(screen id, screen) for home, each topic, the checklist and the summary, made one at a
    time as they are asked for."""
    clinic, strings = settings.clinic, language.strings
    pictures = _pictures(pack, language)
    home = HomeScreen(language, settings.features.checklist, pictures=pictures)
    home.set_text_scale(text_scale)
    yield HOME, home
    pages = language.pages
    numbers = settings.safety.numbers()
    tile = (language.checklist.title, strings.checklist_tile)
    for index, page in enumerate(pages):
        last = index + 1 == len(pages)
        offer = settings.features.checklist and (page.offer_checklist or last)
        screen = TopicScreen(
            language.page_root(page.id, pack.root),
            page,
            strings=strings,
            position=(index + 1, len(pages)),
            next_page=None if last else pages[index + 1],
            numbers=numbers,
            reviewed=reviewed(page, strings, language.code),
            checklist=tile if offer else None,
            pictures=pictures,
        )
        screen.take_home.setVisible(settings.take_home.qr)
        yield topic_screen(page.id), screen
    clear_time = clear_time_phrase(settings.idle, strings)
    yield (
        CHECKLIST,
        ChecklistScreen(language.checklist, strings, numbers=numbers, clear_time=clear_time),
    )
    contact = clinic.contact_in(language.code, settings.languages.default)
    summary = SummaryScreen(language.checklist, strings, contact, numbers)
    summary.take_home.setVisible(settings.take_home.qr)
    yield SUMMARY, summary


def _pictures(pack: ContentPack, language: Language) -> dict[str, Path]:
    """The illustration of each screen that has one, by screen id."""
    found = {
        topic_screen(page.id): language.page_root(page.id, pack.root) / page.picture
        for page in language.pages
        if page.picture
    }
    if language.checklist.picture:
        found[CHECKLIST] = pack.root / language.checklist.picture
    return found
