"""The bundled pages meet the reading-level and honesty standards in DESIGN.md."""

from __future__ import annotations

import re

import pytest

from kiosk.core.content.loader import load_pack
from kiosk.core.content.model import ContentPack, ImageBlock, Page
from kiosk.core.content.readability import measures, page_text, whole_checklist_text
from tests.conftest import CONTENT
from tests.copy_check import copied_runs

PACK: ContentPack = load_pack(CONTENT)
PAGES = PACK.language("en").pages


TEXTS = [
    pytest.param(code, name, text, id=f"{code}-{name}")
    for code, language in PACK.languages.items()
    for name, text in [
        *((page.id, page_text(page)) for page in language.pages),
        ("checklist", whole_checklist_text(language.checklist)),
    ]
]


@pytest.mark.parametrize(("code", "name", "text"), TEXTS)
def test_every_page_and_the_checklist_meet_the_reading_goals(
    code: str, name: str, text: str
) -> None:
    """English: Flesch-Kincaid <= 6 and SMOG <= 8; Spanish: Fernández-Huerta >= 75 and
    INFLESZ >= 55, all by pronouncing-dictionary / rule syllable counts."""
    found = measures(code, text)
    assert len(found) == 2
    assert all(measure.ok for measure in found), f"{code} {name}: {found}"


def test_first_page_says_leaky_gut_is_not_an_accepted_diagnosis() -> None:
    first = PAGES[0]
    text = page_text(first).lower()
    assert "not an accepted medical diagnosis" in text
    assert "no proven test" in text
    # Said near the top, not buried: within the first three blocks.
    early = " ".join(page_text(first.model_copy(update={"blocks": first.blocks[:3]})).split())
    assert "not an accepted medical diagnosis" in early.lower()


def test_science_page_states_what_is_not_known() -> None:
    science = PACK.language("en").page("what-the-science-says")
    text = page_text(science).lower()
    assert "not an accepted" in text or "not a accepted" in text or "no proven test" in text
    assert "2020" in text and "san diego" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_pages_hold_no_markup_and_every_image_has_alt_text(page: Page) -> None:
    text = page_text(page)
    assert not re.search(r"<[a-zA-Z/][^>]*>", text), "raw HTML in page text"
    assert "**" not in text and "](" not in text, "Markdown in page text"
    for block in page.blocks:
        if isinstance(block, ImageBlock):
            assert len(block.image.alt) > 20


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_pages_make_no_cure_or_product_claims(page: Page) -> None:
    text = page_text(page).lower()
    for claim in ("cures", "will heal", "will cure", "guaranteed", "miracle", "buy "):
        assert claim not in text, f"{page.id} says {claim!r}"


def test_copy_check_finds_a_copied_run_and_allows_credits() -> None:
    """The checker .ci/run applies to the real handouts (tests/copy_check.py)."""
    source = (
        "Researchers at the University of California San Diego School of Medicine grew tiny "
        "guts in a dish and watched the lining open under stress."
    )
    pages = {
        "copied": "They grew tiny guts in a dish and watched the lining open under stress.",
        "credited": "A team at the University of California San Diego School of Medicine did it.",
        "own words": "Scientists grew small models of the gut in the lab.",
    }
    found = list(copied_runs(pages, [source]))
    assert {page for page, _ in found} == {"copied"}
    assert ("copied", "grew tiny guts in a dish and watched") in found
