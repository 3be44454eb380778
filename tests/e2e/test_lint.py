"""`kiosk lint`: reading levels, accessible timings, alt text and untranslated text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kiosk.cli import main
from kiosk.core.content.lint import MERGED
from tests.conftest import CONTENT, REPO, short_idle_settings


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["lint", *args])
    return code, capsys.readouterr().out


def test_bundled_pack_lints_clean_with_a_grade_per_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = lint(capsys, "--strict")
    assert code == 0
    # Six pages and the checklist per language, and the interface strings (as labels).
    assert out.count("reading level: Flesch-Kincaid grade") == 8
    assert out.count("reading level: Fernández-Huerta ease") == 8
    assert out.count(", SMOG grade") == 8 and out.count(", INFLESZ") == 8
    assert "en/checklist.yaml:1:1: info: reading level:" in out
    assert "0 warning(s)." in out
    assert "text on background: contrast 15.8:1" in out


def test_hard_page_short_idle_and_missing_alt_are_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    page = pack / "en" / "pages" / "what-is-leaky-gut.yaml"
    text = page.read_text(encoding="utf-8")
    hard = (
        "  - paragraph: Intestinal hyperpermeability characterizes paracellular transport "
        "dysregulation attributable to inflammatory cytokine-mediated junctional disassembly, "
        "notwithstanding considerable methodological heterogeneity across investigations.\n"
    ) * 8
    text = text.replace("blocks:\n", "blocks:\n" + hard, 1)
    page.write_text(text.replace("      alt: Two", "      # alt: Two"), encoding="utf-8")
    settings = short_idle_settings(tmp_path).path
    code, out = lint(capsys, str(pack), "--config", str(settings))
    assert code == 0, "warnings alone do not fail without --strict"
    assert f"{page}:1:1: warning: reading level: Flesch-Kincaid grade" in out
    assert "SMOG grade" in out.split(f"{page}:1:1: warning: reading level:")[1].split("\n")[0]
    assert f"{page}:" in out and "image has no alt text" in out
    assert lint(capsys, str(pack), "--config", str(settings), "--strict")[0] == 1


def test_untranslated_language_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    shutil.copytree(pack / "en", pack / "fr")
    manifest = yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8"))
    manifest["languages"] = ["en", "es", "fr"]
    (pack / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    code, out = lint(capsys, str(pack), "--strict")
    assert code == 1
    assert f"{pack / 'fr' / 'pages' / 'lifestyle-steps.yaml'}:1:1: warning:" in out
    assert f"{pack / 'es' / 'pages' / 'lifestyle-steps.yaml'}:1:1: warning:" not in out
    assert "not translated?" in out
    assert "reading level: Fernández-Huerta ease" in out


def test_bullets_merged_by_a_wrong_indent_are_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two bullets indented two spaces too far join the one above: valid YAML, one bullet
    "... each day. - When you feel tense, ... - Make time ...": lint says where."""
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    page = pack / "en" / "pages" / "lifestyle-steps.yaml"
    text = page.read_text(encoding="utf-8")
    for bullet in ("When you feel tense", "Make time for things"):
        text = text.replace(f"      - {bullet}", f"        - {bullet}", 1)
    page.write_text(text, encoding="utf-8")
    code, out = lint(capsys, str(pack))
    line = text.splitlines().index(
        "      - Try to go to bed and get up at the same times each day."
    )
    assert code == 0
    assert (
        f"{page}:{line + 1}:9: warning: blocks.2.bullets.0: this list item has ' - ' in it" in out
    ), out
    assert out.count("this list item has ' - ' in it") == 1
    guide = (REPO / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert f"warning: blocks.2.bullets.0: {MERGED}" in guide, "the staff guide shows it"
