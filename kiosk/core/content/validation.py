"""Check loaded YAML data against a pydantic model and explain what is wrong in plain words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kiosk.core.colors import HEX_COLOUR
from kiosk.core.content.problems import ContentError, Problem
from kiosk.core.content.safe_yaml import FieldPath, YamlDocument

M = TypeVar("M", bound=BaseModel)


@cache
def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """Every field name anywhere in ``model``'s schema, for "did you mean" hints."""
    names: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                names.update(props)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(_schema(model))
    return tuple(sorted(names))


_COMMENTED = re.compile(r"^\s*(?:-\s+)?([^\s:#]+):\s+(#\S*)")  # key: #1F4E79


def _plain(error: ErrorDetails, source: str) -> str:
    """Words for the mistakes behind pydantic's terse ones; empty when none fits."""
    kind, value = error["type"], error.get("input")
    last = error["loc"][-1] if error["loc"] else ""
    key = str(last)
    if kind == "string_type" and value is None and (found := _COMMENTED.match(source)):
        return (
            "a # starts a comment in YAML, so this is empty; put the value in quotes: "
            f'{found.group(1)}: "{found.group(2)}"'
        )
    if key == "pin_hash" and str(value).strip().isdigit():
        return (
            "this looks like the PIN itself, which must never be written down here; run "
            "`kiosk hash-pin`, type the PIN there, and paste the line it prints"
        )
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == HEX_COLOUR:
        return (
            'a colour is a # and six hexadecimal digits, in quotes, like "#1F4E79"; '
            f"{value!r} is not one (a colour picker shows the digits)"
        )
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        where = "-" if isinstance(last, int) else f"{key}:"  # a list item, or a key's value
        return f'this needs text; put it in quotes: {where} "{value}"'
    return ""


def _keys_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[str, ...]:
    """The keys the section at ``loc`` takes (empty when the schema cannot say)."""
    schema = _schema(model)
    node: Any = schema
    for part in (*loc, None):
        while isinstance(node, dict) and "$ref" in node:
            node = schema.get("$defs", {}).get(str(node["$ref"]).rsplit("/", 1)[-1])
        if part is None or not isinstance(node, dict):
            break
        node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
    properties = node.get("properties") if isinstance(node, dict) else None
    return tuple(properties) if isinstance(properties, dict) else ()


@cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def _message(error: ErrorDetails, model: type[BaseModel], source: str = "") -> str:
    if plain := _plain(error, source):
        return plain
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(error["loc"][-1]) if error["loc"] else ""
        siblings = _keys_at(model, tuple(error["loc"][:-1]))
        hint = difflib.get_close_matches(key, siblings or _field_names(model), n=1, cutoff=0.6)
        if hint:
            return f"unknown key {key!r}; did you mean {hint[0]!r}?"
        listed = f"; the keys here are: {', '.join(siblings)}" if 0 < len(siblings) <= 12 else ""
        return f"unknown key {key!r}{listed}"
    if kind == "missing":
        return "this field is required but missing"
    if kind == "value_error":  # our own checks' words, without pydantic's "Value error, "
        return str(error["ctx"]["error"]) if "ctx" in error else str(error["msg"])
    return str(error["msg"])


def _data_path(loc: tuple[int | str, ...]) -> FieldPath:
    """Drop the tag pydantic inserts for tagged unions: our tags repeat the block's only key."""
    return tuple(part for i, part in enumerate(loc) if i + 1 == len(loc) or part != loc[i + 1])


def _problems(doc: YamlDocument, exc: ValidationError, model: type[BaseModel]) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        at = _data_path(tuple(error["loc"]))
        line, _ = doc.mark(at)
        source = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
        yield doc.problem(at, _message(error, model, source))


def validate(doc: YamlDocument, model: type[M], **context: Any) -> M:
    """Return ``doc.data`` as ``model`` or raise ContentError with every problem located."""
    if doc.data is None:
        raise ContentError([Problem(doc.path, 1, 1, "", "the file is empty")])
    try:
        return model.model_validate(doc.data, context=context or None)
    except ValidationError as exc:
        raise ContentError(_problems(doc, exc, model)) from None
