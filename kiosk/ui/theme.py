"""Colours, type sizes and touch-target sizes: what the look (``look``) is made of."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.core.colors import BODY_TEXT_MIN, OTHER_MIN, contrast, mix
from kiosk.core.config import Theme


def _toward(
    colour: str, target: str, limit: float, keep: float, *against: str, least: bool = False
) -> str:
    """``colour`` moved as far toward ``target`` (up to ``limit``) as keeps ``keep``:1 contrast,
    or with ``least`` as little as gives it (``target`` itself if nothing short of it does)."""
    steps = list(range(round(limit * 20) + 1))
    for step in steps if least else reversed(steps):
        candidate = mix(colour, target, step / 20)
        if all(contrast(candidate, other) >= keep for other in against):
            return candidate
    return target if least else colour


URGENT, CAUTION = "#A4161A", "#7A4A00"  # 7.7:1 and 7.5:1 on white


@dataclass(frozen=True)
class Palette:
    """Every colour of the look, derived from the clinic's five theme colours."""

    background: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    pressed: str
    callout: str
    border: str
    urgent: str = URGENT  # "get care now" and safety lines
    caution: str = CAUTION  # "see your care team soon"

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        grounds = (theme.background, theme.surface)
        callout = _toward(theme.surface, theme.primary, 0.12, BODY_TEXT_MIN, theme.text)
        return cls(
            background=theme.background,
            surface=theme.surface,
            text=theme.text,
            muted=_toward(theme.text, theme.background, 0.25, BODY_TEXT_MIN, *grounds, callout),
            primary=theme.primary,
            on_primary=theme.on_primary,
            pressed=_toward(theme.primary, theme.text, 0.35, OTHER_MIN, theme.on_primary),
            callout=callout,
            border=_toward(theme.text, theme.background, 0.5, OTHER_MIN, *grounds),
            urgent=_toward(URGENT, theme.text, 1, BODY_TEXT_MIN, *grounds, callout, least=True),
            caution=_toward(CAUTION, theme.text, 1, OTHER_MIN, *grounds, least=True),
        )

    @classmethod
    def high_contrast(cls) -> Palette:
        """White and yellow on black, for low vision; every pair well above 7:1."""
        return cls(
            background="#000000",
            surface="#000000",
            text="#FFFFFF",
            muted="#FFFFFF",
            primary="#FFE14D",
            on_primary="#000000",
            pressed="#FFF3B0",
            callout="#1C1C1C",
            border="#FFFFFF",
            urgent="#FF8A80",
            caution="#FFE14D",
        )


@dataclass(frozen=True)
class TypeScale:
    """Pixel sizes at 100% text; body text stays at or above 28 px on a 1080p screen."""

    body: int = 30
    small: int = 28
    h2: int = 38
    h1: int = 52
    display: int = 76
    button: int = 30

    def scaled(self, factor: float) -> TypeScale:
        """Body text grows by ``factor``; headings never shrink but grow only to 1.35x body,
        so a 200% page keeps its hierarchy without titles filling the screen."""
        body = round(self.body * factor)
        cap = round(body * 1.35)
        return TypeScale(
            body=body,
            small=round(self.small * factor),
            h2=max(self.h2, min(cap, round(self.h2 * factor))),
            h1=max(self.h1, min(cap, round(self.h1 * factor))),
            display=max(self.display, min(cap, round(self.display * factor))),
            button=round(self.button * factor),
        )


MIN_TARGET_MM = 20.0  # standing kiosk, Colle & Hiszem 2004
MIN_TARGET_PX = 72  # 20 mm on the default 24-inch 1080p screen
BUTTON_HEIGHT_PX = 88


def target_px(width: int, height: int, diagonal_inches: float) -> int:
    """Pixels that make ``MIN_TARGET_MM`` on a ``width`` x ``height`` screen of that size."""
    pixels_per_mm = math.hypot(width, height) / (diagonal_inches * 25.4)
    return round(MIN_TARGET_MM * pixels_per_mm)


def button_px(target: int) -> int:
    """Button height for a minimum target of ``target`` px: a margin above the minimum."""
    return max(BUTTON_HEIGHT_PX, target + 16)
