from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.core.content import loader
from kiosk.core.content.loader import load_pack
from kiosk.core.content.model import (
    MAX_PAGE_CHARACTERS,
    MAX_TOPICS,
    CalloutBlock,
    ImageBlock,
    ParagraphBlock,
)
from kiosk.core.content.problems import ContentError
from kiosk.core.content.readability import page_text
from tests.conftest import CONTENT

TOPICS = [
    "what-is-leaky-gut",
    "why-gut-becomes-leaky",
    "when-gut-is-addressed",
    "lifestyle-steps",
    "signs-people-report",
    "what-the-science-says",
]


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_pack(root)
    return [str(problem) for problem in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_bundled_pack_loads_every_topic_in_order() -> None:
    pack = load_pack(CONTENT)
    english = pack.language("en")
    assert [page.id for page in english.pages] == TOPICS
    assert pack.language() is english
    first = english.pages[0]
    assert first.title == "What is leaky gut?"
    assert any(isinstance(block, ImageBlock) for block in first.blocks)


def test_loaded_content_is_immutable() -> None:
    page = load_pack(CONTENT).language().pages[0]
    with pytest.raises(Exception, match="frozen"):
        page.title = "changed"  # type: ignore[misc]


def test_unknown_key_names_file_line_column_and_suggests_the_right_one(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "lifestyle-steps.yaml"
    edit(page, "title:", "titel:")
    line = line_of(page, "titel:")
    assert problems_of(pack_dir) == [
        f"{page}:2:1: title: this field is required but missing",
        f"{page}:{line}:1: titel: unknown key 'titel'; did you mean 'title'?",
    ]


def test_wrong_type_in_a_block_points_at_the_block(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "signs-people-report.yaml"
    text = page.read_text(encoding="utf-8")
    index = text.index("  - paragraph:")
    page.write_text(text[:index] + "  - paragraph: [not, text]\n" + text[index:], encoding="utf-8")
    line = text[:index].count("\n") + 1
    [message] = problems_of(pack_dir)
    assert message.startswith(f"{page}:{line}:5: blocks.")
    assert message.endswith("paragraph: Input should be a valid string")


def test_block_with_unknown_kind_lists_the_kinds(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "what-the-science-says.yaml"
    edit(page, "  - heading:", "  - headline:")
    [message] = problems_of(pack_dir)
    assert f"{page}:" in message
    assert "each block needs exactly one of: heading, paragraph, bullets" in message


def test_every_problem_in_every_file_is_reported_together(pack_dir: Path) -> None:
    edit(pack_dir / "en" / "pages" / "lifestyle-steps.yaml", "tile:", "tiles:")
    edit(pack_dir / "en" / "strings.yaml", "home: Home", "home: [Home]")
    (pack_dir / "en" / "pages" / "what-the-science-says.yaml").unlink()
    found = problems_of(pack_dir)
    assert len(found) == 4, found
    assert any("what-the-science-says.yaml: page for topic" in p for p in found)
    assert any("strings.yaml" in p and ": home: Input should be a valid string" in p for p in found)


def test_image_paths_must_exist_and_stay_inside_the_pack(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "what-is-leaky-gut.yaml"
    edit(page, "src: images/gut-lining-en.svg", "src: ../../../../etc/passwd")
    line = line_of(page, "src:")
    assert problems_of(pack_dir) == [
        f"{page}:{line}:7: blocks.8.image.src: image paths must stay inside the content folder"
    ]
    edit(page, "src: ../../../../etc/passwd", "src: images/missing.png")
    assert problems_of(pack_dir) == [
        f"{page}:{line}:7: blocks.8.image.src: no image file at 'images/missing.png'"
    ]


def test_page_id_must_match_its_file(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "lifestyle-steps.yaml"
    edit(page, "id: lifestyle-steps", "id: lifestyle")
    assert problems_of(pack_dir) == [f"{page}:2:1: id: must be 'lifestyle-steps', the file's name"]


def test_manifest_checks_languages_and_repeated_topics(pack_dir: Path) -> None:
    manifest = pack_dir / "pack.yaml"
    edit(manifest, "default_language: en", "default_language: fr")
    edit(manifest, "  - lifestyle-steps\n", "  - lifestyle-steps\n  - lifestyle-steps\n")
    found = problems_of(pack_dir)
    assert f"{manifest}:3:1: default_language: must be one of the listed languages" in found
    assert any(p.startswith(f"{manifest}:") and "topic listed twice" in p for p in found)


def test_too_many_topics_is_reported_with_every_other_problem(pack_dir: Path) -> None:
    manifest = pack_dir / "pack.yaml"
    extra = [f"extra-{index:02d}" for index in range(MAX_TOPICS + 1 - len(TOPICS))]
    for code in ("en", "es"):
        source = (pack_dir / code / "pages" / "lifestyle-steps.yaml").read_text(encoding="utf-8")
        for topic in extra:
            page = source.replace("id: lifestyle-steps", f"id: {topic}")
            (pack_dir / code / "pages" / f"{topic}.yaml").write_text(page, encoding="utf-8")
    listing = "".join(f"  - {topic}\n" for topic in extra)
    edit(manifest, "  - what-the-science-says\n", f"  - what-the-science-says\n{listing}")
    broken = pack_dir / "en" / "pages" / f"{extra[-1]}.yaml"
    edit(broken, "title: Lifestyle steps", "title: [not, text]")
    found = problems_of(pack_dir)
    cap = line_of(manifest, f"  - {extra[-1]}")
    message = f"at most {MAX_TOPICS} topics fit the home screen; this pack lists {MAX_TOPICS + 1}"
    assert f"{manifest}:{cap}:5: topics.{MAX_TOPICS}: {message}" in found
    assert any(p.startswith(f"{broken}:") and "title" in p for p in found), found
    assert len(found) == 2, found


def test_text_is_kept_as_plain_text_never_interpreted(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "what-is-leaky-gut.yaml"
    edit(
        page,
        "  - paragraph: Some people",
        "  - paragraph: <b>Bold</b> <a href='x'>link</a> Some people",
    )
    block = load_pack(pack_dir).language().pages[0].blocks[0]
    assert isinstance(block, ParagraphBlock)
    assert block.paragraph.startswith("<b>Bold</b> <a href='x'>link</a>")


def test_callout_needs_title_and_text(pack_dir: Path) -> None:
    page = pack_dir / "en" / "pages" / "what-is-leaky-gut.yaml"
    edit(page, "      title: Important\n", "")
    [message] = problems_of(pack_dir)
    assert message.endswith("blocks.1.callout.title: this field is required but missing")
    assert isinstance(load_pack(CONTENT).language().pages[0].blocks[1], CalloutBlock)


def test_a_page_holds_at_most_its_limit_of_text(pack_dir: Path) -> None:
    """Up to MAX_PAGE_CHARACTERS a patient reads loads; one character more is refused where
    the page's blocks start, with what to do."""
    page = pack_dir / "en" / "pages" / "lifestyle-steps.yaml"
    bundled = load_pack(pack_dir).language("en").page("lifestyle-steps")
    room = MAX_PAGE_CHARACTERS - len(page_text(bundled))
    paragraphs = []
    while room > 0:  # each paragraph adds its length and the space before it
        length = min(room - 1, 1400)
        paragraphs.append(("Eat slowly. " * 120)[: length - 1] + ".")
        room -= length + 1
    added = "".join(f"  - paragraph: {text}\n" for text in paragraphs)
    edit(page, "review:\n", f"{added}review:\n")
    at_limit = load_pack(pack_dir).language("en").page("lifestyle-steps")
    assert len(page_text(at_limit)) == MAX_PAGE_CHARACTERS
    edit(page, "  - paragraph: Eat slowly", "  - paragraph: Eat slowly.")
    message = (
        f"blocks: this page has {MAX_PAGE_CHARACTERS + 1:,} characters of text; a page holds "
        f"at most {MAX_PAGE_CHARACTERS:,} (about 2,500 words): split it into two topics"
    )
    assert problems_of(pack_dir) == [f"{page}:{line_of(page, 'blocks:')}:1: {message}"]


def test_the_pictures_of_a_pack_share_one_budget(
    pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every picture is read once and kept (a lost file still shows), so together they have
    a budget; the picture that tips it over is named, once, though both languages use it."""
    first = pack_dir / "images" / "welcome.svg"  # the pack's picture, checked first
    monkeypatch.setattr(loader, "MAX_PACK_PICTURE_BYTES", first.stat().st_size)
    checklist = pack_dir / "en" / "checklist.yaml"  # its picture is the next one read
    line = line_of(checklist, "picture: images/checklist.svg")
    assert problems_of(pack_dir) == [
        f"{checklist}:{line}:1: picture: with this one the pack's pictures add up to "
        f"more than {first.stat().st_size:,} bytes, the limit; make them smaller (a 1600-pixel-"
        "wide JPEG is usually under 500,000 bytes)"
    ]
    monkeypatch.setattr(loader, "MAX_PACK_PICTURE_BYTES", 40_000_000)
    assert load_pack(pack_dir).files
