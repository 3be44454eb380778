"""Where the bundled resources live: beside the package in a checkout, or installed data files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]  # kiosk/core/paths.py


def resources_dir() -> Path:
    """The bundled resources folder; ``KIOSK_RESOURCES`` overrides it."""
    override = os.environ.get("KIOSK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [
        Path(frozen) / "resources" if frozen else None,
        _REPO / "resources",
        Path(sys.prefix) / "share" / "gut-health-kiosk" / "resources",
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "content" / "pack.yaml").is_file():
            return candidate
    return _REPO / "resources"


def default_content_dir() -> Path:
    return resources_dir() / "content"


def default_settings_path() -> Path:
    """The clinic profile built into a bundle, else the bundled example settings."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "clinic" / "settings.yaml").is_file():
        return Path(frozen) / "clinic" / "settings.yaml"
    return resources_dir() / "settings.yaml"
