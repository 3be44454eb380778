"""``kiosk init DIR``: a clinic's own folder to edit, that carries its editor support with it.

The folder has the layout of an installed kiosk's /etc/gut-health-kiosk (settings.yaml, its
logo, content/, schema/), so the same relative ``# yaml-language-server: $schema=`` line in
each file finds its schema wherever the folder is copied. A .vscode folder makes VS Code
with Red Hat's YAML extension use the schemas for new files too, indent with spaces, and
show the invisible characters that break YAML.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from kiosk.core.schema import KINDS, schema_text

MODELINE = "# yaml-language-server: $schema="
VSCODE_SETTINGS = {
    "yaml.schemas": {
        "./schema/settings.schema.json": ["settings.yaml"],
        "./schema/pack.schema.json": ["content/pack.yaml"],
        "./schema/page.schema.json": ["content/*/pages/*.yaml"],
        "./schema/checklist.schema.json": ["content/*/checklist.yaml"],
        "./schema/strings.schema.json": ["content/*/strings.yaml"],
    },
    "yaml.yamlVersion": "1.2",  # as the kiosk reads them
    "yaml.validate": True,
    "[yaml]": {
        "editor.insertSpaces": True,
        "editor.tabSize": 2,
        "editor.detectIndentation": False,
        "editor.renderWhitespace": "boundary",
    },
    "editor.unicodeHighlight.invisibleCharacters": True,
    "editor.unicodeHighlight.nonBasicASCII": False,  # Spanish text is not a mistake
    "files.encoding": "utf8",
    "files.insertFinalNewline": True,
}
EXTENSIONS = {"recommendations": ["redhat.vscode-yaml"]}


def kind_of(relative: Path) -> str | None:
    """Which schema a YAML file at ``relative`` (to the folder) follows."""
    parts = relative.parts
    if parts == ("settings.yaml",):
        return "settings"
    if parts == ("content", "pack.yaml"):
        return "pack"
    if len(parts) == 4 and parts[0] == "content" and parts[2] == "pages":
        return "page"
    if len(parts) == 3 and parts[0] == "content" and parts[2] in ("checklist.yaml", "strings.yaml"):
        return parts[2].removesuffix(".yaml")
    return None


def with_modeline(text: str, schema: str) -> str:
    """``text`` whose first line points editors at ``schema`` (replacing an old pointer)."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith(MODELINE):
        lines = lines[1:]
    return f"{MODELINE}{schema}\n" + "".join(lines)


def make_clinic_folder(
    target: Path, settings: Path, content: Path, logo: Path | None = None
) -> list[Path]:
    """Write the folder (which must be new or empty); the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} exists and is not an empty folder")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, target / "content", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(settings, target / "settings.yaml")
    if logo is not None and logo.is_file():  # where the settings name it, beside them
        try:
            place = logo.resolve().relative_to(settings.resolve().parent)
        except ValueError:
            place = None  # elsewhere on this machine: the settings keep its full path
        if place is not None:
            (target / place).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(logo, target / place)
    schemas = target / "schema"
    schemas.mkdir()
    for kind in KINDS:
        (schemas / f"{kind}.schema.json").write_text(schema_text(kind), encoding="utf-8")
    for path in sorted(target.rglob("*.yaml")):
        follows = kind_of(path.relative_to(target))
        if follows is not None:
            schema = os.path.relpath(schemas / f"{follows}.schema.json", path.parent)
            text = path.read_text(encoding="utf-8")
            path.write_text(with_modeline(text, Path(schema).as_posix()), encoding="utf-8")
    editor = target / ".vscode"
    editor.mkdir()
    for name, data in (("settings.json", VSCODE_SETTINGS), ("extensions.json", EXTENSIONS)):
        (editor / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return sorted(path for path in target.rglob("*") if path.is_file())
