"""Read a content pack folder into a ContentPack, collecting every problem before giving up.

Layout::

    pack.yaml                  languages and topic order
    <lang>/strings.yaml        interface words
    <lang>/checklist.yaml      the symptom checklist and its summary
    <lang>/pages/<topic>.yaml  one file per topic page
    images/...                 pictures referenced by pages
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from kiosk.content.model import (
    Checklist,
    ContentPack,
    ImageBlock,
    Language,
    Manifest,
    Page,
    Strings,
)
from kiosk.content.problems import ContentError, Problem
from kiosk.content.safe_yaml import YamlDocument, load_yaml
from kiosk.content.validation import validate

M = TypeVar("M", bound=BaseModel)


class _Collector:
    """Loads files one by one and keeps every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def load(self, path: Path, model: type[M]) -> tuple[YamlDocument | None, M | None]:
        try:
            doc = load_yaml(path)
            return doc, validate(doc, model)
        except ContentError as error:
            self.problems.extend(error.problems)
            return None, None


def _check_images(root: Path, doc: YamlDocument, page: Page) -> list[Problem]:
    problems = []
    base = root.resolve()
    for index, block in enumerate(page.blocks):
        if not isinstance(block, ImageBlock):
            continue
        at = ("blocks", index, "image", "src")
        target = (root / block.image.src).resolve()
        if not target.is_relative_to(base):
            problems.append(doc.problem(at, "image paths must stay inside the content folder"))
        elif not target.is_file():
            problems.append(doc.problem(at, f"no image file at {block.image.src!r}"))
    return problems


def _check_checklist(doc: YamlDocument, checklist: Checklist) -> list[Problem]:
    problems = []
    groups: set[str] = set()
    items: set[str] = set()
    for g, group in enumerate(checklist.groups):
        if group.id in groups:
            at: tuple[str | int, ...] = ("groups", g, "id")
            problems.append(doc.problem(at, f"group id {group.id!r} is used twice"))
        groups.add(group.id)
        for i, item in enumerate(group.items):
            if item.id in items:
                where = ("groups", g, "items", i, "id")
                problems.append(doc.problem(where, f"item id {item.id!r} is used twice"))
            items.add(item.id)
    return problems


def _check_strings(doc: YamlDocument, strings: Strings) -> list[Problem]:
    if "{seconds}" in strings.still_there_text:
        return []
    return [doc.problem(("still_there_text",), "must contain {seconds}, the seconds left")]


def _load_language(
    root: Path, code: str, manifest: Manifest, collector: _Collector
) -> Language | None:
    folder = root / code
    strings_doc, strings = collector.load(folder / "strings.yaml", Strings)
    if strings_doc and strings:
        collector.problems.extend(_check_strings(strings_doc, strings))
    checklist_doc, checklist = collector.load(folder / "checklist.yaml", Checklist)
    if checklist_doc and checklist:
        collector.problems.extend(_check_checklist(checklist_doc, checklist))
    pages = []
    for topic in manifest.topics:
        path = folder / "pages" / f"{topic}.yaml"
        if not path.is_file():
            collector.problems.append(
                Problem(path, 0, 0, "", f"page for topic {topic!r} is missing")
            )
            continue
        doc, page = collector.load(path, Page)
        if doc is None or page is None:
            continue
        if page.id != topic:
            collector.problems.append(doc.problem(("id",), f"must be {topic!r}, the file's name"))
        collector.problems.extend(_check_images(root, doc, page))
        pages.append(page)
    if strings is None or checklist is None or len(pages) != len(manifest.topics):
        return None
    return Language(code=code, strings=strings, pages=tuple(pages), checklist=checklist)


def load_pack(root: Path) -> ContentPack:
    """Load and check the pack in ``root``; raise ContentError listing every problem found."""
    collector = _Collector()
    manifest_doc, manifest = collector.load(root / "pack.yaml", Manifest)
    if manifest_doc is None or manifest is None:
        raise ContentError(collector.problems)
    if manifest.default_language not in manifest.languages:
        collector.problems.append(
            manifest_doc.problem(("default_language",), "must be one of the listed languages")
        )
    for index, topic in enumerate(manifest.topics):
        if topic in manifest.topics[:index]:
            collector.problems.append(manifest_doc.problem(("topics", index), "topic listed twice"))
    languages = {}
    for code in manifest.languages:
        language = _load_language(root, code, manifest, collector)
        if language is not None:
            languages[code] = language
    if collector.problems:
        raise ContentError(collector.problems)
    return ContentPack(root=root, default_language=manifest.default_language, languages=languages)
