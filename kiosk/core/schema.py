"""JSON Schemas and the staff reference, both generated from the pydantic models. Qt-free.

The bundled YAML files point editors at ``resources/schema/<kind>.schema.json`` with a
``# yaml-language-server: $schema=...`` line, so VS Code's YAML extension completes keys and
underlines mistakes as staff type. ``python -m kiosk.core.schema`` rewrites those files and
``docs/reference.md``; a test fails when they are out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kiosk.core.config import Settings
from kiosk.core.content.model import Checklist, Manifest, Page, Strings
from kiosk.core.paths import resources_dir

DRAFT = "https://json-schema.org/draft/2020-12/schema"

KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "settings": (Settings, "settings.yaml: one clinic's settings"),
    "pack": (Manifest, "content/pack.yaml: languages and topic order"),
    "page": (Page, "content/<lang>/pages/<topic>.yaml: one topic page"),
    "checklist": (Checklist, "content/<lang>/checklist.yaml: the symptom checklist"),
    "strings": (Strings, "content/<lang>/strings.yaml: interface words"),
}


def json_schema(kind: str) -> dict[str, Any]:
    model, title = KINDS[kind]
    schema = model.model_json_schema()
    return {"$schema": DRAFT, "$id": f"{kind}.schema.json", **schema, "title": title}


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def _type_of(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in spec:
        return "section: " + str(spec["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in spec or "oneOf" in spec:
        options = spec.get("anyOf") or spec.get("oneOf") or []
        return " or ".join(_type_of(option, defs) for option in options)
    kind = spec.get("type", "any")
    if "enum" in spec:
        return "one of " + ", ".join(f"`{json.dumps(value)}`" for value in spec["enum"])
    if kind == "array":
        return f"list of {_type_of(spec.get('items', {}), defs)}"
    if "pattern" in spec:
        return f"{kind} matching `{spec['pattern']}`"
    bounds = [
        f"{word} {spec[key]:g}"
        for key, word in (
            ("exclusiveMinimum", "above"),
            ("minimum", "at least"),
            ("maximum", "at most"),
        )
        if key in spec
    ]
    return f"{kind} {', '.join(bounds)}" if bounds else str(kind)


def _table(name: str, spec: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    required = set(spec.get("required", []))
    lines = [f"### {name}", ""]
    if spec.get("description"):
        lines += [" ".join(spec["description"].split()), ""]
    lines += ["| key | type | required / default | what it is |", "| --- | --- | --- | --- |"]
    for key, field in spec.get("properties", {}).items():
        if key in required:
            need = "required"
        elif "$ref" in field:
            need = "optional section"
        elif "default" in field:
            need = f"default `{json.dumps(field['default'])}`"
        else:
            need = "optional"
        about = field.get("description", "")
        if "$ref" in field:
            about = defs.get(field["$ref"].rsplit("/", 1)[-1], {}).get("description", about)
        about = " ".join(about.split())
        lines.append(f"| `{key}` | {_type_of(field, defs)} | {need} | {about} |")
    return [*lines, ""]


def _limits() -> list[str]:
    """What the checks bound beyond each key's own type, so a pack that validates runs."""
    from kiosk.core.content import images, loader, safe_yaml  # noqa: PLC0415
    from kiosk.core.content.model import MAX_PAGE_CHARACTERS, MAX_TOPICS  # noqa: PLC0415

    return [
        "## Limits",
        "",
        "| what | at most |",
        "| --- | --- |",
        f"| topics in `pack.yaml` | {MAX_TOPICS} |",
        f"| text on one page (characters, as a patient reads it) | {MAX_PAGE_CHARACTERS:,} |",
        f"| one YAML file | {safe_yaml.MAX_BYTES:,} bytes, {safe_yaml.MAX_VALUES:,} values, "
        f"nested {safe_yaml.MAX_DEPTH} deep |",
        f"| one picture file | {images.MAX_IMAGE_BYTES:,} bytes |",
        f"| one PNG, JPEG, GIF or WebP picture | {images.MAX_PIXELS:,} pixels |",
        f"| one SVG picture | {images.MAX_SVG_ELEMENTS:,} elements, every `<use>` expanded |",
        f"| all the pictures of a pack | {loader.MAX_PACK_PICTURE_BYTES:,} bytes |",
        "",
    ]


def reference_markdown() -> str:
    """docs/reference.md: every key of every file, from the same models that validate them."""
    out = [
        "# Settings and content reference",
        "",
        "Generated from the schema in `kiosk/core/config.py` and `kiosk/core/content/model.py`",
        "by `python -m kiosk.core.schema`; do not edit by hand. The staff guide explains how to",
        "use it.",
        "",
    ]
    out += _limits()
    for kind, (_, title) in KINDS.items():
        schema = json_schema(kind)
        defs = schema.get("$defs", {})
        out += [f"## {title}", "", f"JSON Schema: `resources/schema/{kind}.schema.json`", ""]
        out += _table("Top level", schema, defs)
        for name, spec in defs.items():
            if spec.get("properties"):
                out += _table(name, spec, defs)
    return "\n".join(out).rstrip() + "\n"


def generated_files(repo: Path) -> dict[Path, str]:
    files = {repo / "docs" / "reference.md": reference_markdown()}
    for kind in KINDS:
        files[resources_dir() / "schema" / f"{kind}.schema.json"] = schema_text(kind)
    return files


def main() -> int:
    repo = Path(__file__).resolve().parents[2]  # kiosk/core/schema.py
    for path, text in generated_files(repo).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(path, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
