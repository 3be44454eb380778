"""Where a kiosk's settings and content come from, and loading both as one checked unit. Qt-free.

Settings: ``--config`` if given, else the system file (``/etc/gut-health-kiosk/settings.yaml``,
``%ProgramData%\\GutHealthKiosk\\settings.yaml`` or ``$KIOSK_SETTINGS``) if it exists, else the
bundled defaults. Content: ``--content`` if given, else ``content.folder`` from the settings,
else the bundled pack; ``content.overlay`` pages replace bundled ones.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.config import LoadedSettings, Settings, load_settings, system_settings_path
from kiosk.core.content.loader import load_pack
from kiosk.core.content.model import ContentPack
from kiosk.core.content.problems import ContentError, Problem
from kiosk.core.content.safe_yaml import FieldPath
from kiosk.core.paths import default_content_dir, default_settings_path


def settings_path(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    system = system_settings_path()
    return system if os.path.isfile(system) else default_settings_path()


@dataclass(frozen=True)
class Loaded:
    """Settings and content that passed every check together."""

    settings: Settings
    pack: ContentPack
    warnings: tuple[Problem, ...]
    settings_file: Path
    content_dir: Path
    overlay_dir: Path | None
    logo: Path | None

    def same_content_as(self, other: Loaded) -> bool:
        """True when patients would see no difference (files may have been touched)."""
        return (self.settings, self.pack, self.logo) == (other.settings, other.pack, other.logo)

    def watched_paths(self) -> list[Path]:
        """Every file read, and every folder that holds them (editors often save by rename)."""
        files = [self.settings_file, *self.pack.files, *([self.logo] if self.logo else [])]
        roots = [root for root in (self.content_dir, self.overlay_dir) if root is not None]
        return sorted({path.parent for path in files} | set(files) | set(with_folders(roots)))


def with_folders(roots: Iterable[Path]) -> list[Path]:
    """``roots`` and, for those that are folders, every folder inside them that can be
    looked at (a folder that can be listed but not entered, after `chmod -R 644`, yields
    names that cannot be looked at)."""
    found: set[Path] = set()
    for root in roots:
        found.add(root)
        if not os.path.isdir(root):  # os.path's checks never raise
            continue
        with contextlib.suppress(OSError):
            found.update(path for path in root.rglob("*") if os.path.isdir(path))
    return sorted(found)


class LoadError(ContentError):
    """Settings or content that failed their checks, with the files and folders tried, so a
    running kiosk can watch them and reload as soon as they are fixed."""

    def __init__(self, problems: Iterable[Problem], sources: Iterable[Path]) -> None:
        super().__init__(problems)
        self.sources = tuple(sources)


def _check_languages(loaded: LoadedSettings, pack: ContentPack) -> list[Problem]:
    wanted = loaded.settings.languages
    places: list[tuple[FieldPath, str]] = [(("languages", "default"), wanted.default)]
    places += [(("languages", "offered", i), code) for i, code in enumerate(wanted.offered)]
    have = ", ".join(sorted(pack.languages))
    return [
        loaded.doc.problem(at, f"no {code!r} content; the pack has {have}")
        for at, code in places
        if code not in pack.languages
    ]


def load_all(config: Path | None = None, content: Path | None = None) -> Loaded:
    """Load settings and content; raise ContentError listing every problem in every file."""
    path = settings_path(config)
    problems: list[Problem] = []
    loaded: LoadedSettings | None = None
    try:
        loaded = load_settings(path)
    except ContentError as error:
        problems.extend(error.problems)
    folder = loaded.resolve(loaded.settings.content.folder) if loaded else None
    overlay = loaded.resolve(loaded.settings.content.overlay) if loaded else None
    content_dir = content or folder or default_content_dir()
    pack: ContentPack | None = None
    try:
        pack = load_pack(content_dir, overlay)
    except ContentError as error:
        problems.extend(error.problems)
    if loaded is not None and pack is not None:
        problems.extend(_check_languages(loaded, pack))
    if problems or loaded is None or pack is None:
        raise LoadError(problems, [path, content_dir, *([overlay] if overlay else [])])
    logo = loaded.resolve(loaded.settings.clinic.logo)
    return Loaded(loaded.settings, pack, loaded.warnings, path, content_dir, overlay, logo)
