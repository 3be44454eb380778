"""Read a content pack folder into a ContentPack, collecting every problem before giving up.

Layout::

    pack.yaml                  languages and topic order
    <lang>/strings.yaml        interface words
    <lang>/checklist.yaml      the symptom checklist and its summary
    <lang>/pages/<topic>.yaml  one file per topic page
    images/...                 pictures referenced by pages
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from kiosk.core.content.images import image_problem
from kiosk.core.content.model import (
    MAX_PAGE_CHARACTERS,
    MAX_TOPICS,
    Checklist,
    ContentPack,
    ImageBlock,
    Language,
    Manifest,
    Page,
    Strings,
)
from kiosk.core.content.problems import ContentError, Problem
from kiosk.core.content.readability import page_text
from kiosk.core.content.safe_yaml import YamlDocument, load_yaml
from kiosk.core.content.validation import validate

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M]) -> tuple[YamlDocument, M]:
    """Load one file and check it against ``model``; raise ContentError naming every problem."""
    doc = load_yaml(path)
    return doc, validate(doc, model)


MAX_PACK_PICTURE_BYTES = 40_000_000  # read once and kept, so a lost file still shows


class _Collector:
    """Loads files one by one and keeps every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.files: list[Path] = []
        self.picture_bytes: dict[Path, int] = {}  # every distinct picture, for the budget

    def load(self, path: Path, model: type[M]) -> tuple[YamlDocument | None, M | None]:
        self.files.append(path)
        try:
            return load_model(path, model)
        except ContentError as error:
            self.problems.extend(error.problems)
            return None, None


def _check_images(root: Path, doc: YamlDocument, page: Page, collector: _Collector) -> None:
    if page.picture:
        _check_picture(root, doc, ("picture",), page.picture, collector)
    for index, block in enumerate(page.blocks):
        if isinstance(block, ImageBlock):
            at = ("blocks", index, "image", "src")
            _check_picture(root, doc, at, block.image.src, collector)


def _check_picture(
    root: Path, doc: YamlDocument, at: tuple[str | int, ...], src: str, collector: _Collector
) -> None:
    """``src`` (a path inside ``root``) is a picture patients can be shown."""
    target = (root / src).resolve()
    problem: str | None
    if not target.is_relative_to(root.resolve()):
        problem = "image paths must stay inside the content folder"
    elif not os.path.isfile(target):  # never raises, even for a folder it may not enter
        problem = f"no image file at {src!r}"
    elif (found := image_problem(target)) is not None:
        problem = f"{src}: {found}"
    else:
        problem = _over_picture_budget(target, collector.picture_bytes)
        collector.files.append(target)
    if problem:
        collector.problems.append(doc.problem(at, problem))


def _over_picture_budget(target: Path, seen: dict[Path, int]) -> str | None:
    """The kiosk keeps every picture of the pack at hand; they share one budget."""
    if target in seen:
        return None
    was = sum(seen.values())
    seen[target] = os.path.getsize(target)
    if was <= MAX_PACK_PICTURE_BYTES < was + seen[target]:  # said once, where it tips over
        return (
            "with this one the pack's pictures add up to more than "
            f"{MAX_PACK_PICTURE_BYTES:,} bytes, the limit; make them smaller "
            "(a 1600-pixel-wide JPEG is usually under 500,000 bytes)"
        )
    return None


def _check_length(doc: YamlDocument, page: Page) -> list[Problem]:
    length = len(page_text(page))
    if length <= MAX_PAGE_CHARACTERS:
        return []
    message = (
        f"this page has {length:,} characters of text; a page holds at most "
        f"{MAX_PAGE_CHARACTERS:,} (about 2,500 words): split it into two topics"
    )
    return [doc.problem(("blocks",), message)]


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


def _check_translation(
    doc: YamlDocument, checklist: Checklist, reference: Checklist | None
) -> list[Problem]:
    """Every language's checklist must ask about the same items as the default language's."""
    if reference is None:
        return []
    ours = [item.id for item in checklist.items()]
    theirs = [item.id for item in reference.items()]
    missing = [item for item in theirs if item not in ours]
    extra = [item for item in ours if item not in theirs]
    problems = []
    if missing:
        problems.append(doc.problem(("groups",), f"items not translated: {', '.join(missing)}"))
    if extra:
        problems.append(
            doc.problem(("groups",), f"items not in the default language: {', '.join(extra)}")
        )
    return problems


def _page_file(root: Path, overlay: Path | None, code: str, topic: str) -> tuple[Path, Path]:
    """The file for ``topic`` and the folder its images are relative to; the overlay wins."""
    if overlay is not None:
        replaced = overlay / code / "pages" / f"{topic}.yaml"
        if os.path.isfile(replaced):
            return replaced, overlay
    return root / code / "pages" / f"{topic}.yaml", root


def _missing(path: Path) -> bool:
    """True when nothing is at ``path``; what is there but unreadable is read and reported."""
    try:
        path.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _load_language(
    root: Path,
    code: str,
    manifest: Manifest,
    collector: _Collector,
    *,
    overlay: Path | None,
    reference: Checklist | None,
) -> Language | None:
    folder = root / code
    strings_doc, strings = collector.load(folder / "strings.yaml", Strings)
    if strings_doc and strings:
        collector.problems.extend(_check_strings(strings_doc, strings))
    checklist_doc, checklist = collector.load(folder / "checklist.yaml", Checklist)
    if checklist_doc and checklist:
        collector.problems.extend(_check_checklist(checklist_doc, checklist))
        collector.problems.extend(_check_translation(checklist_doc, checklist, reference))
        if checklist.picture:
            _check_picture(root, checklist_doc, ("picture",), checklist.picture, collector)
    pages = []
    roots = {}
    for topic in manifest.topics:
        path, page_root = _page_file(root, overlay, code, topic)
        if _missing(path):
            message = f"page for topic {topic!r} is missing (not translated?)"
            collector.problems.append(Problem(path, 0, 0, "", message))
            continue
        doc, page = collector.load(path, Page)
        if doc is None or page is None:
            continue
        if page.id != topic:
            collector.problems.append(doc.problem(("id",), f"must be {topic!r}, the file's name"))
        _check_images(page_root, doc, page, collector)
        collector.problems.extend(_check_length(doc, page))
        pages.append(page)
        roots[page.id] = page_root
    if strings is None or checklist is None or len(pages) != len(manifest.topics):
        return None
    return Language(
        code=code, strings=strings, pages=tuple(pages), checklist=checklist, page_roots=roots
    )


# Language codes people write for the two-letter ones (ISO 639-1) the pack's folders use.
LIKELY_MEANT = {"sp": "es", "spa": "es", "esp": "es", "eng": "en", "us": "en", "uk": "en"}


def _language_folder(
    root: Path,
    code: str,
    *,
    overlay: Path | None,
    doc: YamlDocument,
    manifest: Manifest,
    collector: _Collector,
) -> bool:
    """Whether ``code`` has its folder; if not, one problem at pack.yaml's line, not one for
    every file the folder would hold."""
    if any((folder / code).is_dir() for folder in (root, overlay) if folder is not None):
        return True
    folders = sorted(path.name for path in root.iterdir() if (path / "strings.yaml").is_file())
    meant = LIKELY_MEANT.get(code.lower())
    hint = difflib.get_close_matches(code, folders, n=1, cutoff=0.5)
    guess = meant if meant in folders else (hint[0] if hint else meant)
    message = f"unknown language {code!r}: no folder {code}/ here"
    message += f"; did you mean {guess!r}?" if guess else ""
    message += f" (the language folders are: {', '.join(folders)})" if folders else ""
    collector.problems.append(doc.problem(("languages", manifest.languages.index(code)), message))
    return False


def load_pack(root: Path, overlay: Path | None = None) -> ContentPack:
    """Load and check the pack in ``root`` (pages in ``overlay`` replace bundled ones).

    Raises ContentError listing every problem found in every file.
    """
    collector = _Collector()
    manifest_doc, manifest = collector.load(root / "pack.yaml", Manifest)
    if manifest_doc is None or manifest is None:
        raise ContentError(collector.problems)
    if manifest.default_language not in manifest.languages:
        collector.problems.append(
            manifest_doc.problem(("default_language",), "must be one of the listed languages")
        )
    if manifest.picture:
        _check_picture(root, manifest_doc, ("picture",), manifest.picture, collector)
    seen: set[str] = set()
    for index, topic in enumerate(manifest.topics):
        if topic in seen:
            collector.problems.append(manifest_doc.problem(("topics", index), "topic listed twice"))
        seen.add(topic)
    languages: dict[str, Language] = {}
    order = sorted(manifest.languages, key=lambda code: code != manifest.default_language)
    for code in order:
        found = _language_folder(
            root, code, overlay=overlay, doc=manifest_doc, manifest=manifest, collector=collector
        )
        if not found:
            continue
        default = languages.get(manifest.default_language)
        reference = default.checklist if default and code != default.code else None
        language = _load_language(
            root, code, manifest, collector, overlay=overlay, reference=reference
        )
        if language is not None:
            languages[code] = language
    if len(manifest.topics) > MAX_TOPICS:
        listed = len(manifest.topics)
        message = f"at most {MAX_TOPICS} topics fit the home screen; this pack lists {listed}"
        collector.problems.append(manifest_doc.problem(("topics", MAX_TOPICS), message))
    if collector.problems:
        raise ContentError(collector.problems)
    return ContentPack(
        root=root,
        default_language=manifest.default_language,
        languages={code: languages[code] for code in manifest.languages},
        files=tuple(collector.files),
        picture=root / manifest.picture if manifest.picture else None,
    )
