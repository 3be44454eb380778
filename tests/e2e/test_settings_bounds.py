"""Every number in settings.yaml at the edges of its schema: what validates runs (the kiosk
starts, its timers count, a patient gets through), and one step beyond is refused with
file, line and field. The bounds are read from the one schema, so a new bound is tested too."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.config import Settings
from kiosk.core.content.problems import ContentError
from kiosk.core.session import ATTRACT, HOME
from kiosk.core.sources import load_all
from tests.conftest import Finger, open_kiosk


def numeric_settings() -> list[tuple[str, str, dict[str, Any]]]:
    """(section, key, JSON Schema) of every number in the settings."""
    schema = Settings.model_json_schema()
    found = []
    for section, ref in schema["properties"].items():
        spec = schema["$defs"][ref["$ref"].rsplit("/", 1)[-1]]
        for key, field in spec["properties"].items():
            if field.get("type") in ("number", "integer"):
                found.append((section, key, field))
    return found


def edges(field: dict[str, Any]) -> list[float]:
    """The smallest and largest values the schema allows."""
    step = 1 if field["type"] == "integer" else 0.001
    low = field.get("minimum", field.get("exclusiveMinimum", 0) + step)
    return [low, field["maximum"]]


def beyond(field: dict[str, Any]) -> list[float | str]:
    step = 1 if field["type"] == "integer" else 0.5
    low = field["minimum"] - step if "minimum" in field else field["exclusiveMinimum"]
    return [low, field["maximum"] + step, ".inf", ".nan", "1e308"]


NUMBERS = numeric_settings()
EDGES = [f"{s}.{k}={v}" for s, k, field in NUMBERS for v in edges(field)]
BEYOND = [f"{s}.{k}={v}" for s, k, field in NUMBERS for v in beyond(field)]


def settings_file(folder: Path, setting: str) -> tuple[Path, str, str, str]:
    """settings.yaml with ``setting`` ("section.key=value") on line 4; and its parts."""
    name, value = setting.split("=")
    section, key = name.split(".")
    path = folder / "settings.yaml"
    path.write_text(f"clinic:\n  name: Edge Clinic\n{section}:\n  {key}: {value}\n", "utf-8")
    return path, section, key, value


def test_every_number_in_the_settings_has_both_bounds() -> None:
    assert len(NUMBERS) >= 6
    for section, key, field in NUMBERS:
        assert "maximum" in field, f"{section}.{key} has no upper bound"
        assert "minimum" in field or "exclusiveMinimum" in field, f"{section}.{key}: no lower"


@pytest.mark.parametrize("setting", EDGES)
def test_a_value_at_the_edge_validates_and_the_kiosk_runs_with_it(
    qtbot: QtBot, tmp_path: Path, finger: Finger, setting: str
) -> None:
    path, section, key, value = settings_file(tmp_path, setting)
    loaded = load_all(path)
    assert getattr(getattr(loaded.settings, section), key) == float(value)
    kiosk = open_kiosk(qtbot, config_path=path)
    assert kiosk.current_screen() == ATTRACT
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    assert kiosk.idle_watcher.is_armed
    # The warning counts down the whole warning time, however long the settings make it.
    kiosk.idle_watcher.went_idle.emit()  # as the idle timer does when it runs out
    assert kiosk.overlay.isVisible()
    assert kiosk.overlay.seconds_left() == math.ceil(kiosk.settings.idle.warning_seconds)
    finger.tap(kiosk.overlay.button)
    qtbot.waitUntil(lambda: not kiosk.overlay.isVisible(), timeout=2000)
    assert kiosk.current_screen() == HOME


@pytest.mark.parametrize("setting", BEYOND)
def test_a_value_beyond_the_edge_is_refused_with_file_line_and_field(
    tmp_path: Path, setting: str
) -> None:
    path, section, key, _value = settings_file(tmp_path, setting)
    with pytest.raises(ContentError) as refused:
        load_all(path)
    [problem] = refused.value.problems
    assert str(problem).startswith(f"{path}:4:3: {section}.{key}: ")


# The values an adversarial review found validating and then crash-looping the kiosk (Qt's
# timers overflow past 2**31 ms) or stopping the reset; and 1e-9, after which the warning
# followed every touch.
HOSTILE = [
    "idle.timeout_seconds=2147484",
    "idle.timeout_seconds=2_147_484",
    "idle.timeout_seconds=1e308",
    "idle.timeout_seconds=1e-9",
    "idle.warning_seconds=3000000",
    "idle.warning_seconds=.inf",
    "staff.timeout_seconds=2147484",
    "staff.timeout_seconds=1e-9",
]


@pytest.mark.parametrize("setting", HOSTILE)
def test_a_hostile_value_is_refused_and_a_running_kiosk_keeps_its_settings(
    qtbot: QtBot, tmp_path: Path, finger: Finger, setting: str
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("clinic:\n  name: Edge Clinic\n", "utf-8")
    kiosk = open_kiosk(qtbot, config_path=path)
    finger.tap(kiosk.attract)
    reloader = kiosk.reloader
    assert reloader is not None
    with qtbot.waitSignal(reloader.reload_refused, timeout=5000):
        written, section, key, _value = settings_file(tmp_path, setting)
    [problem] = reloader.problems
    assert str(problem).startswith(f"{written}:4:3: {section}.{key}: ")
    # Nothing torn down: the patient is where they were, every screen still there.
    assert kiosk.current_screen() == HOME
    assert {ATTRACT, HOME} <= set(kiosk.screens)
    assert kiosk.settings.idle.timeout_seconds == 90 and kiosk.settings.staff.timeout_seconds == 120
