"""`kiosk validate` and `kiosk run` agree: settings generated from the one JSON Schema are
either refused with a ContentError (file, line, field) or start a kiosk a patient can use.
No other exception, and nothing that validates and then fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from kiosk.core.content.problems import ContentError
from kiosk.core.schema import json_schema
from kiosk.core.session import ATTRACT, HOME
from kiosk.core.sources import load_all
from tests.conftest import Finger, open_kiosk

SCHEMA = json_schema("settings")


def values(spec: dict[str, Any], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the JSON Schema ``spec`` allows (the parts settings use)."""
    if "$ref" in spec:
        return values(defs[spec["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in spec:
        return st.one_of([values(option, defs) for option in spec["anyOf"]])
    if spec.get("type") == "array":
        return st.lists(values(spec.get("items", {}), defs), max_size=3)
    if spec.get("type") == "object" and "properties" in spec:
        fields = {key: values(field, defs) for key, field in spec["properties"].items()}
        return st.fixed_dictionaries({}, optional=fields)
    if spec.get("type") == "object" and "patternProperties" in spec:
        [(pattern, field)] = spec["patternProperties"].items()
        keys = st.from_regex(pattern, fullmatch=True).filter(lambda key: len(key) <= 60)
        return st.dictionaries(keys, values(field, defs), max_size=2)
    return scalars(spec)


def scalars(spec: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = spec.get("type")
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    if kind in ("integer", "number"):
        return numbers(spec)
    if kind == "string":
        return strings(spec)
    return st.booleans() if kind == "boolean" else st.none()


def numbers(spec: dict[str, Any]) -> st.SearchStrategy[Any]:
    low, high = spec.get("minimum", spec.get("exclusiveMinimum")), spec.get("maximum")
    if spec["type"] == "integer":
        return st.integers(min_value=low, max_value=high)
    return st.floats(
        min_value=low, max_value=high, exclude_min="exclusiveMinimum" in spec,
        allow_nan=False, allow_infinity=False,
    )  # fmt: skip


def strings(spec: dict[str, Any]) -> st.SearchStrategy[str]:
    if "pattern" in spec:
        longest = spec.get("maxLength", 10_000)
        return st.from_regex(spec["pattern"], fullmatch=True).filter(lambda t: len(t) <= longest)
    return st.text(max_size=min(spec.get("maxLength", 200), 200))


def with_our_pack(data: dict[str, Any]) -> dict[str, Any]:
    """Languages the bundled pack has, and no logo file or PIN hash to match: everything
    else as generated, so most examples validate and the kiosk really starts."""
    data = dict(data)
    data["languages"] = {"default": "en", "offered": []}
    data["clinic"] = {k: v for k, v in data.get("clinic", {}).items() if k != "logo"}
    data["staff"] = {k: v for k, v in data.get("staff", {}).items() if k != "pin_hash"}
    data["content"] = {}
    return data


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(generated=values(SCHEMA, SCHEMA.get("$defs", {})))
def test_settings_that_validate_start_a_kiosk_a_patient_can_use(
    qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory, generated: dict[str, Any]
) -> None:
    path: Path = tmp_path_factory.mktemp("settings") / "settings.yaml"
    path.write_text(yaml.safe_dump(with_our_pack(generated), allow_unicode=True), "utf-8")
    try:
        load_all(path)
    except ContentError as refused:
        assert all(str(problem).startswith(str(path)) for problem in refused.problems)
        event("refused")
        return
    event("valid: the kiosk runs with it")
    kiosk = open_kiosk(qtbot, config_path=path, watch=False)
    assert kiosk.current_screen() == ATTRACT
    Finger().tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    kiosk.idle_watcher.went_idle.emit()
    assert kiosk.overlay.isVisible() and kiosk.overlay.seconds_left() >= 20
    kiosk.reset()
    assert kiosk.current_screen() == ATTRACT
    kiosk.allow_close = True
    kiosk.close()
