"""Warnings beyond validity: reading level, accessible timings, alt text, untranslated text.

Everything here runs offline. ``kiosk lint`` prints the findings; validity errors come first
from validation itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.colors import contrast
from kiosk.content.model import ImageBlock, Language, Page
from kiosk.content.problems import Problem
from kiosk.content.readability import (
    MAX_GRADE,
    fernandez_huerta,
    flesch_kincaid_grade,
    page_text,
)
from kiosk.content.safe_yaml import load_yaml
from kiosk.sources import Loaded

# Fernández-Huerta reading ease for Spanish: 70+ is "fairly easy", about U.S. grade 7-8.
MIN_SPANISH_EASE = 70.0


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


def reading_level(language: str, page: Page) -> tuple[str, float, bool]:
    """(measure name, score, passes) for ``page`` in ``language``."""
    text = page_text(page)
    if language.startswith("es"):
        score = fernandez_huerta(text)
        return "Fernández-Huerta ease", score, score >= MIN_SPANISH_EASE
    grade = flesch_kincaid_grade(text)
    return "Flesch-Kincaid grade", grade, grade <= MAX_GRADE


def _readability(loaded: Loaded) -> Iterator[Finding]:
    for language in loaded.pack.languages.values():
        for page in language.pages:
            where = _page_path(loaded, language, page)
            measure, score, ok = reading_level(language.code, page)
            goal = f"<= {MAX_GRADE:g}" if "grade" in measure else f">= {MIN_SPANISH_EASE:g}"
            message = f"{measure} {score:.1f} (goal {goal})"
            severity = "info" if ok else "warning"
            if not ok:
                message += "; use shorter sentences and everyday words"
            yield Finding(severity, Problem(where.file, 1, 1, "reading level", message))


def _alt_text(loaded: Loaded) -> Iterator[Finding]:
    for language in loaded.pack.languages.values():
        for page in language.pages:
            for index, block in enumerate(page.blocks):
                if isinstance(block, ImageBlock) and not block.image.alt.strip():
                    doc = load_yaml(_page_path(loaded, language, page).file)
                    message = "image has no alt text; describe it for people who cannot see it"
                    yield Finding("warning", doc.problem(("blocks", index, "image"), message))


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


def _colours(loaded: Loaded) -> Iterator[Finding]:
    theme = loaded.settings.theme
    for fore, back in (("text", "background"), ("on_primary", "primary"), ("primary", "surface")):
        ratio = contrast(getattr(theme, fore), getattr(theme, back))
        message = f"{fore} on {back}: contrast {ratio:.1f}:1"
        yield Finding("info", Problem(loaded.settings_file, 0, 0, "theme", message))


def lint(loaded: Loaded) -> list[Finding]:
    """Every finding for valid content: warnings to fix and facts (info) worth seeing."""
    findings = [Finding("warning", warning) for warning in loaded.warnings]
    for check in (_readability, _alt_text, _untranslated, _colours):
        findings.extend(check(loaded))
    return findings
