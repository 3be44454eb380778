"""Colours and type sizes, turned into one Qt style sheet for the whole window."""

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
    """Every colour the style sheet uses, derived from the clinic's five theme colours."""

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


def style_sheet(palette: Palette, sizes: TypeScale = TypeScale(), button: int = 88) -> str:
    """The whole window's style; ``button`` is the height of every button in pixels.

    The background is painted by the window and each scrolled page only: every layer with a
    background of its own is filled again on each page switch (a quarter of its time).
    """
    p, s = palette, sizes
    return f"""
    * {{ font-family: "DejaVu Sans", "Noto Sans", sans-serif; color: {p.text}; }}
    #KioskWindow, #ScrollBody {{ background: {p.background}; border: none; }}
    QStackedWidget, QScrollArea {{ background: transparent; border: none; }}
    QLabel {{ font-size: {s.body}px; background: transparent; }}
    QLabel[role="display"] {{ font-size: {s.display}px; font-weight: 700; }}
    QLabel[role="h1"] {{ font-size: {s.h1}px; font-weight: 700; }}
    QLabel[role="h2"] {{ font-size: {s.h2}px; font-weight: 700; }}
    QLabel[role="lead"] {{ font-size: {s.h2}px; color: {p.muted}; }}
    QLabel[role="muted"], QLabel[role="caption"] {{ font-size: {s.small}px; color: {p.muted}; }}
    QLabel[role="source"] {{ font-size: {s.small}px; color: {p.muted}; font-style: italic; }}
    QLabel[role="brand"] {{ font-size: {s.h2}px; font-weight: 700; color: {p.primary}; }}
    QLabel[role="pill"] {{
        font-size: {s.h2}px; font-weight: 700; color: {p.on_primary}; background: {p.primary};
        border-radius: 36px;
    }}
    #TopBar {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
    #WarningPanel {{
        background: {p.surface}; border: 4px solid {p.urgent}; border-radius: 16px;
    }}
    QLabel[role="warning-title"] {{ font-size: {s.h2}px; font-weight: 700; color: {p.urgent}; }}
    #WarningTier {{
        background: {p.surface}; border: 3px solid {p.urgent}; border-left-width: 12px;
    }}
    #WarningTier[level="soon"] {{ border-color: {p.caution}; }}
    QLabel[role="tier-heading"] {{ font-size: {s.h2}px; font-weight: 700; }}
    QLabel[role="tier-action"] {{ font-weight: 700; }}
    QLabel[role="sign"] {{ font-size: {s.small}px; }}
    QLabel[role="safety"] {{ font-size: {s.small}px; font-weight: 700; color: {p.urgent}; }}
    #Callout {{ background: {p.callout}; border-left: 10px solid {p.primary}; border-radius: 8px; }}
    QPushButton {{
        font-size: {s.button}px; font-weight: 700; min-height: {button}px;
        min-width: {max(160, button)}px; padding: 0 32px; border-radius: 14px;
        color: {p.on_primary}; background: {p.primary}; border: 3px solid {p.primary};
    }}
    QPushButton:pressed {{ background: {p.pressed}; border-color: {p.pressed}; }}
    QPushButton[variant="secondary"] {{ color: {p.primary}; background: {p.surface}; }}
    QPushButton[variant="secondary"]:pressed {{ background: {p.callout}; }}
    QPushButton[variant="secondary"]:checked {{
        color: {p.on_primary}; background: {p.primary}; border: 5px solid {p.text};
    }}
    QPushButton:disabled {{ color: {p.muted}; background: {p.surface}; border-color: {p.border}; }}
    #AccessBar {{ background: {p.surface}; border-top: 2px solid {p.border}; }}
    Tile {{
        background: {p.surface}; border: 3px solid {p.border}; border-radius: 20px;
    }}
    Tile[down="true"] {{ background: {p.callout}; border-color: {p.primary}; }}
    Tile[variant="feature"] {{ background: {p.callout}; border: 4px solid {p.primary}; }}
    QLabel[role="item"] {{ font-size: {s.h2}px; font-weight: 700; }}
    CheckRow {{
        background: {p.surface}; border: 3px solid {p.border}; border-radius: 16px;
        min-height: {button + 8}px;
    }}
    CheckRow[ticked="true"] {{ background: {p.callout}; border: 6px solid {p.primary}; }}
    TickBox {{ selection-background-color: {p.primary}; selection-color: {p.on_primary}; }}
    #StillThereOverlay, #TakeHomeOverlay {{ background: rgba(16, 24, 26, 215); }}
    #OverlayCard {{ background: {p.surface}; border-radius: 28px; }}
    QLabel[role="tile-title"] {{ font-size: {s.h2}px; font-weight: 700; color: {p.primary}; }}
    QScrollBar:vertical {{ width: 14px; background: transparent; }}
    QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 7px; min-height: 80px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
    """
