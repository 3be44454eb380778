"""The bundled pages meet the reading-level and honesty standards in DESIGN.md."""

from __future__ import annotations

import re

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.model import ContentPack, ImageBlock, Page
from kiosk.content.readability import MAX_GRADE, flesch_kincaid_grade, page_text
from tests.conftest import CONTENT
from tests.copy_check import copied_runs

PACK: ContentPack = load_pack(CONTENT)
PAGES = PACK.language("en").pages


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_every_page_reads_at_grade_eight_or_below(page: Page) -> None:
    grade = flesch_kincaid_grade(page_text(page))
    assert grade <= MAX_GRADE, f"{page.id} reads at grade {grade}"


def test_grade_measure_tells_hard_text_from_easy() -> None:
    easy = "Your gut is a tube. Food moves through it. Drink water."
    hard = (
        "Intestinal permeability characterizes paracellular transport modulated by "
        "intercellular junctional complexes, particularly under inflammatory conditions."
    )
    assert flesch_kincaid_grade(easy) < 3 < MAX_GRADE < flesch_kincaid_grade(hard)


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
