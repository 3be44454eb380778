"""Reading-level measures for pages, offline: Flesch-Kincaid grade (English) and
Fernández-Huerta reading ease (Spanish), with syllables from kiosk.content.syllables."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kiosk.content import syllables
from kiosk.content.model import (
    BulletsBlock,
    CalloutBlock,
    HeadingBlock,
    ImageBlock,
    Page,
    ParagraphBlock,
    SourceBlock,
)

MAX_GRADE = 8.0  # NIH / MedlinePlus easy-to-read ceiling; aim for 6-7


def _sentence(text: str) -> str:
    """Headings and list items count as sentences of their own."""
    text = text.strip()
    return text if re.search(r"[.!?:]$", text) else text + "."


def _texts(page: Page) -> Iterator[str]:
    yield page.title
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
            case ImageBlock(image=image):
                yield from (image.alt, image.caption)


def page_text(page: Page) -> str:
    """Everything a patient reads on ``page`` as running text."""
    return " ".join(_sentence(text) for text in _texts(page) if text.strip())


# A sentence ends at . ! ? or, for a heading or the line before a list, at a colon.
_SENTENCE_END = re.compile(r"[.!?:]+(?=[\s\"'\u201d)]|$)")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d[\d.,]*")


@dataclass(frozen=True)
class TextCounts:
    words: int
    sentences: int
    syllables: int


def counts(text: str, syllables_in: Callable[[str], int]) -> TextCounts:
    """Words, sentences and syllables of ``text``; a number counts as one word of one syllable."""
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text))) if words else 0
    total = sum(1 if word[0].isdigit() else syllables_in(word) for word in words)
    return TextCounts(len(words), sentences, total)


def flesch_kincaid_grade(text: str) -> float:
    """U.S. school grade needed to read ``text`` (English; Kincaid et al. 1975)."""
    c = counts(text, syllables.english)
    if not c.words:
        return 0.0
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def fernandez_huerta(text: str) -> float:
    """Reading ease of Spanish ``text``, 0-100, higher is easier (Fernández Huerta 1959:
    206.84 - 0.60 x syllables per 100 words - 1.02 x sentences per 100 words)."""
    c = counts(text, syllables.spanish)
    if not c.words:
        return 100.0
    return 206.84 - 60.0 * c.syllables / c.words - 102.0 * c.sentences / c.words
