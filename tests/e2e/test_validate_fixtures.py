"""`kiosk validate` on deliberately broken files: exit 1 naming file, line, column and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import CONTENT, FIXTURES

BROKEN = FIXTURES / "broken"


def expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} lacks its '# expect:' line"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("fixture", sorted((BROKEN / "pages").glob("*.yaml")), ids=lambda p: p.stem)
def test_broken_page_is_reported_precisely(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    page = pack / "en" / "pages" / "lifestyle-steps.yaml"
    shutil.copy(fixture, page)
    assert main(["validate", str(pack)]) == 1
    err = capsys.readouterr().err
    assert f"{page}:{expectation(fixture)}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "fixture", sorted((BROKEN / "settings").glob("*.yaml")), ids=lambda p: p.stem
)
def test_broken_settings_are_reported_precisely(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.yaml"
    shutil.copy(fixture, settings)
    assert main(["validate", "--config", str(settings)]) == 1
    err = capsys.readouterr().err
    assert f"{settings}:{expectation(fixture)}" in err
    assert "Traceback" not in err


def test_non_utf8_page_is_refused_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    page = pack / "en" / "strings.yaml"
    page.write_bytes(page.read_bytes().replace(b"Back", b"B\xe4ck"))
    assert main(["validate", str(pack)]) == 1
    assert "is not UTF-8 text; save the file as UTF-8" in capsys.readouterr().err


def test_errors_in_settings_and_content_are_reported_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    shutil.copy(
        BROKEN / "pages" / "unknown-key.yaml", pack / "en" / "pages" / "lifestyle-steps.yaml"
    )
    settings = tmp_path / "settings.yaml"
    shutil.copy(BROKEN / "settings" / "idle-zero.yaml", settings)
    assert main(["validate", str(pack), "--config", str(settings)]) == 1
    err = capsys.readouterr().err
    assert "2 problem(s) found" in err
    assert "titel" in err and "idle.timeout_seconds" in err


def test_bundled_content_and_settings_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CONTENT)]) == 0
    assert "are valid" in capsys.readouterr().out
