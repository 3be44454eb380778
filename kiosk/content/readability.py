"""Reading-level measures for pages, offline (textstat 0.7.4 counts syllables with pyphen)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import textstat

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


def flesch_kincaid_grade(text: str) -> float:
    """U.S. school grade needed to read ``text`` (English)."""
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))
