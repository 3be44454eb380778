from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import Settings, load_settings
from kiosk.core.content.problems import ContentError
from tests.conftest import SETTINGS


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_settings_load_without_warnings() -> None:
    loaded = load_settings(SETTINGS)
    assert loaded.warnings == ()
    assert loaded.settings.clinic.name == "Riverside Family Clinic"
    assert loaded.settings.idle.timeout_seconds == 90


def test_every_key_is_optional(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, "clinic: {name: Elm Street Clinic}\n"))
    assert loaded.settings.clinic.name == "Elm Street Clinic"
    assert loaded.settings.idle == Settings().idle


def test_a_warning_too_short_to_answer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "idle:\n  timeout_seconds: 60\n  warning_seconds: 19.5\n")
    with pytest.raises(ContentError) as caught:
        load_settings(path)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{path}:3:3: idle.warning_seconds: 19.5 s is under")
    assert "WCAG 2.2.1" in str(problem)
    assert load_settings(write(tmp_path, "idle:\n  warning_seconds: 20\n")).warnings == ()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Input should be greater than or equal to 20"),
        ("-5", "Input should be greater than or equal to 20"),
        ("1800.5", "Input should be less than or equal to 1800"),
        ("soon", "Input should be a valid number"),
    ],
)
def test_bad_idle_values_name_file_line_and_key(tmp_path: Path, value: str, message: str) -> None:
    path = write(tmp_path, f"clinic:\n  name: A\nidle:\n  timeout_seconds: {value}\n")
    with pytest.raises(ContentError) as caught:
        load_settings(path)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{path}:4:3: idle.timeout_seconds: {message}")


def test_unknown_setting_suggests_the_known_one(tmp_path: Path) -> None:
    path = write(tmp_path, "idle:\n  timeout_secs: 30\n")
    with pytest.raises(ContentError) as caught:
        load_settings(path)
    [problem] = caught.value.problems
    assert str(problem) == (
        f"{path}:2:3: idle.timeout_secs: "
        "unknown key 'timeout_secs'; did you mean 'timeout_seconds'?"
    )
