"""Colour contrast by the WCAG 2 formula, for checking clinic theme colours. Qt-free."""

from __future__ import annotations

import re

HEX_COLOUR = r"^#[0-9A-Fa-f]{6}$"

BODY_TEXT_MIN = 7.0  # WCAG 1.4.6 (AAA) for body text
OTHER_MIN = 4.5  # WCAG 1.4.3 for other text, 1.4.11 asks 3:1 of control edges; we use 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#RRGGBB``: 0 for black, 1 for white."""
    if not re.fullmatch(HEX_COLOUR, colour):
        raise ValueError(f"{colour!r} is not a colour like #1A2B3C")
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(first: str, second: str, amount: float) -> str:
    """``first`` moved ``amount`` (0..1) of the way towards ``second``, as #RRGGBB."""
    a = [int(first[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(second[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))
