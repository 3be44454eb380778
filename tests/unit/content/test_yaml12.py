"""The kiosk reads plain values as the editors staff use do (YAML 1.2): every value in
tests/data/yaml12_plain_values.json, which scripts/yaml12_reference.py made with the YAML
reader of yaml-language-server, and the cases where YAML 1.1 readers (PyYAML) differ, through
real files and the real content checks."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.content.safe_yaml import load_yaml
from kiosk.core.sources import load_all
from tests.conftest import CONTENT, REPO

TABLE = json.loads((REPO / "tests" / "data" / "yaml12_plain_values.json").read_text("utf-8"))


def as_editor_reads(value: Any) -> dict[str, Any] | None:
    """A Python value in the table's terms (JavaScript's typeof, one kind of number)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return {"boolean": value}
    if isinstance(value, int | float):
        if math.isfinite(value):
            return {"number": value}
        return {
            "number": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
        }
    return {"string": value}


@pytest.mark.parametrize(("typed", "editor"), list(TABLE["values"].items()))
def test_a_plain_value_reads_as_the_editor_reads_it(
    typed: str, editor: dict[str, Any] | None, tmp_path: Path
) -> None:
    path = tmp_path / "values.yaml"
    path.write_text(f"value: {typed}\n", encoding="utf-8")
    assert as_editor_reads(load_yaml(path).data["value"]) == editor


def test_yes_no_and_a_language_called_no_are_words_in_real_content(tmp_path: Path) -> None:
    """The issue's cases: ``title: no``, ``title: yes``, ``languages: [en, es, no]``."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = next((content / "en" / "pages").glob("*.yaml"))
    text = page.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    page.write_text(text.replace(title, "title: no", 1), encoding="utf-8")
    assert load_yaml(page).data["title"] == "no"
    page.write_text(text.replace(title, "title: yes", 1), encoding="utf-8")
    assert load_yaml(page).data["title"] == "yes"
    loaded = load_all(None, content)  # a title of "yes" is a title, as the editor says
    assert any(page.title == "yes" for page in loaded.pack.language("en").pages)
    pack = content / "pack.yaml"
    pack.write_text(
        pack.read_text("utf-8").replace("languages: [en, es]", "languages: [en, es, no]"),
        encoding="utf-8",
    )
    assert load_yaml(pack).data["languages"] == ["en", "es", "no"]
