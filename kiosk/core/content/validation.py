"""Check loaded YAML data against a pydantic model and explain what is wrong in plain words."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

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

    collect(model.model_json_schema())
    return tuple(sorted(names))


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(error["loc"][-1]) if error["loc"] else ""
        hint = difflib.get_close_matches(key, _field_names(model), n=1, cutoff=0.6)
        return f"unknown key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")
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
        yield doc.problem(_data_path(tuple(error["loc"])), _message(error, model))


def validate(doc: YamlDocument, model: type[M], **context: Any) -> M:
    """Return ``doc.data`` as ``model`` or raise ContentError with every problem located."""
    if doc.data is None:
        raise ContentError([Problem(doc.path, 1, 1, "", "the file is empty")])
    try:
        return model.model_validate(doc.data, context=context or None)
    except ValidationError as exc:
        raise ContentError(_problems(doc, exc, model)) from None
