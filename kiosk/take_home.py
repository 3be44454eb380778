"""What a patient can take home: QR code text and handout content. Qt-free.

A QR code carries either the clinic's web address for a topic or the page's key points as
plain text, so it works with no network; the checklist's QR carries only the ticked items, so
they go to the patient's own phone and nowhere else. Nothing here is ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import (
    BulletsBlock,
    CalloutBlock,
    Checklist,
    HeadingBlock,
    ImageBlock,
    Page,
    ParagraphBlock,
    SourceBlock,
)


def qr_matrix(text: str) -> list[list[bool]]:
    """Dark/light modules of a QR code for ``text``, with the standard 4-module quiet zone."""
    import segno  # noqa: PLC0415 - loaded on first use: most visits never need a QR code

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]


def topic_text(page: Page, clinic: str, url: str = "") -> str:
    """A topic's QR content: the clinic's page for it, else its key points as plain text."""
    if url:
        return url
    points = "\n".join(f"- {point}" for point in page.key_points)
    return f"{page.title}\n{points}\n{clinic}"


def checklist_text(checklist: Checklist, ticked: set[str]) -> str:
    """The summary's QR content: only what was ticked, and the same message whatever it was,
    with the line the printed handout carries too: the list cannot tell anyone's condition."""
    summary = checklist.summary
    chosen = [item.label for item in checklist.items() if item.id in ticked]
    lines = [summary.title, *(f"- {label}" for label in chosen)] if chosen else [summary.title]
    return "\n".join([*lines, summary.care_team, summary.cannot_tell])


@dataclass(frozen=True)
class Handout:
    """Printable content: headings and plain paragraphs, in reading order."""

    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs or bullets)
    footer: str


def page_handout(page: Page, clinic: str, contact: str) -> Handout:
    """A topic page as a handout: its key points first, then its sections."""
    sections: list[tuple[str, tuple[str, ...]]] = [("", tuple(f"• {p}" for p in page.key_points))]
    heading, lines = "", list[str]()
    for block in page.blocks:
        match block:
            case HeadingBlock(heading=text):
                if lines:
                    sections.append((heading, tuple(lines)))
                heading, lines = text, []
            case ParagraphBlock(paragraph=text) | SourceBlock(source=text):
                lines.append(text)
            case BulletsBlock(bullets=items):
                lines.extend(f"• {item}" for item in items)
            case CalloutBlock(callout=callout):
                lines.append(f"{callout.title}: {callout.text}")
            case ImageBlock():
                pass  # pictures stay on the screen; the words carry the meaning
    if lines:
        sections.append((heading, tuple(lines)))
    return Handout(page.title, tuple(sections), " · ".join(filter(None, (clinic, contact))))


def summary_handout(checklist: Checklist, ticked: set[str], clinic: str, contact: str) -> Handout:
    summary = checklist.summary
    chosen = tuple(f"• {item.label}" for item in checklist.items() if item.id in ticked)
    first = (summary.intro, chosen) if chosen else ("", (summary.nothing_ticked,))
    sections = (first, ("", (summary.care_team, summary.cannot_tell)))
    return Handout(summary.title, sections, " · ".join(filter(None, (clinic, contact))))
