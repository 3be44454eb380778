"""What a patient can take home: QR code text and handout content. Qt-free.

A QR code carries either the clinic's web address for a topic or the page's key points as
plain text, so it works with no network; the checklist's QR carries only the ticked items, so
they go to the patient's own phone and nowhere else. Nothing here is ever stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.core.config import Settings
from kiosk.core.content.model import (
    BulletsBlock,
    CalloutBlock,
    Checklist,
    HeadingBlock,
    ImageBlock,
    Language,
    Page,
    ParagraphBlock,
    SourceBlock,
    WarningBlock,
    WarningSigns,
)
from kiosk.core.content.placeholders import fill


def qr_matrix(text: str) -> list[list[bool]]:
    """Dark/light modules of a QR code for ``text``, with the standard 4-module quiet zone.
    Raises segno.DataOverflowError when ``text`` is more than a QR code holds (see fitted)."""
    import segno  # noqa: PLC0415 - loaded on first use: most visits never need a QR code

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]


def fits_a_qr_code(text: str) -> bool:
    import segno  # noqa: PLC0415

    try:
        segno.make(text, error="m", micro=False)
    except segno.DataOverflowError:
        return False
    return True


MORE = "..."


def fitted(lines: list[str], listed: slice) -> str:
    """``lines`` as one text a QR code holds: while too long, the last of the ``listed``
    lines (ticked items, key points) gives way to "..."; if even the rest is too long, the
    first line and "..." (the patient always gets a code, never nothing)."""
    before, items, after = lines[: listed.start], lines[listed], lines[listed.stop :]
    for keep in range(len(items), -1, -1):
        shown = items[:keep] + ([MORE] if keep < len(items) else [])
        text = "\n".join([*before, *shown, *after])
        if fits_a_qr_code(text):
            return text
    return "\n".join([*lines[:1], MORE])


def warning_lines(
    warning: WarningSigns, numbers: Mapping[str, str], bullet: str = "-"
) -> list[str]:
    """The warning signs as plain lines, each tier's heading and action then its signs."""
    lines = [warning.title]
    for tier in (warning.now, warning.soon):
        lines.append(f"{tier.heading}. {fill(tier.action, numbers)}")
        lines.extend(f"{bullet} {fill(sign, numbers)}" for sign in tier.signs)
    if numbers.get("clinic_phone") and warning.clinic_line:
        lines.append(fill(warning.clinic_line, numbers))
    return lines


def topic_text(page: Page, clinic: str, numbers: Mapping[str, str], url: str = "") -> str:
    """A topic's QR content: the clinic's page for it, else its key points (and its warning
    signs, if it has any) as plain text."""
    if url:
        return url
    points = [f"- {point}" for point in page.key_points]
    warnings = [line for warning in page.warnings() for line in warning_lines(warning, numbers)]
    return fitted([page.title, *points, *warnings, clinic], slice(1, 1 + len(points)))


def checklist_text(checklist: Checklist, ticked: set[str], numbers: Mapping[str, str]) -> str:
    """The summary's QR content: only what was ticked, and the same message whatever it was,
    with the line the printed handout carries too (the list cannot tell anyone's condition)
    and the warning signs."""
    summary = checklist.summary
    chosen = [f"- {item.label}" for item in checklist.items() if item.id in ticked]
    lines = [summary.title, *chosen, summary.care_team, summary.cannot_tell]
    return fitted([*lines, *warning_lines(checklist.warning, numbers)], slice(1, 1 + len(chosen)))


@dataclass(frozen=True)
class Handout:
    """Printable content: headings and plain paragraphs, in reading order."""

    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs or bullets)
    footer: str


def page_handout(
    page: Page, clinic: str, contact: str, numbers: Mapping[str, str], reviewed: str = ""
) -> Handout:
    """A topic page as a handout: its key points first, then its sections, then who checked it."""
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
            case WarningBlock(warning=warning):
                if lines:
                    sections.append((heading, tuple(lines)))
                title, *rest = warning_lines(warning, numbers, bullet="•")
                sections.append((title, tuple(rest)))
                heading, lines = "", []
            case ImageBlock():
                pass  # pictures stay on the screen; the words carry the meaning
    if lines:
        sections.append((heading, tuple(lines)))
    if reviewed:
        sections.append(("", (reviewed,)))
    return Handout(page.title, tuple(sections), " · ".join(filter(None, (clinic, contact))))


def take_home_for(
    page: Page | None, language: Language, settings: Settings, ticked: set[str], reviewed: str
) -> tuple[str, Handout | None]:
    """The QR text for what the patient is looking at (``page``, else the symptom list), and
    the handout to print, if any. A topic page prints; the symptom list never does: a shared
    printer is not the patient's own, and the checklist promises that answers go nowhere."""
    clinic = settings.clinic
    numbers = settings.safety.numbers()
    if page is None:
        return checklist_text(language.checklist, ticked, numbers), None
    contact = clinic.contact_in(language.code, settings.languages.default)
    text = topic_text(page, clinic.name, numbers, settings.take_home.urls.get(page.id, ""))
    return text, page_handout(page, clinic.name, contact, numbers, reviewed)
