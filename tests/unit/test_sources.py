from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.core.content.model import ParagraphBlock
from kiosk.core.content.problems import ContentError
from kiosk.core.sources import load_all, settings_path
from tests.conftest import CONTENT, SETTINGS


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_explicit_config_wins_then_the_system_file_then_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = write(tmp_path / "etc" / "settings.yaml", "clinic: {name: System Clinic}\n")
    monkeypatch.setenv("KIOSK_SETTINGS", str(system))
    assert settings_path() == system
    assert load_all().settings.clinic.name == "System Clinic"
    explicit = write(tmp_path / "mine.yaml", "clinic: {name: Mine}\n")
    assert settings_path(explicit) == explicit
    monkeypatch.setenv("KIOSK_SETTINGS", str(tmp_path / "missing.yaml"))
    assert settings_path() == SETTINGS


def test_content_folder_and_overlay_come_from_the_settings(tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "pack")
    overlay_page = tmp_path / "clinic" / "en" / "pages" / "lifestyle-steps.yaml"
    original = (CONTENT / "en" / "pages" / "lifestyle-steps.yaml").read_text(encoding="utf-8")
    write(overlay_page, original.replace("title: Lifestyle steps", "title: Our clinic's steps"))
    shutil.copytree(CONTENT / "images", tmp_path / "clinic" / "images")
    settings = write(tmp_path / "settings.yaml", "content:\n  folder: pack\n  overlay: clinic\n")
    loaded = load_all(settings)
    assert loaded.content_dir == (tmp_path / "pack").resolve()
    english = loaded.pack.language("en")
    assert english.page("lifestyle-steps").title == "Our clinic's steps"
    assert english.page_root("lifestyle-steps", loaded.pack.root) == (tmp_path / "clinic").resolve()
    assert english.page("what-is-leaky-gut").title == "What is leaky gut?"
    assert overlay_page in loaded.pack.files
    assert overlay_page.parent in loaded.watched_paths()


def test_overlay_images_must_exist_in_the_overlay(tmp_path: Path) -> None:
    page = tmp_path / "clinic" / "en" / "pages" / "lifestyle-steps.yaml"
    write(page, (CONTENT / "en" / "pages" / "lifestyle-steps.yaml").read_text(encoding="utf-8"))
    settings = write(tmp_path / "settings.yaml", "content:\n  overlay: clinic\n")
    with pytest.raises(ContentError) as caught:
        load_all(settings)
    problems = [str(problem) for problem in caught.value.problems]
    assert [problem.split(": ", 2)[1] for problem in problems] == ["picture", "blocks.5.image.src"]
    for problem in problems:  # the page's picture and the picture in its text
        assert problem.startswith(f"{page}:") and "no image file at" in problem


def test_missing_translation_of_a_page_and_checklist_items(tmp_path: Path) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    shutil.copytree(pack / "en", pack / "fr")
    (pack / "fr" / "pages" / "lifestyle-steps.yaml").unlink()
    checklist = pack / "fr" / "checklist.yaml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(
        text.replace("      - id: rosacea", "      - id: rosacea-fr"), encoding="utf-8"
    )
    manifest = pack / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("[en, es]", "[en, es, fr]"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_all(None, pack)
    found = [str(problem) for problem in caught.value.problems]
    assert any("fr/pages/lifestyle-steps.yaml: page for topic" in p for p in found), found
    assert any("items not translated: rosacea" in p for p in found), found
    assert any("items not in the default language: rosacea-fr" in p for p in found), found


def test_settings_language_must_exist_in_the_pack(tmp_path: Path) -> None:
    settings = write(tmp_path / "s.yaml", "languages:\n  default: en\n  offered: [en, fr]\n")
    with pytest.raises(ContentError) as caught:
        load_all(settings)
    assert [str(p) for p in caught.value.problems] == [
        f"{settings}:3:17: languages.offered.1: no 'fr' content; the pack has en, es"
    ]


def test_watched_paths_cover_every_file_read() -> None:
    loaded = load_all()
    watched = set(loaded.watched_paths())
    assert loaded.settings_file in watched
    assert all(path in watched for path in loaded.pack.files)
    assert CONTENT / "en" / "pages" in watched
    assert any(isinstance(b, ParagraphBlock) for b in loaded.pack.language().pages[0].blocks)
