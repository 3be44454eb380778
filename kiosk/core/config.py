"""Clinic settings: branding, timings, languages and features, validated like content. Qt-free.

Field descriptions here are the single source for validation, the JSON Schema and the staff
reference in docs/reference.md.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from kiosk.core.colors import BODY_TEXT_MIN, HEX_COLOUR, OTHER_MIN, contrast
from kiosk.core.content.images import image_problem
from kiosk.core.content.model import ShortText, Slug, Strict
from kiosk.core.content.problems import ContentError, Problem
from kiosk.core.content.safe_yaml import YamlDocument, load_yaml
from kiosk.core.content.validation import validate
from kiosk.core.staff import is_pin_hash

# WCAG 2.2.1: a patient gets at least 20 seconds to say "I'm still here".
MIN_WARNING_SECONDS = 20.0
# Bounds: what patients need (time to read; at most half an hour before one patient's
# answers are cleared for the next), far inside what Qt's timers can count (2**31 ms).
MIN_IDLE_SECONDS, MAX_IDLE_SECONDS = 20.0, 1800.0
MAX_WARNING_SECONDS = 120.0
MIN_STAFF_SECONDS, MAX_STAFF_SECONDS = 30.0, 3600.0

Colour = Annotated[str, StringConstraints(pattern=HEX_COLOUR), Field(description="#RRGGBB")]


class Clinic(Strict):
    """The clinic's name, logo and contact line."""

    name: ShortText = Field(default="Your clinic", description="Shown on the welcome screen")
    contact: (
        Annotated[str, Field(max_length=200)] | dict[Slug, Annotated[str, Field(max_length=200)]]
    ) = Field(
        default="",
        description="Shown on the checklist summary, e.g. a phone; one line, or one per language",
    )
    logo: str = Field(
        default="", description="Image file, relative to this settings file; shown on screens"
    )

    def contact_in(self, language: str, default: str) -> str:
        """The contact line in ``language``, else in the clinic's default language."""
        if isinstance(self.contact, str):
            return self.contact
        return self.contact.get(language) or self.contact.get(default, "")


def _phone(value: str) -> str:
    if not re.fullmatch(r"[0-9+*#(). -]*", value):
        raise ValueError("a phone number: only digits, spaces and + - ( ) . * #, e.g. 555-0100")
    return value


Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=30), AfterValidator(_phone)
]
NeededPhone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=30),
    AfterValidator(_phone),
]


class Safety(Strict):
    """Numbers the warning signs tell patients to call. Check them for the clinic's country."""

    emergency_number: NeededPhone = Field(
        default="911", description='Fills {emergency_number}: "Get care now" (112 in Europe)'
    )
    crisis_line: NeededPhone = Field(
        default="988", description="Fills {crisis_line}: a 24-hour mental health crisis line"
    )
    clinic_phone: Phone = Field(
        default="", description="Fills {clinic_phone}: the clinic's number for care soon"
    )

    def numbers(self) -> dict[str, str]:
        return {
            "emergency_number": self.emergency_number,
            "crisis_line": self.crisis_line,
            "clinic_phone": self.clinic_phone,
        }


class Theme(Strict):
    """Clinic colours. They must keep text readable: 7:1 for body text, 4.5:1 for the rest."""

    primary: Colour = Field(default="#0E5A66", description="Buttons, titles and highlights")
    on_primary: Colour = Field(default="#FFFFFF", description="Text on primary buttons")
    background: Colour = Field(default="#F6F4EF", description="Screen background")
    surface: Colour = Field(default="#FFFFFF", description="Tiles, rows and the top bar")
    text: Colour = Field(default="#1A1A1A", description="Body text")

    @model_validator(mode="after")
    def _readable(self) -> Self:
        pairs = [
            ("text", "background", BODY_TEXT_MIN),
            ("text", "surface", BODY_TEXT_MIN),
            ("on_primary", "primary", OTHER_MIN),
            ("primary", "background", OTHER_MIN),
            ("primary", "surface", OTHER_MIN),
        ]
        failures = []
        for fore, back, minimum in pairs:
            ratio = contrast(getattr(self, fore), getattr(self, back))
            if ratio < minimum:
                failures.append(f"{fore} on {back} is {ratio:.2f}:1, needs {minimum:g}:1")
        if failures:
            raise ValueError("colours too close to read: " + "; ".join(failures))
        return self


class Idle(Strict):
    """When the kiosk clears itself after nobody touches it."""

    timeout_seconds: float = Field(
        default=90,
        ge=MIN_IDLE_SECONDS,
        le=MAX_IDLE_SECONDS,
        description="Seconds without a touch before the 'Are you still there?' warning",
    )
    warning_seconds: float = Field(
        default=30,
        ge=MIN_WARNING_SECONDS,
        le=MAX_WARNING_SECONDS,
        description="Seconds the warning counts down before everything is cleared "
        "(at least 20: WCAG 2.2.1)",
    )

    @field_validator("warning_seconds", mode="before")
    @classmethod
    def _time_to_respond(cls, value: object) -> object:
        if isinstance(value, int | float) and value < MIN_WARNING_SECONDS:
            raise ValueError(
                f"{value:g} s is under the accessible minimum of {MIN_WARNING_SECONDS:g} s "
                "(WCAG 2.2.1): patients need time to say they are still there"
            )
        return value


class Languages(Strict):
    """Which languages patients see."""

    default: Slug = Field(default="en", description="Language a new patient sees first")
    offered: list[Slug] = Field(
        default_factory=list, description="Languages patients may choose; empty: all in the pack"
    )


class Features(Strict):
    """Parts of the kiosk a clinic can switch off."""

    checklist: bool = Field(default=True, description="Show the symptom checklist tile")
    read_aloud: bool = Field(
        default=False, description="Offer 'Read aloud' (needs a speech engine and audio output)"
    )
    speech_engine: str = Field(
        default="", description="QTextToSpeech engine, e.g. speechd or sapi; empty: the default"
    )
    speech_volume: float = Field(
        default=0.7,
        ge=0.1,
        le=1.0,
        description="Speech volume each patient starts with (0.1 to 1.0); patients may change "
        "it with the keypad, and it returns to this at every reset",
    )
    speech_output: Literal["speaker", "headphones"] = Field(
        default="speaker",
        description="headphones: speak (and chime) only while headphones are plugged in, never "
        "aloud in the waiting room; speaker: through whatever the kiosk plays sound on",
    )


class Staff(Strict):
    """Staff access: a hidden gesture opens a PIN pad (see the staff guide for a forgotten PIN)."""

    pin_hash: str = Field(
        default="",
        description="PIN hash from `kiosk hash-pin`, never the PIN itself; empty: no staff mode",
    )
    gesture_taps: int = Field(default=5, ge=3, le=10, description="Taps in the corner to open")
    gesture_seconds: float = Field(default=3, ge=1, le=10, description="...within this time")
    corner: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = Field(
        default="top-left", description="Which screen corner takes the taps"
    )
    timeout_seconds: float = Field(
        default=120,
        ge=MIN_STAFF_SECONDS,
        le=MAX_STAFF_SECONDS,
        description="Staff mode closes itself after this long without a touch",
    )

    @field_validator("pin_hash")
    @classmethod
    def _is_hash(cls, value: str) -> str:
        if value and not is_pin_hash(value):
            raise ValueError("not a PIN hash; make one with `kiosk hash-pin` and paste it here")
        return value


def _qr_url(value: str) -> str:
    if not re.fullmatch(r"https?://\S+", value) or len(value) > 1000:
        raise ValueError(
            "a web address starting with https:// (or http://), no spaces, at most 1000 "
            "characters: what a QR code can carry"
        )
    return value


# For editors, the same rule as _qr_url (whose words staff see).
QrUrl = Annotated[
    str,
    Field(json_schema_extra={"pattern": r"^https?://\S+$", "maxLength": 1000}),
    AfterValidator(_qr_url),
]


class TakeHome(Strict):
    """QR codes and printed handouts patients can take with them."""

    qr: bool = Field(default=True, description="Offer 'Take this with you' QR codes")
    urls: dict[Slug, QrUrl] = Field(
        default_factory=dict,
        description="Clinic web page per topic id, put in the QR code instead of the key points",
    )
    printer: str = Field(
        default="", description="Printer name for 'Print this handout'; empty: no print button"
    )


class Display(Strict):
    """The screen the kiosk runs on."""

    hide_cursor: bool = Field(default=False, description="Hide the mouse pointer (touch only)")
    diagonal_inches: float = Field(
        default=24,
        ge=7,
        le=110,
        description="Physical screen size, used to keep touch targets 20 mm wide",
    )


class ContentSource(Strict):
    """Where the content comes from, when not the bundled pack."""

    folder: str = Field(
        default="", description="Content pack folder (relative to this file); empty: bundled"
    )
    overlay: str = Field(
        default="", description="Folder of clinic pages that replace bundled ones, same layout"
    )


class Settings(Strict):
    """settings.yaml: one clinic's settings. Every key is optional."""

    clinic: Clinic = Clinic()
    safety: Safety = Safety()
    theme: Theme = Theme()
    idle: Idle = Idle()
    languages: Languages = Languages()
    features: Features = Features()
    staff: Staff = Staff()
    display: Display = Display()
    take_home: TakeHome = TakeHome()
    content: ContentSource = ContentSource()


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    warnings: tuple[Problem, ...]
    doc: YamlDocument

    @property
    def path(self) -> Path:
        return self.doc.path

    def resolve(self, relative: str) -> Path | None:
        """A path written in the settings file, taken relative to that file."""
        return (self.path.parent / relative).resolve() if relative else None


def load_settings(path: Path) -> LoadedSettings:
    """Load ``path``; raise ContentError when it is wrong (no warnings today: the schema bounds
    every risky value)."""
    doc = load_yaml(path)
    settings = validate(doc, Settings)
    loaded = LoadedSettings(settings, (), doc)
    logo = loaded.resolve(settings.clinic.logo)
    if logo is not None and not os.path.isfile(logo):  # never raises
        message = f"no image file at {settings.clinic.logo!r}"
        raise ContentError([doc.problem(("clinic", "logo"), message)])
    if logo is not None and (problem := image_problem(logo)) is not None:
        raise ContentError([doc.problem(("clinic", "logo"), f"{settings.clinic.logo}: {problem}")])
    return loaded


def system_settings_path() -> Path:
    """Where an installed kiosk looks for its clinic's settings when --config is not given."""
    if override := os.environ.get("KIOSK_SETTINGS"):
        return Path(override)
    if sys.platform == "win32":
        program_data = Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData"))
        return program_data / "GutHealthKiosk" / "settings.yaml"
    return Path("/etc/gut-health-kiosk/settings.yaml")
