"""The JSON Schemas: valid Draft 2020-12, accept the bundled files, match the shipped copies."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from kiosk.cli import main
from kiosk.core.content.safe_yaml import load_yaml
from kiosk.core.schema import KINDS, generated_files, json_schema
from tests.conftest import CONTENT, REPO, SETTINGS

BUNDLED = {
    "settings": [SETTINGS],
    "pack": [CONTENT / "pack.yaml"],
    "strings": sorted(CONTENT.glob("*/strings.yaml")),
    "checklist": sorted(CONTENT.glob("*/checklist.yaml")),
    "page": sorted(CONTENT.glob("*/pages/*.yaml")),
}


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12_and_accepts_the_bundled_files(kind: str) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert BUNDLED[kind], f"no bundled {kind} files"
    for path in BUNDLED[kind]:
        errors = [error.message for error in validator.iter_errors(load_yaml(path).data)]
        assert errors == [], f"{path}: {errors}"


def test_schema_rejects_unknown_keys_and_wrong_types() -> None:
    validator = Draft202012Validator(json_schema("settings"))
    assert not validator.is_valid({"clinc": {"name": "x"}})
    assert not validator.is_valid({"idle": {"timeout_seconds": "soon"}})
    assert validator.is_valid({"idle": {"timeout_seconds": 45}})


@pytest.mark.parametrize("kind", KINDS)
def test_bundled_files_point_editors_at_their_schema(kind: str) -> None:
    for path in BUNDLED[kind]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.name == f"{kind}.schema.json" and target.is_file(), path


def test_shipped_schemas_and_reference_are_up_to_date() -> None:
    for path, text in generated_files(REPO).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"run: python -m kiosk.core.schema ({path})"
        )


def test_reference_lists_every_setting_with_its_description() -> None:
    reference = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    for key in ("timeout_seconds", "warning_seconds", "pin_hash", "overlay", "contact", "primary"):
        assert f"| `{key}` |" in reference


def test_kiosk_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "page"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema("page")
