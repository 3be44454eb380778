"""Warnings beyond validity: reading level, page reviews, accessible timings, alt text,
list items that look like bullets merged into one, untranslated text.

Everything here runs offline. ``kiosk lint`` prints the findings; validity errors come first
from validation itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from kiosk.core.colors import contrast
from kiosk.core.content.model import ImageBlock, Language, Page
from kiosk.core.content.problems import Problem
from kiosk.core.content.readability import measures, page_text, strings_text, whole_checklist_text
from kiosk.core.content.safe_yaml import FieldPath, load_yaml
from kiosk.core.sources import Loaded


@dataclass(frozen=True)
class Finding:
    severity: str  # "warning" or "info"
    problem: Problem

    def __str__(self) -> str:
        text = str(self.problem)
        where, _, rest = text.partition(": ")
        return f"{where}: {self.severity}: {rest}"


def _page_path(loaded: Loaded, language: Language, page: Page) -> Problem:
    root = language.page_root(page.id, loaded.pack.root)
    path = root / language.code / "pages" / f"{page.id}.yaml"
    return Problem(path, 0, 0, "", "")


def _reading(code: str, text: str, where: Path, prose: bool = True) -> Finding:
    found = measures(code, text)
    message = ", ".join(str(measure) for measure in found)
    ok = all(measure.ok for measure in found)
    if not prose:
        # Buttons and titles are not sentences: the formulas are a rough guide here.
        return Finding("info", Problem(where, 1, 1, "reading level", message + " (labels)"))
    if not ok:
        message += "; use shorter sentences and everyday words"
    return Finding("info" if ok else "warning", Problem(where, 1, 1, "reading level", message))


def _readability(loaded: Loaded) -> Iterator[Finding]:
    """Every patient-visible text: each page (tile and key points too), the checklist with its
    summary, and the interface strings."""
    for language in loaded.pack.languages.values():
        folder = loaded.pack.root / language.code
        for page in language.pages:
            yield _reading(language.code, page_text(page), _page_path(loaded, language, page).file)
        yield _reading(
            language.code, whole_checklist_text(language.checklist), folder / "checklist.yaml"
        )
        yield _reading(
            language.code, strings_text(language.strings), folder / "strings.yaml", prose=False
        )


def _alt_text(loaded: Loaded) -> Iterator[Finding]:
    for language in loaded.pack.languages.values():
        for page in language.pages:
            for index, block in enumerate(page.blocks):
                if isinstance(block, ImageBlock) and not block.image.alt.strip():
                    doc = load_yaml(_page_path(loaded, language, page).file)
                    message = "image has no alt text; describe it for people who cannot see it"
                    yield Finding("warning", doc.problem(("blocks", index, "image"), message))


MERGED = (
    "this list item has ' - ' in it: if it was meant as more than one, put each on a line of "
    "its own, starting '- ' in the same column as the item above (a '- ' indented further "
    "joins the item above)"
)


def _merged_items(at: FieldPath, data: Any) -> Iterator[FieldPath]:
    """The text items of lists in ``data`` that hold " - ", as indenting a bullet too far
    makes YAML join it to the one before ("Sleep well. - Eat plants.")."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _merged_items((*at, key), value)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, str) and " - " in item:
                yield (*at, index)
            else:
                yield from _merged_items((*at, index), item)


def _merged_bullets(loaded: Loaded) -> Iterator[Finding]:
    for language in loaded.pack.languages.values():
        paths = [_page_path(loaded, language, page).file for page in language.pages]
        paths.append(loaded.pack.root / language.code / "checklist.yaml")
        for path in paths:
            doc = load_yaml(path)
            for at in _merged_items((), doc.data):
                yield Finding("warning", doc.problem(at, MERGED))


def _untranslated(loaded: Loaded) -> Iterator[Finding]:
    default = loaded.pack.language()
    for language in loaded.pack.languages.values():
        if language.code == default.code:
            continue
        for ours, theirs in zip(language.pages, default.pages, strict=True):
            if page_text(ours) == page_text(theirs):
                where = _page_path(loaded, language, ours).file
                message = f"same text as the {default.code!r} page: not translated?"
                yield Finding("warning", Problem(where, 1, 1, "", message))
        same = [
            key
            for key, value in language.strings.model_dump().items()
            if value == getattr(default.strings, key) and key != "language_name"
        ]
        if same:
            where = loaded.pack.root / language.code / "strings.yaml"
            message = f"same words as {default.code!r} (not translated?): {', '.join(same)}"
            yield Finding("warning", Problem(where, 1, 1, "", message))


def _months_between(earlier: datetime.date, later: datetime.date) -> int:
    return (
        (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)
    )


def _reviews(loaded: Loaded, months: int, today: datetime.date) -> Iterator[Finding]:
    """Every page names who checked it against its sources, and not too long ago."""
    for language in loaded.pack.languages.values():
        for page in language.pages:
            where = _page_path(loaded, language, page).file
            review = page.review
            if review is None:
                message = "no review: add review.by and review.date once a clinician has checked it"
                yield Finding("warning", Problem(where, 1, 1, "review", message))
                continue
            age = _months_between(review.date, today)
            if age > months:
                doc = load_yaml(where)
                message = (
                    f"last checked {review.date.isoformat()}, {age} months ago (limit {months}); "
                    "check it against its sources again and update review.date"
                )
                yield Finding("warning", doc.problem(("review", "date"), message))
            elif review.date > today:
                doc = load_yaml(where)
                message = f"review date {review.date.isoformat()} is in the future"
                yield Finding("warning", doc.problem(("review", "date"), message))


def _colours(loaded: Loaded) -> Iterator[Finding]:
    theme = loaded.settings.theme
    for fore, back in (("text", "background"), ("on_primary", "primary"), ("primary", "surface")):
        ratio = contrast(getattr(theme, fore), getattr(theme, back))
        message = f"{fore} on {back}: contrast {ratio:.1f}:1"
        yield Finding("info", Problem(loaded.settings_file, 0, 0, "theme", message))


def lint(
    loaded: Loaded, *, review_months: int = 12, today: datetime.date | None = None
) -> list[Finding]:
    """Every finding for valid content: warnings to fix and facts (info) worth seeing.
    A page whose review is older than ``review_months`` (on ``today``) gets a warning."""
    findings = [Finding("warning", warning) for warning in loaded.warnings]
    reviews = partial(_reviews, months=review_months, today=today or datetime.date.today())
    checks: tuple[Callable[[Loaded], Iterator[Finding]], ...] = (
        _readability, reviews, _alt_text, _merged_bullets, _untranslated, _colours,
    )  # fmt: skip
    for check in checks:
        findings.extend(check(loaded))
    return findings
