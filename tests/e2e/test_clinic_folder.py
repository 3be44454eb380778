"""``kiosk init DIR``: a clinic folder that carries its own editor support. Copied anywhere,
each YAML file's ``$schema`` line still finds its schema, every file passes it (checked with
jsonschema, the schema's own standard) and a mistake fails it; VS Code's settings in the folder
give every file, new pages too, its schema; and the kiosk validates the copy."""

from __future__ import annotations

import fnmatch
import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from kiosk.cli import main
from kiosk.core.clinic_folder import MODELINE
from kiosk.core.content.safe_yaml import load_yaml
from tests.conftest import REPO

EXAMPLE = REPO / "packaging" / "clinics" / "example" / "settings.yaml"


@pytest.fixture
def copied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder made by `kiosk init` for the example clinic, then copied somewhere else."""
    made = tmp_path / "made"
    assert main(["init", "--config", str(EXAMPLE), str(made)]) == 0
    assert f"Made {made}" in capsys.readouterr().out
    elsewhere = tmp_path / "usb-stick" / "Elm Street kiosk"
    shutil.copytree(made, elsewhere)
    shutil.rmtree(made)  # nothing may point back at where it was made
    return elsewhere


def schema_of(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), f"{path} has no $schema line"
    return (path.parent / first.removeprefix(MODELINE)).resolve()


def test_every_file_finds_its_schema_and_passes_it(copied: Path) -> None:
    files = sorted(copied.rglob("*.yaml"))
    assert len(files) >= 17  # settings, pack, and per language: strings, checklist, 6 pages
    for path in files:
        schema = schema_of(path)
        assert schema.is_file() and copied in schema.parents, f"{path}: {schema}"
        validator = Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
        errors = [error.message for error in validator.iter_errors(load_yaml(path).data)]
        assert errors == [], f"{path.relative_to(copied)}: {errors}"


def test_a_mistake_fails_the_schema_the_line_points_at(copied: Path) -> None:
    page = next((copied / "content" / "en" / "pages").glob("*.yaml"))
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "titel:", 1), "utf-8")
    validator = Draft202012Validator(json.loads(schema_of(page).read_text(encoding="utf-8")))
    messages = [error.message for error in validator.iter_errors(load_yaml(page).data)]
    assert any("'titel'" in message for message in messages), messages


def test_vs_code_gives_every_file_its_schema(copied: Path) -> None:
    settings = json.loads((copied / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    globs = settings["yaml.schemas"]
    assert settings["yaml.yamlVersion"] == "1.2"
    assert settings["[yaml]"]["editor.insertSpaces"] is True, "never a tab"
    new_page = copied / "content" / "es" / "pages" / "a-new-page.yaml"  # staff add pages
    for path in [*copied.rglob("*.yaml"), new_page]:
        relative = path.relative_to(copied).as_posix()
        matched = [
            s
            for s, patterns in globs.items()
            if any(fnmatch.fnmatch(relative, p) for p in patterns)
        ]
        assert len(matched) == 1, f"{relative}: {matched}"
        if path.exists():
            assert (copied / matched[0]).resolve() == schema_of(path), relative
    extensions = json.loads((copied / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}


def test_the_copy_is_valid_for_the_kiosk_with_its_logo(copied: Path) -> None:
    assert (copied / "logo.svg").is_file()
    content = copied / "content"
    assert (
        main(["validate", "--config", str(copied / "settings.yaml"), "--content", str(content)])
        == 0
    )


def test_an_existing_folder_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "notes.txt").write_text("ours", encoding="utf-8")
    assert main(["init", str(folder)]) == 1
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]
