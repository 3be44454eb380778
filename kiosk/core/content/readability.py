"""Reading-level measures for patient text, offline: Flesch-Kincaid and SMOG grades (English),
Fernández-Huerta ease and INFLESZ (Spanish), with syllables from kiosk.core.content.syllables."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kiosk.core.content import syllables
from kiosk.core.content.model import (
    BulletsBlock,
    CalloutBlock,
    Checklist,
    HeadingBlock,
    ImageBlock,
    Page,
    ParagraphBlock,
    SourceBlock,
    Strings,
    WarningBlock,
)
from kiosk.core.content.placeholders import fill

# Goals for patient text (NIH / MedlinePlus easy-to-read: grade 6-7, never above 8).
FK_GOAL = 6.0  # Flesch-Kincaid grade, at most
SMOG_GOAL = 8.0  # SMOG grade, at most
FH_GOAL = 75.0  # Fernández-Huerta ease, at least ("fairly easy")
INFLESZ_GOAL = 55.0  # INFLESZ, at least ("normal")


@dataclass(frozen=True)
class Measure:
    name: str
    score: float
    goal: float
    higher_is_easier: bool

    @property
    def ok(self) -> bool:
        return self.score >= self.goal if self.higher_is_easier else self.score <= self.goal

    def __str__(self) -> str:
        sign = ">=" if self.higher_is_easier else "<="
        return f"{self.name} {self.score:.1f} (goal {sign} {self.goal:g})"


def measures(language: str, text: str) -> list[Measure]:
    """The reading measures for ``text``: two for English, two for Spanish."""
    if language.startswith("es"):
        return [
            Measure("Fernández-Huerta ease", fernandez_huerta(text), FH_GOAL, True),
            Measure("INFLESZ", inflesz(text), INFLESZ_GOAL, True),
        ]
    return [
        Measure("Flesch-Kincaid grade", flesch_kincaid_grade(text), FK_GOAL, False),
        Measure("SMOG grade", smog_grade(text), SMOG_GOAL, False),
    ]


def _sentence(text: str) -> str:
    """Headings and list items count as sentences of their own."""
    text = text.strip()
    return text if re.search(r"[.!?:]$", text) else text + "."


def _texts(page: Page) -> Iterator[str]:
    yield from (page.title, page.tile, *page.key_points)
    for block in page.blocks:
        match block:
            case HeadingBlock(heading=text) | ParagraphBlock(paragraph=text):
                yield text
            case SourceBlock(source=text):
                yield text
            case BulletsBlock(bullets=items):
                yield from items
            case CalloutBlock(callout=callout):
                yield from (callout.title, callout.text)
            case WarningBlock(warning=warning):
                yield from warning.texts()
            case ImageBlock(image=image):
                yield from (image.alt, image.caption)


# Blanks are measured as a patient reads them, filled with typical values.
_TYPICAL = {
    "emergency_number": "911",
    "crisis_line": "988",
    "clinic_phone": "555-0100",
    "clear_time": "after 2 minutes",
    "seconds": "30",
    "minutes": "2",
    "reviewer": "the care team",
    "date": "May 1, 2026",
}


def _running(texts: Iterable[str]) -> str:
    return " ".join(_sentence(fill(text, _TYPICAL)) for text in texts if text.strip())


def page_text(page: Page) -> str:
    """Everything a patient reads of ``page`` (its tile and key points too) as running text."""
    return _running(_texts(page))


def whole_checklist_text(checklist: Checklist) -> str:
    """The checklist screen and its summary (warning signs and safety lines too) as running
    text."""
    summary = checklist.summary
    texts = [checklist.title, checklist.intro, checklist.privacy, checklist.not_a_test]
    texts += checklist.warning.texts()
    for group in checklist.groups:
        texts.append(group.heading)
        texts.extend(text for item in group.items for text in (item.label, item.hint, item.safety))
    texts += [summary.title, summary.intro, summary.nothing_ticked, summary.care_team]
    return _running([*texts, summary.cannot_tell])


def strings_text(strings: Strings) -> str:
    """Every interface word (buttons, titles, messages) as running text."""
    values = strings.model_dump(exclude={"language_name"}).values()
    return _running(values)


# A sentence ends at . ! ? or, for a heading or the line before a list, at a colon.
_SENTENCE_END = re.compile(r"[.!?:]+(?=[\s\"'\u201d)]|$)")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d[\d.,]*")


@dataclass(frozen=True)
class TextCounts:
    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three syllables or more


def counts(text: str, syllables_in: Callable[[str], int]) -> TextCounts:
    """Words, sentences and syllables of ``text``; a number counts as one word of one syllable."""
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text))) if words else 0
    each = [1 if word[0].isdigit() else syllables_in(word) for word in words]
    return TextCounts(len(words), sentences, sum(each), sum(count >= 3 for count in each))


def flesch_kincaid_grade(text: str) -> float:
    """U.S. school grade needed to read ``text`` (English; Kincaid et al. 1975)."""
    c = counts(text, syllables.english)
    if not c.words:
        return 0.0
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def smog_grade(text: str) -> float:
    """U.S. school grade from words of three or more syllables (McLaughlin 1969, the formula
    for any number of sentences); favoured for health materials."""
    c = counts(text, syllables.english)
    if not c.words:
        return 0.0
    return 1.0430 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291


def fernandez_huerta(text: str) -> float:
    """Reading ease of Spanish ``text``, 0-100, higher is easier: Fernández Huerta's (1959)
    Spanish Flesch, 206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence, with
    sentence length read as Flesch's (as Law 2011 showed the published form must be)."""
    c = counts(text, syllables.spanish)
    if not c.words:
        return 100.0
    return 206.84 - 60.0 * c.syllables / c.words - 1.02 * c.words / c.sentences


def inflesz(text: str) -> float:
    """Szigriszt-Pazos perspicuity of Spanish ``text``, read on the INFLESZ scale (Barrio-Cantalejo
    et al. 2008): under 40 very hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly easy."""
    c = counts(text, syllables.spanish)
    if not c.words:
        return 100.0
    return 206.835 - 62.3 * c.syllables / c.words - c.words / c.sentences
