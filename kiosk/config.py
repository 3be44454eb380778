"""Clinic settings: branding and timings, validated like content. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, PositiveFloat

from kiosk.content.model import ShortText, Strict
from kiosk.content.problems import Problem
from kiosk.content.safe_yaml import load_yaml
from kiosk.content.validation import validate

# WCAG 2.2.1: a patient gets at least 20 seconds to say "I'm still here".
MIN_WARNING_SECONDS = 20.0


class Clinic(Strict):
    name: ShortText = Field(default="Your clinic", description="Shown on the welcome screen")
    contact: str = Field(default="", max_length=200, description="Phone or desk to ask at")


class Idle(Strict):
    timeout_seconds: PositiveFloat = Field(
        default=90, description="Seconds without a touch before the 'Are you still there?' warning"
    )
    warning_seconds: PositiveFloat = Field(
        default=30, description="Seconds the warning counts down before everything is cleared"
    )


class Settings(Strict):
    """settings.yaml: one clinic's settings. Every key is optional."""

    clinic: Clinic = Clinic()
    idle: Idle = Idle()


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    warnings: tuple[Problem, ...]


def load_settings(path: Path) -> LoadedSettings:
    """Load ``path``; raise ContentError when it is wrong, and return warnings for risky values."""
    doc = load_yaml(path)
    settings = validate(doc, Settings)
    warnings = []
    if settings.idle.warning_seconds < MIN_WARNING_SECONDS:
        warnings.append(
            doc.problem(
                ("idle", "warning_seconds"),
                f"{settings.idle.warning_seconds:g} s is under the accessible minimum of "
                f"{MIN_WARNING_SECONDS:g} s (WCAG 2.2.1); patients may not have time to respond",
            )
        )
    return LoadedSettings(settings, tuple(warnings))
